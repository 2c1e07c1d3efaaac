// Expected failures as values: the project's one error policy.
//
// Every operation that can fail for a reason outside the programmer's control (bad input, a refused
// queue transition, a SQLite or ZeroMQ error, a printer that is off) returns a Result<T> or a Status.
// An Error carries a stable machine code (snake_case; it travels in the protocol, see
// docs/protocol.md) and a message for people, in French, from the text catalog.
// Exceptions are only for fatal start-up problems and are caught in main().
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pcn::util {

struct Error {
  std::string code;     ///< stable identifier, e.g. "counter_paused", "io_error"
  std::string message;  ///< for people (French), names the problem

  std::string to_string() const;  ///< "message (code)"
};

/// Either a value of type T or an Error. Cheap to move; never empty.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}    // NOLINT(google-explicit-constructor)

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  /// REQUIRES: ok().
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// REQUIRES: !ok().
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

/// Success or an Error, for operations that produce nothing.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  static Status success() { return {}; }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  /// REQUIRES: !ok().
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Error make_error(std::string code, std::string message) {
  return Error{std::move(code), std::move(message)};
}

}  // namespace pcn::util

/// Propagates a failed Result/Status from the enclosing function: PCN_TRY(expr);
#define PCN_TRY(expr)                                  \
  do {                                                 \
    auto&& pcn_try_result_ = (expr);                   \
    if (!pcn_try_result_.ok()) return pcn_try_result_.error(); \
  } while (false)
