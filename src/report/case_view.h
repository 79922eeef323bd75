// CaseView: everything the report shows about one case, in the JSON forms the case store keeps,
// so a report renders the same from a live run and from a stored case. The runner (or the store)
// fills it; the report never reads the store itself.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"

namespace kontor::report {

struct CaseView {
  std::string case_id;  // "c-20261123-0001"
  std::string title;    // optional; the brief's product when empty
  std::string as_of;    // the case's "today", "YYYY-MM-DD"
  std::string status;   // "running", "waiting", "done", "failed" (free text)
  nlohmann::json brief = nlohmann::json::object();  // crew::to_json(Brief)
  // Section name → body as stored (crew/sections.h defines the typed forms); ordered by name
  // so that output is deterministic.
  std::map<std::string, nlohmann::json> sections;
  // Open questions: crew::Question as JSON {id, field, text, options[], asked_by}.
  std::vector<nlohmann::json> questions;
  // Actions waiting for a human: {id, kind, counterparty, amount{amount,currency}, reference,
  // reason, state, digest, expires}.
  std::vector<nlohmann::json> actions;
  // Journal summary, free form: {"events": 142, "tasks": {"done": 9, "failed": 0, …},
  // "started": "…", "finished": "…"}.
  nlohmann::json events = nlohmann::json::object();
};

// {"case_id", "title", "as_of", "status", "brief", "sections": {name: body}, "questions": [],
// "actions": [], "events": {}}; absent members default to empty.
nlohmann::json to_json(const CaseView& view);
// invalid_argument naming the member when a member has the wrong JSON type.
StatusOr<CaseView> case_view_from_json(const nlohmann::json& json);

}  // namespace kontor::report
