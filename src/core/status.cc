#include "core/status.h"

#include <cstdio>
#include <cstdlib>

namespace kontor {

std::string_view status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kOutOfRange: return "out_of_range";
    case StatusCode::kDataLoss: return "data_loss";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kAborted: return "aborted";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kUnimplemented: return "unimplemented";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (ok()) return "ok";
  std::string out(status_code_name(code_));
  out += ": ";
  out += message_;
  return out;
}

Status Status::with_context(std::string_view context) const {
  if (ok()) return *this;
  std::string message(context);
  message += ": ";
  message += message_;
  return Status(code_, std::move(message));
}

namespace detail {
void check_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "kontor: internal check failed: %s at %s:%d\n", condition, file, line);
  std::abort();
}
void value_of_error(const Status& status) {
  std::fprintf(stderr, "kontor: internal check failed: value() of an error: %s\n",
               status.to_string().c_str());
  std::abort();
}
}  // namespace detail

}  // namespace kontor
