#include "crew/case_state.h"

#include <algorithm>
#include <array>
#include <set>

#include "crew/plan.h"

namespace kontor::crew {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kTaskStateNames = {"pending", "running", "waiting",
                                                             "done", "failed"};

json question_to_json(const Question& q) {
  return {{"id", q.id},
          {"field", q.field},
          {"text", q.text},
          {"options", q.options},
          {"asked_by", q.asked_by}};
}

Question question_from_json(const json& j) {
  Question q;
  q.id = j.value("id", "");
  q.field = j.value("field", "");
  q.text = j.value("text", "");
  q.options = j.value("options", std::vector<std::string>{});
  q.asked_by = j.value("asked_by", "");
  return q;
}

json task_to_json(const TaskRecord& t) {
  return {{"spec", to_json(t.spec)}, {"state", task_state_name(t.state)}, {"attempts", t.attempts},
          {"error", t.error},        {"waiting_on", t.waiting_on},        {"added_by", t.added_by}};
}

}  // namespace

std::string_view task_state_name(TaskState state) {
  return kTaskStateNames[static_cast<std::size_t>(state)];
}

std::optional<TaskState> parse_task_state(std::string_view name) {
  for (std::size_t i = 0; i < kTaskStateNames.size(); ++i) {
    if (kTaskStateNames[i] == name) return static_cast<TaskState>(i);
  }
  return std::nullopt;
}

TaskRecord* CaseState::task(std::string_view id) {
  auto it =
      std::find_if(tasks.begin(), tasks.end(), [&](const auto& t) { return t.spec.id == id; });
  return it == tasks.end() ? nullptr : &*it;
}

const TaskRecord* CaseState::task(std::string_view id) const {
  return const_cast<CaseState*>(this)->task(id);
}

QuestionRecord* CaseState::question(std::string_view id) {
  auto it = std::find_if(questions.begin(), questions.end(),
                         [&](const auto& q) { return q.question.id == id; });
  return it == questions.end() ? nullptr : &*it;
}

ActionRecord* CaseState::action(std::string_view key) {
  auto it =
      std::find_if(actions.begin(), actions.end(), [&](const auto& a) { return a.key == key; });
  return it == actions.end() ? nullptr : &*it;
}

std::vector<std::string> CaseState::ready_tasks() const {
  std::vector<std::string> ready;
  for (const TaskRecord& t : tasks) {
    if (t.state != TaskState::kPending) continue;
    bool deps_done = std::all_of(t.spec.after.begin(), t.spec.after.end(), [&](const auto& dep) {
      const TaskRecord* d = task(dep);
      return d != nullptr && d->state == TaskState::kDone;
    });
    if (deps_done) ready.push_back(t.spec.id);
  }
  return ready;
}

std::vector<std::string> CaseState::blocked_tasks() const {
  std::set<std::string> stuck;  // failed, waiting, or blocked by those
  for (const TaskRecord& t : tasks) {
    if (t.state == TaskState::kFailed || t.state == TaskState::kWaiting) stuck.insert(t.spec.id);
  }
  std::vector<std::string> blocked;
  bool grew = true;
  while (grew) {
    grew = false;
    for (const TaskRecord& t : tasks) {
      if (t.state != TaskState::kPending || stuck.contains(t.spec.id)) continue;
      if (std::any_of(t.spec.after.begin(), t.spec.after.end(),
                      [&](const auto& dep) { return stuck.contains(dep); })) {
        stuck.insert(t.spec.id);
        blocked.push_back(t.spec.id);
        grew = true;
      }
    }
  }
  return blocked;
}

Status CaseState::apply(const store::JournalEvent& event) {
  const json& d = event.data;
  auto bad = [&](const std::string& why) {
    return data_loss("journal event " + std::to_string(event.seq) + " (" + event.type +
                     "): " + why);
  };
  const std::string& type = event.type;
  seq = event.seq;
  if (type == "case.created") {
    case_id = d.value("case", "");
    goal = d.value("goal", "");
    skill = d.value("skill", "");
    as_of = d.value("as_of", "");
    brief = d.value("brief", json::object());
    for (const json& t : d.value("tasks", json::array())) {
      auto spec = task_spec_from_json(t);
      if (!spec.ok()) return bad(spec.status().message());
      tasks.push_back(TaskRecord{std::move(spec).value()});
    }
    return ok_status();
  }
  if (type == "task.added") {
    auto spec = task_spec_from_json(d.value("task", json::object()));
    if (!spec.ok()) return bad(spec.status().message());
    if (task(spec->id) == nullptr) {
      tasks.push_back(
          TaskRecord{std::move(spec).value(), TaskState::kPending, 0, "", {}, d.value("by", "")});
    }
    return ok_status();
  }
  if (type.starts_with("task.")) {
    TaskRecord* t = task(d.value("task", ""));
    if (t == nullptr) return bad("unknown task '" + d.value("task", "") + "'");
    if (type == "task.started") {
      t->state = TaskState::kRunning;
      t->attempts = d.value("attempt", t->attempts + 1);
    } else if (type == "task.done") {
      t->state = TaskState::kDone;
      t->error.clear();
      t->waiting_on.clear();
    } else if (type == "task.failed") {
      t->state = TaskState::kFailed;
      t->error = d.value("error", "");
    } else if (type == "task.waiting") {
      t->state = TaskState::kWaiting;
      t->waiting_on = d.value("questions", std::vector<std::string>{});
    } else if (type == "task.requeued" || type == "task.interrupted") {
      t->state = TaskState::kPending;
      t->waiting_on.clear();
    } else {
      return bad("unknown task event");
    }
    return ok_status();
  }
  if (type == "question.asked") {
    Question q = question_from_json(d.value("question", json::object()));
    if (q.id.empty()) return bad("question without id");
    if (question(q.id) == nullptr) questions.push_back({std::move(q), d.value("task", ""), {}});
    return ok_status();
  }
  if (type == "question.answered") {
    QuestionRecord* q = question(d.value("question", ""));
    if (q == nullptr) return bad("unknown question '" + d.value("question", "") + "'");
    q->answer = d.value("answer", "");
    return ok_status();
  }
  if (type == "action.proposed") {
    if (action(d.value("key", "")) == nullptr) {
      actions.push_back({d.value("key", ""), d.value("task", ""), d.value("kind", "")});
    }
    return ok_status();
  }
  if (type == "brief.updated") {
    if (!d.contains("brief") || !d["brief"].is_object()) return bad("brief.updated without brief");
    brief = d["brief"];
    return ok_status();
  }
  if (type == "action.reconciled") return ok_status();  // history only
  if (type.starts_with("action.")) {
    auto state = store::parse_action_state(std::string_view(type).substr(7));
    ActionRecord* a = action(d.value("key", ""));
    if (!state || a == nullptr) return bad("unknown action or state");
    a->state = *state;
    return ok_status();
  }
  return ok_status();  // section.written, case.resumed: history only
}

json CaseState::to_json() const {
  json task_list = json::array();
  for (const TaskRecord& t : tasks) task_list.push_back(task_to_json(t));
  json question_list = json::array();
  for (const QuestionRecord& q : questions) {
    json j{{"question", question_to_json(q.question)}, {"task", q.task_id}};
    if (q.answer) j["answer"] = *q.answer;
    question_list.push_back(std::move(j));
  }
  json action_list = json::array();
  for (const ActionRecord& a : actions) {
    action_list.push_back({{"key", a.key},
                           {"task", a.task_id},
                           {"kind", a.kind},
                           {"state", store::action_state_name(a.state)}});
  }
  return {{"case", case_id},
          {"goal", goal},
          {"skill", skill},
          {"as_of", as_of},
          {"brief", brief},
          {"tasks", task_list},
          {"questions", question_list},
          {"actions", action_list},
          {"seq", seq}};
}

StatusOr<CaseState> CaseState::from_json(const json& j) {
  if (!j.is_object()) return data_loss("case state: not an object");
  CaseState s;
  s.case_id = j.value("case", "");
  s.goal = j.value("goal", "");
  s.skill = j.value("skill", "");
  s.as_of = j.value("as_of", "");
  s.brief = j.value("brief", json::object());
  s.seq = j.value("seq", std::int64_t{0});
  for (const json& t : j.value("tasks", json::array())) {
    auto spec = task_spec_from_json(t.value("spec", json::object()));
    auto state = parse_task_state(t.value("state", ""));
    if (!spec.ok() || !state) return data_loss("case state: bad task " + t.dump());
    s.tasks.push_back({std::move(spec).value(), *state, t.value("attempts", 0),
                       t.value("error", ""), t.value("waiting_on", std::vector<std::string>{}),
                       t.value("added_by", "")});
  }
  for (const json& q : j.value("questions", json::array())) {
    QuestionRecord r{
        question_from_json(q.value("question", json::object())), q.value("task", ""), {}};
    if (q.contains("answer")) r.answer = q["answer"].get<std::string>();
    s.questions.push_back(std::move(r));
  }
  for (const json& a : j.value("actions", json::array())) {
    auto state = store::parse_action_state(a.value("state", ""));
    if (!state) return data_loss("case state: bad action " + a.dump());
    s.actions.push_back({a.value("key", ""), a.value("task", ""), a.value("kind", ""), *state});
  }
  return s;
}

}  // namespace kontor::crew
