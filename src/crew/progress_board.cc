#include "crew/progress_board.h"

#include <algorithm>
#include <string>

namespace kontor::crew {
namespace {

std::string_view symbol(TaskState state) {
  switch (state) {
    case TaskState::kPending: return "·";
    case TaskState::kRunning: return "▶";
    case TaskState::kWaiting: return "?";
    case TaskState::kDone: return "✓";
    case TaskState::kFailed: return "✗";
  }
  return " ";
}

std::string bar(std::int64_t done, std::int64_t total) {
  constexpr int kWidth = 20;
  int filled =
      total > 0 ? static_cast<int>(std::clamp<std::int64_t>(done * kWidth / total, 0, kWidth)) : 0;
  return "[" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(kWidth - filled), '.') + "]";
}

// ANSI "cursor to the start of the line n lines up".
std::string up(int n) { return "\x1b[" + std::to_string(n) + "F"; }

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

}  // namespace

ProgressBoard::ProgressBoard(std::FILE* out, bool ansi) : out_(out), ansi_(ansi) {}

std::string ProgressBoard::task_line(const TaskRecord& task) const {
  std::string line = "  " + std::string(symbol(task.state)) + " " + padded(task.spec.id, 14) + " " +
                     padded(task.spec.title, 36) + " ";
  auto tick = ticks_.find(task.spec.id);
  if (task.state == TaskState::kRunning && tick != ticks_.end() && tick->second.total > 0) {
    line += bar(tick->second.done, tick->second.total) + " " + std::to_string(tick->second.done) +
            "/" + std::to_string(tick->second.total) + " " + tick->second.what;
  } else if (task.state == TaskState::kWaiting) {
    line += "waiting for an answer";
  } else if (task.state == TaskState::kFailed) {
    line += "failed: " + task.error;
  } else {
    line += task_state_name(task.state);
  }
  return line;
}

void ProgressBoard::on_event(const store::JournalEvent& event, const CaseState& state) {
  if (event.type == "task.done" || event.type == "task.failed") {
    ticks_.erase(event.data.value("task", ""));
  }
  if (ansi_) {
    redraw(state);
  } else {
    plain(event, state);
  }
}

void ProgressBoard::on_progress(const CaseState& state, std::string_view task_id, std::int64_t done,
                                std::int64_t total, std::string_view what) {
  Tick& tick = ticks_[std::string(task_id)];
  tick.done = done;
  tick.total = total;
  tick.what = std::string(what);
  if (ansi_) {
    // A redraw per tick would flood a slow terminal: at most every 50 ms, and at the end.
    auto now = std::chrono::steady_clock::now();
    if (done >= total || now - last_draw_ >= std::chrono::milliseconds(50)) redraw(state);
    return;
  }
  int quarter = total > 0 ? static_cast<int>(std::clamp<std::int64_t>(done * 4 / total, 0, 4)) : 0;
  if (quarter > tick.printed_quarter) {
    tick.printed_quarter = quarter;
    std::string line = std::string(task_id) + ": " + std::to_string(done) + "/" +
                       std::to_string(total) + " " + std::string(what) + "\n";
    std::fputs(line.c_str(), out_);
    std::fflush(out_);
  }
}

void ProgressBoard::redraw(const CaseState& state) {
  last_draw_ = std::chrono::steady_clock::now();
  std::string text;
  if (drawn_lines_ > 0) text += up(drawn_lines_);  // to the board's top
  int lines = 0;
  auto add = [&](const std::string& line) {
    text += "\x1b[2K" + line + "\n";
    ++lines;
  };
  add("Case " + state.case_id + " — " + state.goal);
  for (const TaskRecord& task : state.tasks) add(task_line(task));
  for (const QuestionRecord& q : state.questions) {
    if (!q.answer) add("  ? question " + q.question.id + ": " + q.question.text);
  }
  for (const ActionRecord& a : state.actions) {
    if (a.state == store::ActionState::kAwaitingApproval) {
      add("  $ approval needed: " + a.kind + " " + a.key.substr(0, 8) + " (from " + a.task_id +
          ")");
    }
  }
  // Clear lines left over from a taller board.
  for (int i = lines; i < drawn_lines_; ++i) text += "\x1b[2K\n";
  if (drawn_lines_ > lines) text += up(drawn_lines_ - lines);
  drawn_lines_ = lines;
  std::fputs(text.c_str(), out_);
  std::fflush(out_);
}

void ProgressBoard::plain(const store::JournalEvent& event, const CaseState& state) {
  // "task" is the task id in most events but the whole task spec in "task.added".
  const auto found = event.data.find("task");
  const std::string task_id =
      found != event.data.end() && found->is_string() ? found->get<std::string>() : "";
  const TaskRecord* task = state.task(task_id);
  std::string line;
  if (event.type == "case.created") {
    line = "case " + state.case_id + ": " + state.goal + " (" + std::to_string(state.tasks.size()) +
           " tasks)";
  } else if (event.type == "task.started" && task != nullptr) {
    line = task_id + ": started — " + task->spec.title;
  } else if ((event.type == "task.done" || event.type == "task.waiting" ||
              event.type == "task.failed") &&
             task != nullptr) {
    line = task_line(*task);
  } else if (event.type == "task.added") {
    const std::string added =
        found != event.data.end() && found->is_object() ? found->value("id", "") : "";
    line = added + ": added by " + event.data.value("by", "");
  } else if (event.type == "question.asked") {
    const nlohmann::json question = event.data.value("question", nlohmann::json::object());
    line = "question " + question.value("id", "") + ": " + question.value("text", "");
  } else if (event.type == "action.awaiting_approval" || event.type == "action.done" ||
             event.type == "action.failed" || event.type == "action.denied") {
    line = "action " + event.data.value("key", "").substr(0, 8) + ": " + event.type.substr(7);
  }
  if (line.empty()) return;
  line += "\n";
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
}

}  // namespace kontor::crew
