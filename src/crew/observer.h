// Observers watch a case run without being part of it (the Taskflow split: the plan describes
// the work, the Runner executes it, observers display or forward it). The runner calls them in
// journal order, one call at a time, after each event is durable; progress ticks of long steps
// are not journaled and go to observers only. Observers must be quick and must not call back
// into the runner.
#pragma once

#include <cstdint>
#include <string_view>

#include "crew/case_state.h"
#include "store/journal.h"

namespace kontor::crew {

class Observer {
 public:
  virtual ~Observer() = default;
  // `state` already includes `event`.
  virtual void on_event(const store::JournalEvent& event, const CaseState& state) = 0;
  virtual void on_progress(const CaseState& state, std::string_view task_id, std::int64_t done,
                           std::int64_t total, std::string_view what) {
    (void)state, (void)task_id, (void)done, (void)total, (void)what;
  }
};

}  // namespace kontor::crew
