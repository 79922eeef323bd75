#include "report/case_view.h"

namespace kontor::report {

using nlohmann::json;

json to_json(const CaseView& view) {
  json out = json::object();
  out["case_id"] = view.case_id;
  if (!view.title.empty()) out["title"] = view.title;
  if (!view.as_of.empty()) out["as_of"] = view.as_of;
  if (!view.status.empty()) out["status"] = view.status;
  out["brief"] = view.brief;
  out["sections"] = json::object();
  for (const auto& [name, body] : view.sections) out["sections"][name] = body;
  out["questions"] = view.questions;
  out["actions"] = view.actions;
  out["events"] = view.events;
  return out;
}

namespace {

Status read_string(const json& j, const char* key, std::string& target) {
  if (!j.contains(key)) return ok_status();
  if (!j[key].is_string()) return invalid_argument(std::string(key) + ": expected a string");
  target = j[key].get<std::string>();
  return ok_status();
}

Status read_objects(const json& j, const char* key, std::vector<json>& target) {
  if (!j.contains(key)) return ok_status();
  if (!j[key].is_array()) return invalid_argument(std::string(key) + ": expected an array");
  for (std::size_t i = 0; i < j[key].size(); ++i) {
    if (!j[key][i].is_object()) {
      return invalid_argument(std::string(key) + "[" + std::to_string(i) + "]: expected an object");
    }
    target.push_back(j[key][i]);
  }
  return ok_status();
}

}  // namespace

StatusOr<CaseView> case_view_from_json(const json& j) {
  if (!j.is_object()) return invalid_argument("case: expected a JSON object");
  CaseView view;
  RETURN_IF_ERROR(read_string(j, "case_id", view.case_id));
  RETURN_IF_ERROR(read_string(j, "title", view.title));
  RETURN_IF_ERROR(read_string(j, "as_of", view.as_of));
  RETURN_IF_ERROR(read_string(j, "status", view.status));
  if (j.contains("brief")) {
    if (!j["brief"].is_object()) return invalid_argument("brief: expected an object");
    view.brief = j["brief"];
  }
  if (j.contains("sections")) {
    if (!j["sections"].is_object()) return invalid_argument("sections: expected an object");
    for (const auto& [name, body] : j["sections"].items()) view.sections[name] = body;
  }
  RETURN_IF_ERROR(read_objects(j, "questions", view.questions));
  RETURN_IF_ERROR(read_objects(j, "actions", view.actions));
  if (j.contains("events")) {
    if (!j["events"].is_object()) return invalid_argument("events: expected an object");
    view.events = j["events"];
  }
  return view;
}

}  // namespace kontor::report
