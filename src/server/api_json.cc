#include "server/api_json.h"

#include <algorithm>

namespace kontor::server {
namespace {

using nlohmann::json;

// "freight.amount: not a decimal" → "freight.amount"; "" when the prefix is not a field path.
std::string field_of(const std::string& message) {
  const std::size_t colon = message.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 64) return "";
  const std::string prefix = message.substr(0, colon);
  const bool path = std::all_of(prefix.begin(), prefix.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
  return path ? prefix : "";
}

}  // namespace

ApiError api_error(int http_status, std::string code, std::string message, std::string field) {
  return {http_status, std::move(code), std::move(message), std::move(field)};
}

ApiError api_error(const Status& status) {
  int http = 500;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange: http = 400; break;
    case StatusCode::kNotFound: http = 404; break;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAlreadyExists:
    case StatusCode::kAborted: http = 409; break;
    case StatusCode::kUnavailable: http = 503; break;
    default: break;
  }
  std::string code(status_code_name(status.code()));
  if (http == 400) code = "invalid_argument";
  if (http == 409) code = "conflict";
  if (http == 500) code = "internal";
  std::string field = http == 400 ? field_of(status.message()) : "";
  return {http, std::move(code), status.message(), std::move(field)};
}

json error_json(const ApiError& error) {
  json body = {{"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) body["field"] = error.field;
  return {{"error", std::move(body)}};
}

StatusOr<json> parse_object(std::string_view body,
                            std::initializer_list<std::string_view> allowed) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return json::object();
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) return invalid_argument("body: not valid JSON");
  if (!j.is_object()) return invalid_argument("body: expected a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return invalid_argument(key + ": unknown field");
    }
  }
  return j;
}

StatusOr<std::optional<std::string>> string_member(const json& object, std::string_view name,
                                                   bool required) {
  const std::string key(name);
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) return invalid_argument(key + ": required");
    return std::optional<std::string>();
  }
  if (!it->is_string()) return invalid_argument(key + ": expected a string");
  std::string value = it->get<std::string>();
  if (required && value.find_first_not_of(" \t\r\n") == std::string::npos) {
    return invalid_argument(key + ": must not be empty");
  }
  return std::optional<std::string>(std::move(value));
}

}  // namespace kontor::server
