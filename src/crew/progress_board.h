// ProgressBoard: the terminal view of a running case — one line per task with its agent, title
// and state, a progress bar while a long step reports progress, open questions and actions
// awaiting approval underneath. On a terminal (ansi = true) the board is redrawn in place with
// ANSI cursor movement; otherwise (a pipe, a log file, CI) it prints one plain line per change.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

#include "crew/observer.h"

namespace kontor::crew {

class ProgressBoard final : public Observer {
 public:
  // `ansi`: usually isatty(fileno(out)).
  ProgressBoard(std::FILE* out, bool ansi);
  void on_event(const store::JournalEvent& event, const CaseState& state) override;
  void on_progress(const CaseState& state, std::string_view task_id, std::int64_t done,
                   std::int64_t total, std::string_view what) override;

  // One board line (no colour), e.g. "  ✓ sourcing     Find and shortlist suppliers    done".
  std::string task_line(const TaskRecord& task) const;

 private:
  struct Tick {
    std::int64_t done = 0;
    std::int64_t total = 0;
    std::string what;
    int printed_quarter = -1;  // plain mode prints at 0, 25, 50, 75, 100 %
  };
  void redraw(const CaseState& state);
  void plain(const store::JournalEvent& event, const CaseState& state);

  std::FILE* out_;
  bool ansi_;
  int drawn_lines_ = 0;
  std::map<std::string, Tick, std::less<>> ticks_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace kontor::crew
