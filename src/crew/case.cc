#include "crew/case.h"

#include "store/journal.h"

namespace kontor::crew {

using nlohmann::json;

std::string sections_collection(std::string_view case_id) {
  return "sections/" + std::string(case_id);
}

json to_json(const CaseInfo& info) {
  return {{"id", info.id},
          {"goal", info.goal},
          {"skill", info.skill},
          {"as_of", info.as_of},
          {"created_at", info.created_at},
          {"status", info.status},
          {"brief", info.brief}};
}

namespace {

StatusOr<CaseInfo> case_from_record(const store::Record& record) {
  json j = json::parse(record.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return data_loss("cases/" + record.key + ": not a JSON object");
  }
  return CaseInfo{j.value("id", record.key),
                  j.value("goal", ""),
                  j.value("skill", ""),
                  j.value("as_of", ""),
                  j.value("created_at", ""),
                  j.value("status", ""),
                  j.value("brief", json::object())};
}

}  // namespace

StatusOr<std::vector<CaseInfo>> list_cases(store::Store& store) {
  std::vector<CaseInfo> cases;
  RETURN_IF_ERROR(store.scan(kCasesCollection, [&](const store::Record& record) -> Status {
    ASSIGN_OR_RETURN(CaseInfo info, case_from_record(record));
    cases.push_back(std::move(info));
    return ok_status();
  }));
  return cases;
}

StatusOr<CaseInfo> find_case(store::Store& store, std::string_view case_id) {
  ASSIGN_OR_RETURN(auto record, store.get(kCasesCollection, case_id));
  if (!record) return not_found("case '" + std::string(case_id) + "': no such case");
  return case_from_record(*record);
}

StatusOr<SectionRecord> section_from_record(const store::Record& record) {
  json j = json::parse(record.body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("body")) {
    return data_loss(record.collection + "/" + record.key + ": not a section record");
  }
  return SectionRecord{record.key, j["body"], record.version, j.value("writer", ""),
                       j.value("at", "")};
}

StatusOr<std::vector<SectionRecord>> list_sections(store::Store& store, std::string_view case_id) {
  std::vector<SectionRecord> sections;
  RETURN_IF_ERROR(
      store.scan(sections_collection(case_id), [&](const store::Record& record) -> Status {
        ASSIGN_OR_RETURN(SectionRecord s, section_from_record(record));
        sections.push_back(std::move(s));
        return ok_status();
      }));
  return sections;
}

StatusOr<std::optional<SectionRecord>> read_section(store::Store& store, std::string_view case_id,
                                                    std::string_view name) {
  ASSIGN_OR_RETURN(auto record, store.get(sections_collection(case_id), name));
  if (!record) return std::optional<SectionRecord>();
  ASSIGN_OR_RETURN(SectionRecord section, section_from_record(*record));
  return std::optional<SectionRecord>(std::move(section));
}

StatusOr<CaseState> load_case_state(store::Store& store, std::string_view case_id) {
  store::Journal journal(store, std::string(case_id));
  ASSIGN_OR_RETURN(auto snapshot, journal.snapshot());
  CaseState state;
  if (snapshot) {
    auto restored = CaseState::from_json(snapshot->state);
    if (!restored.ok())
      return restored.status().with_context("case '" + std::string(case_id) + "'");
    state = std::move(restored).value();
  }
  RETURN_IF_ERROR(journal.read(
      state.seq, [&](const store::JournalEvent& event) { return state.apply(event); }));
  if (state.seq == 0) return not_found("case '" + std::string(case_id) + "': no such case");
  return state;
}

}  // namespace kontor::crew
