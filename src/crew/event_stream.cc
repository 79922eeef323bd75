#include "crew/event_stream.h"

#include <nlohmann/json.hpp>

namespace kontor::crew {

void EventStream::on_event(const store::JournalEvent& event, const CaseState& state) {
  nlohmann::json line{{"case", state.case_id},
                      {"seq", event.seq},
                      {"type", event.type},
                      {"at", event.at},
                      {"data", event.data}};
  out_ << line.dump() << '\n' << std::flush;
}

void EventStream::on_progress(const CaseState& state, std::string_view task_id, std::int64_t done,
                              std::int64_t total, std::string_view what) {
  nlohmann::json line{{"case", state.case_id}, {"type", "task.progress"}, {"task", task_id},
                      {"done", done},          {"total", total},          {"what", what}};
  out_ << line.dump() << '\n' << std::flush;
}

}  // namespace kontor::crew
