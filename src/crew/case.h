// Case: one job of the crew as kept in the store — its record (goal, brief, as-of date, skill,
// last known status), its typed sections (each write versioned, with the writer task and
// time) and its journal (store/journal.h) from which CaseState is rebuilt. These functions read
// a case; only the Runner writes one.
//
// On-disk format (besides journal/… and outbox/…, see store/journal.h and store/outbox.h):
//   collection "cases"            key: case id; body {"id", "goal", "skill", "as_of",
//                                 "created_at", "status": "running|completed|waiting|failed",
//                                 "brief": {…}} (status is a cache; the journal is the truth)
//   collection "sections/<case>"  key: section name; body {"body": {…}, "writer": "<task id>",
//                                 "at": "<UTC time>"}; the record version is Section::version.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "crew/case_state.h"
#include "store/store.h"

namespace kontor::crew {

inline constexpr std::string_view kCasesCollection = "cases";
std::string sections_collection(std::string_view case_id);
// The section answers are written to: {"<question id>": "<answer text>"}; an
// agent that asked reads its answer here when it is run again.
inline constexpr std::string_view kAnswersSection = "answers";

struct CaseInfo {
  std::string id;
  std::string goal;
  std::string skill;
  std::string as_of;
  std::string created_at;
  std::string status;
  nlohmann::json brief = nlohmann::json::object();
};

struct SectionRecord {
  std::string name;
  nlohmann::json body;
  std::int64_t version = 0;
  std::string writer;  // task id, or "human" for answers
  std::string at;
};

nlohmann::json to_json(const CaseInfo& info);
StatusOr<std::vector<CaseInfo>> list_cases(store::Store& store);  // by id
StatusOr<CaseInfo> find_case(store::Store& store, std::string_view case_id);
StatusOr<std::vector<SectionRecord>> list_sections(store::Store& store, std::string_view case_id);
StatusOr<std::optional<SectionRecord>> read_section(store::Store& store, std::string_view case_id,
                                                    std::string_view name);
StatusOr<SectionRecord> section_from_record(const store::Record& record);
// Latest snapshot plus the events after it.
StatusOr<CaseState> load_case_state(store::Store& store, std::string_view case_id);

}  // namespace kontor::crew
