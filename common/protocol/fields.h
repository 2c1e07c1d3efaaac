// Reading the members of a JSON object received from the wire, with the protocol's validation
// errors: code "bad_request" and a French message that names the field by its path in the
// message, e.g. "args.counter" or "change.tickets[2].called_at" (docs/protocol.md, "Errors").
//
// Use: read every field into its destination, then check ok() once.
//   Fields f(json, "ticket");
//   f.read("id", t.id, 1).read("day", t.day);
//   if (!f.ok()) return f.error();
// The first failure is kept; later reads then do nothing. Members not read are ignored (a v1
// peer may add fields). Required fields fail when missing or null; nullable ones (std::optional
// destinations) read a missing member or null as nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/catalog.h"
#include "util/clock.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::protocol {

using Json = nlohmann::json;

class Fields {
 public:
  /// Reads the members of `value`; fails at once when it is not an object. `path` names the
  /// object in errors; "" is the message itself (its members are then named by their key alone).
  /// REQUIRES: `value` outlives this reader.
  Fields(const Json& value, std::string path);

  bool ok() const { return !error_; }
  /// REQUIRES: !ok().
  const util::Error& error() const { return *error_; }
  /// The name of member `key` in errors: "path.key", or "key" at the root.
  std::string name_of(std::string_view key) const;

  /// Records a failure of `key` (when none is recorded yet): "expected" is a text::expect_* phrase.
  Fields& invalid(std::string_view key, const std::string& expected);
  /// Records `error` (a nested value's, already naming its field) when none is recorded yet.
  Fields& fail(const util::Error& error);

  Fields& read(const char* key, std::string& out);
  Fields& read(const char* key, bool& out);
  /// Integers: JSON integers only (no 2.0), from `min` up to the type's maximum.
  Fields& read(const char* key, std::int64_t& out, std::int64_t min);
  Fields& read(const char* key, int& out, int min);
  Fields& read(const char* key, std::optional<std::int64_t>& out, std::int64_t min);
  Fields& read(const char* key, std::optional<int>& out, int min);
  /// "YYYY-MM-DD", an existing calendar day.
  Fields& read(const char* key, util::LocalDate& out);
  /// Integer milliseconds since the Unix epoch, ≥ 0.
  Fields& read(const char* key, util::TimePoint& out);
  Fields& read(const char* key, std::optional<util::TimePoint>& out);
  /// One upper-case letter A–Z, as a one-character string ("C").
  Fields& read_letter(const char* key, char& out);
  /// Upper-case letters A–Z, possibly none ("CFN").
  Fields& read_letters(const char* key, std::string& out);
  /// "#RRGGBB", hexadecimal digits in either case.
  Fields& read_colour(const char* key, std::string& out);
  /// An object member, copied. When absent (or null) and !required: an empty object.
  Fields& read_object(const char* key, Json& out, bool required);

  /// A string naming a value of an enum: `from` maps the name; `names` lists them for the error.
  template <typename E>
  Fields& read_enum(const char* key, E& out, std::optional<E> (*from)(std::string_view),
                    std::string_view names);

  /// A list of values, each decoded by `decode(item, item_path)` where item_path is
  /// "path.key[i]". The first item that fails fails the read with the item's error.
  template <typename T>
  using ItemDecoder = util::Result<T> (*)(const Json& item, const std::string& item_path);
  template <typename T>
  Fields& read_list(const char* key, std::vector<T>& out, ItemDecoder<T> decode);

 private:
  /// The member `key`; nullptr (and an error when `required`) when it is missing or null.
  const Json* member(const char* key, bool required);
  const Json* string_member(const char* key);
  template <typename Int, typename Out>
  Fields& read_integer(const char* key, Out& out, std::int64_t min, bool required);

  const Json* object_ = nullptr;
  std::string path_;
  std::optional<util::Error> error_;
};

template <typename E>
Fields& Fields::read_enum(const char* key, E& out, std::optional<E> (*from)(std::string_view),
                          std::string_view names) {
  const Json* j = string_member(key);
  if (j == nullptr) return *this;
  if (auto value = from(j->get_ref<const std::string&>())) {
    out = *value;
    return *this;
  }
  return invalid(key, text::expect_one_of(std::string(names)));
}

template <typename T>
Fields& Fields::read_list(const char* key, std::vector<T>& out, ItemDecoder<T> decode) {
  const Json* j = member(key, true);
  if (j == nullptr) return *this;
  if (!j->is_array()) return invalid(key, text::expect_list());
  std::vector<T> items;
  items.reserve(j->size());
  for (std::size_t i = 0; i < j->size(); ++i) {
    auto item = decode((*j)[i], name_of(key) + "[" + std::to_string(i) + "]");
    if (!item.ok()) {
      error_ = item.error();
      return *this;
    }
    items.push_back(std::move(item).value());
  }
  out = std::move(items);
  return *this;
}

}  // namespace pcn::protocol
