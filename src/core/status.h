// Status and StatusOr: how every expected failure in Kontor is reported (bad input, missing
// data, no route, conflict). A Status carries a code and a message that names the field or the
// file/line and the reason. Exceptions never cross a module's public header.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kontor {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is wrong (a field, a flag, a request body)
  kNotFound,            // the thing asked for is not in the data
  kFailedPrecondition,  // the data cannot answer this question (e.g. no rate for that date)
  kOutOfRange,          // a value outside what the rule or type allows
  kDataLoss,            // a reference or stored data file is malformed
  kAlreadyExists,
  kAborted,      // a conflict (optimistic concurrency); safe to retry after re-reading
  kUnavailable,  // a transient failure; safe to retry
  kUnimplemented,
  kInternal,
};

std::string_view status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: goods_value: not a decimal number: 'abc'"
  std::string to_string() const;

  // Prefixes the message with context, e.g. the file and line a nested parser did not know.
  Status with_context(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status ok_status() { return Status(); }
inline Status invalid_argument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status failed_precondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status out_of_range(std::string m) { return {StatusCode::kOutOfRange, std::move(m)}; }
inline Status data_loss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status already_exists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status aborted(std::string m) { return {StatusCode::kAborted, std::move(m)}; }
inline Status unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status unimplemented(std::string m) { return {StatusCode::kUnimplemented, std::move(m)}; }
inline Status internal_error(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

namespace detail {
[[noreturn]] void value_of_error(const Status& status);
}  // namespace detail

// A value or the Status saying why there is none. Constructing from an OK status is a bug and
// is turned into an internal error; asking an error for its value aborts with the status (a
// programming error: check ok() or use ASSIGN_OR_RETURN).
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) status_ = internal_error("StatusOr constructed from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    if (!value_) detail::value_of_error(status_);
    return *value_;
  }
  const T& value() const& {
    if (!value_) detail::value_of_error(status_);
    return *value_;
  }
  T&& value() && {
    if (!value_) detail::value_of_error(status_);
    return std::move(*value_);
  }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace kontor

#define KONTOR_CONCAT_INNER(a, b) a##b
#define KONTOR_CONCAT(a, b) KONTOR_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function when `expr` is not OK.
#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::kontor::Status kontor_status_ = (expr);        \
    if (!kontor_status_.ok()) return kontor_status_; \
  } while (false)

// ASSIGN_OR_RETURN(auto x, f()): binds the value or returns the error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(KONTOR_CONCAT(kontor_statusor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

// KONTOR_CHECK: an invariant that only a programming error can break; aborts with the location.
#define KONTOR_CHECK(cond)                                                  \
  do {                                                                      \
    if (!(cond)) ::kontor::detail::check_failed(#cond, __FILE__, __LINE__); \
  } while (false)

namespace kontor::detail {
[[noreturn]] void check_failed(const char* condition, const char* file, int line);
}
