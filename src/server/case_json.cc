#include "server/case_json.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "store/outbox.h"

namespace kontor::server {

using nlohmann::json;

namespace {

json task_json(const crew::TaskRecord& t, const std::map<std::string, TaskProgress>& progress) {
  json j = {{"id", t.spec.id},
            {"agent", t.spec.agent},
            {"title", t.spec.title},
            {"after", t.spec.after},
            {"state", crew::task_state_name(t.state)},
            {"attempts", t.attempts},
            {"error", t.error},
            {"waiting_on", t.waiting_on},
            {"added_by", t.added_by},
            {"progress", nullptr}};
  auto it = progress.find(t.spec.id);
  if (it != progress.end() && t.state == crew::TaskState::kRunning) {
    j["progress"] = {
        {"done", it->second.done}, {"total", it->second.total}, {"what", it->second.what}};
  }
  return j;
}

json action_entry_json(const store::OutboxAction& a) {
  return {{"key", a.key},
          {"kind", a.kind},
          {"task", a.task_id},
          {"state", store::action_state_name(a.state)},
          {"updated_at", a.updated_at},
          {"action", a.action},
          {"result", a.result}};
}

}  // namespace

json approval_json(const store::OutboxAction& a) {
  json j = {{"key", a.key},
            {"kind", a.kind},
            {"task", a.task_id},
            {"state", store::action_state_name(a.state)}};
  if (a.action.is_object()) {
    for (const char* member : {"counterparty", "amount", "reason", "reference", "params"}) {
      if (a.action.contains(member)) j[member] = a.action[member];
    }
  }
  return j;
}

json case_summary_json(const crew::CaseInfo& info, const crew::CaseSummary& summary,
                       const CaseExtras& extras) {
  json tasks = json::array();
  for (const crew::TaskRecord& t : summary.state.tasks) {
    tasks.push_back(task_json(t, extras.progress));
  }
  json questions = json::array();
  for (const crew::QuestionRecord* q : summary.open_questions()) {
    questions.push_back({{"id", q->question.id},
                         {"field", q->question.field},
                         {"text", q->question.text},
                         {"options", q->question.options},
                         {"asked_by", q->question.asked_by},
                         {"task", q->task_id}});
  }
  json approvals = json::array();
  for (const store::OutboxAction* a : summary.pending_approvals()) {
    approvals.push_back(approval_json(*a));
  }
  json actions = json::array();
  for (const store::OutboxAction& a : summary.actions) actions.push_back(action_entry_json(a));
  json last_error = nullptr;
  if (extras.last_error) {
    last_error = {{"code", extras.last_error->code}, {"message", extras.last_error->message}};
  }
  return {{"case_id", summary.case_id},
          {"goal", info.goal},
          {"skill", info.skill},
          {"as_of", info.as_of},
          {"created_at", info.created_at},
          {"status", extras.job_status.empty() ? std::string(crew::case_status_name(summary.status))
                                               : extras.job_status},
          {"seq", summary.state.seq},
          {"brief", summary.state.brief},
          {"tasks", std::move(tasks)},
          {"blocked", summary.blocked},
          {"open_questions", std::move(questions)},
          {"pending_approvals", std::move(approvals)},
          {"actions", std::move(actions)},
          {"last_error", std::move(last_error)}};
}

json case_list_entry_json(const crew::CaseInfo& info, const std::string& job_status) {
  return {{"id", info.id},
          {"goal", info.goal},
          {"status", job_status.empty() ? info.status : job_status},
          {"as_of", info.as_of},
          {"created_at", info.created_at},
          {"skill", info.skill}};
}

StatusOr<report::CaseView> load_case_view(store::Store& store, const std::string& case_id,
                                          const std::string& status) {
  ASSIGN_OR_RETURN(crew::CaseInfo info, crew::find_case(store, case_id));
  ASSIGN_OR_RETURN(crew::CaseState state, crew::load_case_state(store, case_id));
  ASSIGN_OR_RETURN(std::vector<crew::SectionRecord> sections, crew::list_sections(store, case_id));
  report::CaseView view;
  view.case_id = info.id;
  view.as_of = info.as_of;
  view.status = status.empty() ? info.status : status;
  view.brief = info.brief;
  for (crew::SectionRecord& s : sections) {
    if (s.name != crew::kAnswersSection) view.sections[s.name] = std::move(s.body);
  }
  for (const crew::QuestionRecord& q : state.questions) {
    if (q.answer) continue;
    view.questions.push_back({{"id", q.question.id},
                              {"field", q.question.field},
                              {"text", q.question.text},
                              {"options", q.question.options},
                              {"asked_by", q.question.asked_by}});
  }
  store::Outbox outbox(store, case_id);
  ASSIGN_OR_RETURN(std::vector<store::OutboxAction> actions, outbox.list());
  for (const store::OutboxAction& a : actions) {
    if (a.state != store::ActionState::kAwaitingApproval &&
        a.state != store::ActionState::kOutcomeUnknown) {
      continue;
    }
    json j = a.action.is_object() ? a.action : json::object();
    j["id"] = a.key.substr(0, 8);
    j["digest"] = a.key;
    j["state"] = std::string(store::action_state_name(a.state));
    view.actions.push_back(std::move(j));
  }
  std::map<std::string, int> tasks;
  for (const crew::TaskRecord& t : state.tasks) {
    ++tasks[std::string(crew::task_state_name(t.state))];
  }
  view.events = {{"events", state.seq}, {"tasks", tasks}};
  return view;
}

std::string new_case_id(Date as_of) {
  if (sodium_init() < 0) std::abort();
  std::array<unsigned char, 3> random{};
  randombytes_buf(random.data(), random.size());
  std::string date = as_of.to_string();
  std::erase(date, '-');
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "K" + date + "-";
  for (unsigned char byte : random) {
    id += kHex[byte >> 4];
    id += kHex[byte & 15];
  }
  return id;
}

bool valid_case_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
}

}  // namespace kontor::server
