// Name tables for enums that travel as text (protocol, database): one table per enum, looked up
// both ways.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace pcn::util {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

/// The name of `value` in `table`, or "?" when the table lacks it.
template <typename E, std::size_t N>
std::string_view enum_name(const EnumNames<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

/// The value named `name` in `table`, or nullopt.
template <typename E, std::size_t N>
std::optional<E> enum_value(const EnumNames<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace pcn::util
