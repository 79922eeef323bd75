// EventStream: the machine-readable view of a run (`kontor run --json`): one JSON object per
// line for every journal event — {"case", "seq", "type", "at", "data"} — and for progress
// ticks of long steps {"case", "type": "task.progress", "task", "done", "total", "what"}
// (progress lines carry no seq: they are not journaled).
#pragma once

#include <ostream>

#include "crew/observer.h"

namespace kontor::crew {

class EventStream final : public Observer {
 public:
  explicit EventStream(std::ostream& out) : out_(out) {}
  void on_event(const store::JournalEvent& event, const CaseState& state) override;
  void on_progress(const CaseState& state, std::string_view task_id, std::int64_t done,
                   std::int64_t total, std::string_view what) override;

 private:
  std::ostream& out_;
};

}  // namespace kontor::crew
