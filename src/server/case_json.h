// The case as the API shows it (docs/api.md): the summary of GET /api/cases/{id} — brief,
// tasks with their agent, state and live progress, open questions with their candidate answers,
// pending approvals with amount, counterparty and reason, the outbox — the list entry of
// GET /api/cases, and the report's CaseView, all read from the store.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/status.h"
#include "crew/case.h"
#include "crew/runner.h"
#include "report/case_view.h"
#include "server/case_jobs.h"
#include "server/event_hub.h"
#include "store/store.h"

namespace kontor::server {

struct CaseExtras {
  std::string job_status;  // "queued", "running" or "" (then the summary's own status)
  std::map<std::string, TaskProgress> progress;
  std::optional<JobError> last_error;
};

nlohmann::json case_summary_json(const crew::CaseInfo& info, const crew::CaseSummary& summary,
                                 const CaseExtras& extras);
nlohmann::json case_list_entry_json(const crew::CaseInfo& info, const std::string& job_status);
// A pending approval: the outbox entry with the action's amount, counterparty, reason,
// reference and params lifted up.
nlohmann::json approval_json(const store::OutboxAction& action);

StatusOr<report::CaseView> load_case_view(store::Store& store, const std::string& case_id,
                                          const std::string& status);

// "K20261123-1a2b3c": the runner's id form, made here so the id is known before the case runs.
std::string new_case_id(Date as_of);
// Ids the API accepts in a path: 1 to 64 of [A-Za-z0-9_.-].
bool valid_case_id(std::string_view id);

}  // namespace kontor::server
