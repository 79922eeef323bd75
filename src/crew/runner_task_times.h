// TaskTimes: how long each agent's tasks have been taking in this runner (per agent name: the
// longest recent run, decaying towards shorter ones). The runner uses it to wake pool workers
// lazily: a thread that is about to run a short task itself runs the other short tasks made ready
// with it rather than waking a worker for each (on a loaded VM the wake-up and the wait for the
// woken thread cost more than a short task). Unknown agents count as long, so a runner's first
// tasks of each kind are always handed out.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace kontor::crew::detail {

class TaskTimes {
 public:
  // Folds one run of `agent` into its figure: a run longer than it replaces it at once (an
  // agent that just took long is long), a shorter one brings it down by a quarter of the gap.
  void record(std::string_view agent, std::chrono::nanoseconds took) {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = average_ns_.try_emplace(std::string(agent), took.count());
    if (inserted) return;
    if (took.count() >= it->second) {
      it->second = took.count();
    } else {
      it->second += (took.count() - it->second) / 4;
    }
  }
  // True when `agent` has run before and its figure is below `limit`.
  bool is_short(std::string_view agent, std::chrono::nanoseconds limit) const {
    if (limit.count() <= 0) return false;
    std::lock_guard lock(mutex_);
    auto it = average_ns_.find(agent);
    return it != average_ns_.end() && it->second < limit.count();
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::int64_t, std::less<>> average_ns_;
};

}  // namespace kontor::crew::detail
