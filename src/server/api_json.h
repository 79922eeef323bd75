// The JSON conventions of the HTTP API (docs/api.md): the error body {"error": {"code",
// "message", "field"}} and its HTTP status for each Status code, and strict request parsing —
// a body must be a JSON object whose members are all known, so a typo in a field name is an
// error naming it instead of a silently ignored input.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kontor::server {

struct ApiError {
  int http_status = 500;
  std::string code;     // "invalid_argument", "not_found", …
  std::string message;  // names the field and the reason
  std::string field;    // "" when no single input field is at fault
};

// invalid_argument/out_of_range → 400, not_found → 404, failed_precondition/already_exists/
// aborted → 409, unavailable → 503, everything else → 500. `field` is the leading
// "name: " or "a.b: " of the message when it looks like a field path.
ApiError api_error(const Status& status);
ApiError api_error(int http_status, std::string code, std::string message, std::string field = "");
nlohmann::json error_json(const ApiError& error);

// The body as a JSON object with only `allowed` members (invalid_argument naming the first
// unknown one, or saying the body is not a JSON object). An empty body is {}.
StatusOr<nlohmann::json> parse_object(std::string_view body,
                                      std::initializer_list<std::string_view> allowed);
// Member `name` as a string: absent → nullopt (or invalid_argument "name: required" when
// `required`), present but not a string → invalid_argument naming it. `required` also rejects
// an empty or blank string.
StatusOr<std::optional<std::string>> string_member(const nlohmann::json& object,
                                                   std::string_view name, bool required);

}  // namespace kontor::server
