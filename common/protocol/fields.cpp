#include "protocol/fields.h"

#include <cctype>
#include <limits>

#include "text/catalog.h"

namespace pcn::protocol {

namespace {

util::Error bad_request(std::string message) {
  return util::make_error("bad_request", std::move(message));
}

bool is_upper_letter(char c) { return c >= 'A' && c <= 'Z'; }

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Exactly "DDDD-DD-DD": LocalDate::parse alone lets signs and spaces through.
bool has_date_shape(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(s[i])) return false;
  }
  return true;
}

/// The integer in `j` when it is a JSON integer within [min, max].
std::optional<std::int64_t> integer_in(const Json& j, std::int64_t min, std::int64_t max) {
  if (j.is_number_unsigned()) {
    auto u = j.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max)) return std::nullopt;
    auto v = static_cast<std::int64_t>(u);
    return v >= min ? std::optional(v) : std::nullopt;
  }
  if (!j.is_number_integer()) return std::nullopt;
  auto v = j.get<std::int64_t>();
  return v >= min && v <= max ? std::optional(v) : std::nullopt;
}

}  // namespace

Fields::Fields(const Json& value, std::string path) : path_(std::move(path)) {
  if (value.is_object()) {
    object_ = &value;
  } else if (path_.empty()) {
    error_ = bad_request(text::message_not_object());
  } else {
    error_ = bad_request(text::field_invalid(path_, text::expect_object()));
  }
}

std::string Fields::name_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

Fields& Fields::fail(const util::Error& error) {
  if (!error_) error_ = error;
  return *this;
}

Fields& Fields::invalid(std::string_view key, const std::string& expected) {
  if (!error_) error_ = bad_request(text::field_invalid(name_of(key), expected));
  return *this;
}

const Json* Fields::member(const char* key, bool required) {
  if (error_) return nullptr;
  auto it = object_->find(key);
  if (it != object_->end() && !it->is_null()) return &*it;
  if (required) error_ = bad_request(text::field_missing(name_of(key)));
  return nullptr;
}

const Json* Fields::string_member(const char* key) {
  const Json* j = member(key, true);
  if (j != nullptr && !j->is_string()) {
    invalid(key, text::expect_text());
    return nullptr;
  }
  return j;
}

Fields& Fields::read(const char* key, std::string& out) {
  if (const Json* j = string_member(key)) out = j->get<std::string>();
  return *this;
}

Fields& Fields::read(const char* key, bool& out) {
  const Json* j = member(key, true);
  if (j == nullptr) return *this;
  if (!j->is_boolean()) return invalid(key, text::expect_boolean());
  out = j->get<bool>();
  return *this;
}

template <typename Int, typename Out>
Fields& Fields::read_integer(const char* key, Out& out, std::int64_t min, bool required) {
  const Json* j = member(key, required);
  if (j == nullptr) return *this;
  auto v = integer_in(*j, min, std::numeric_limits<Int>::max());
  if (!v) {
    auto expected = text::expect_integer_from(min);
    return invalid(key, required ? expected : text::expect_nullable(expected));
  }
  out = static_cast<Int>(*v);
  return *this;
}

Fields& Fields::read(const char* key, std::int64_t& out, std::int64_t min) {
  return read_integer<std::int64_t>(key, out, min, true);
}

Fields& Fields::read(const char* key, int& out, int min) {
  return read_integer<int>(key, out, min, true);
}

Fields& Fields::read(const char* key, std::optional<std::int64_t>& out, std::int64_t min) {
  out.reset();
  return read_integer<std::int64_t>(key, out, min, false);
}

Fields& Fields::read(const char* key, std::optional<int>& out, int min) {
  out.reset();
  return read_integer<int>(key, out, min, false);
}

Fields& Fields::read(const char* key, util::LocalDate& out) {
  const Json* j = string_member(key);
  if (j == nullptr) return *this;
  const auto& s = j->get_ref<const std::string&>();
  if (!has_date_shape(s)) return invalid(key, text::expect_date());
  auto date = util::LocalDate::parse(s);
  if (!date.ok()) return invalid(key, text::expect_date());
  out = *date;
  return *this;
}

Fields& Fields::read(const char* key, util::TimePoint& out) {
  std::int64_t ms = 0;
  read(key, ms, 0);
  if (ok()) out = util::from_unix_ms(ms);
  return *this;
}

Fields& Fields::read(const char* key, std::optional<util::TimePoint>& out) {
  std::optional<std::int64_t> ms;
  read(key, ms, 0);
  out.reset();
  if (ok() && ms) out = util::from_unix_ms(*ms);
  return *this;
}

Fields& Fields::read_letter(const char* key, char& out) {
  const Json* j = string_member(key);
  if (j == nullptr) return *this;
  const auto& s = j->get_ref<const std::string&>();
  if (s.size() != 1 || !is_upper_letter(s[0])) return invalid(key, text::expect_letter());
  out = s[0];
  return *this;
}

Fields& Fields::read_letters(const char* key, std::string& out) {
  const Json* j = string_member(key);
  if (j == nullptr) return *this;
  const auto& s = j->get_ref<const std::string&>();
  for (char c : s) {
    if (!is_upper_letter(c)) return invalid(key, text::expect_letters());
  }
  out = s;
  return *this;
}

Fields& Fields::read_colour(const char* key, std::string& out) {
  const Json* j = string_member(key);
  if (j == nullptr) return *this;
  const auto& s = j->get_ref<const std::string&>();
  bool good = s.size() == 7 && s[0] == '#';
  for (std::size_t i = 1; good && i < s.size(); ++i) good = is_hex(s[i]);
  if (!good) return invalid(key, text::expect_colour());
  out = s;
  return *this;
}

Fields& Fields::read_object(const char* key, Json& out, bool required) {
  const Json* j = member(key, required);
  if (error_) return *this;
  if (j == nullptr) {
    out = Json::object();
    return *this;
  }
  if (!j->is_object()) return invalid(key, text::expect_object());
  out = *j;
  return *this;
}

}  // namespace pcn::protocol
