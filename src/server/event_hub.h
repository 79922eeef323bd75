// EventHub: the runner's observer that fans a case's events out to the server-sent event
// streams watching it. It carries two kinds of items: journal events (with their sequence
// number — a stream treats them as "the journal has advanced to seq" and, when it missed one,
// reads the gap back from the journal, so no event is lost or sent twice), and items that are
// not journaled (progress ticks, case status changes, job errors). It also keeps the last
// progress tick of each running task for the case summary.
//
// The runner calls it from its worker threads; every method is thread-safe and quick.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "crew/observer.h"

namespace kontor::server {

struct StreamItem {
  std::int64_t seq = 0;  // > 0: a journal event; 0: not journaled (no SSE id)
  std::string event;     // SSE event name: the journal type, "task.progress", "case.status"…
  std::string data;      // one line of JSON
};

struct TaskProgress {
  std::int64_t done = 0;
  std::int64_t total = 0;
  std::string what;
};

class EventHub final : public crew::Observer {
 public:
  class Subscription {
   public:
    explicit Subscription(std::string case_id) : case_id_(std::move(case_id)) {}
    const std::string& case_id() const { return case_id_; }
    // Waits up to `timeout` for items; returns what arrived (possibly nothing). closed() tells
    // whether the hub was closed (shutdown): the stream then ends after sending what it got.
    std::vector<StreamItem> wait(std::chrono::milliseconds timeout);
    bool closed() const;

   private:
    friend class EventHub;
    void push(StreamItem item);
    void close();
    std::string case_id_;
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<StreamItem> items_;
    bool closed_ = false;
  };

  // The subscription is closed at once when the hub is already closed.
  std::shared_ptr<Subscription> subscribe(const std::string& case_id);
  void unsubscribe(const std::shared_ptr<Subscription>& subscription);
  std::size_t subscribers() const;

  // An item that is not journaled (case.status, case.error), to every stream of the case.
  void publish(const std::string& case_id, const std::string& event, nlohmann::json data);
  // Closes every subscription, now and to come (server shutdown).
  void close();

  std::map<std::string, TaskProgress> progress(const std::string& case_id) const;

  void on_event(const store::JournalEvent& event, const crew::CaseState& state) override;
  void on_progress(const crew::CaseState& state, std::string_view task_id, std::int64_t done,
                   std::int64_t total, std::string_view what) override;

 private:
  void deliver(const std::string& case_id, const StreamItem& item);

  mutable std::mutex mutex_;
  std::multimap<std::string, std::shared_ptr<Subscription>> streams_;
  std::map<std::string, std::map<std::string, TaskProgress>> progress_;
  bool closed_ = false;
};

// The data line of a journal event, as `kontor run --json` prints it:
// {"case", "seq", "type", "at", "data"}.
std::string event_data_line(const std::string& case_id, const store::JournalEvent& event);
// One SSE message: "id: …\nevent: …\ndata: …\n\n" (no id line when seq is 0).
std::string sse_message(const StreamItem& item);

}  // namespace kontor::server
