// CaseJobs: the bounded pool of background workers that run cases for the server. A request
// that makes a case move (create, answer, approve, deny) becomes a job; the request returns at
// once (202) and the case runs on a worker, its events reaching the streams through the
// EventHub. Jobs of one case run one at a time and in order (the runner allows one runner per
// case); jobs of different cases run in parallel, up to `workers`.
//
// Jobs are durable: each is written to the store before submit() returns and erased when it
// has run, so a job accepted before a crash or a shutdown runs on the next start (recover()).
// A job that already took effect before the stop (the answer was recorded, the case existed)
// becomes a resume of the case, which continues where its journal ends.
//
// On-disk format: collection "server.jobs", key "<UTC timestamp>-<6-digit counter>" (key order
// is submission order); body {"kind": "start|resume|answer|approve|deny", "case", "goal",
// "as_of", "fields", "question_id", "text", "key", "reason"} (members by kind).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/status.h"
#include "crew/workspace.h"
#include "server/event_hub.h"

namespace kontor::server {

inline constexpr std::string_view kJobsCollection = "server.jobs";

struct CaseJob {
  std::string kind;  // start, resume, answer, approve, deny
  std::string case_id;
  nlohmann::json params = nlohmann::json::object();  // the body's other members
  std::string store_key;                             // set by submit()
};

struct JobError {
  std::string code;
  std::string message;
};

class CaseJobs {
 public:
  CaseJobs(crew::Workspace& workspace, EventHub& hub, unsigned workers, std::size_t max_queue);
  ~CaseJobs();  // stop()
  CaseJobs(const CaseJobs&) = delete;
  CaseJobs& operator=(const CaseJobs&) = delete;

  // Persists and queues the job; unavailable when the queue is full or the pool is stopping.
  Status submit(CaseJob job);
  // Queues the jobs left in the store by an earlier process.
  Status recover();
  // "queued", "running" or "" (no job of this case in the pool).
  std::string status(const std::string& case_id) const;
  std::optional<JobError> last_error(const std::string& case_id) const;
  std::size_t running() const;
  std::size_t queued() const;
  // Accepts no more jobs, waits for the running ones to end (their cases are durable), leaves
  // the queued ones in the store for the next start, and joins the workers.
  void stop();

 private:
  void work();
  void run(const CaseJob& job);
  Status execute(const CaseJob& job);
  void finish(const CaseJob& job, const Status& status);

  crew::Workspace& workspace_;
  EventHub& hub_;
  std::size_t max_queue_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable idle_;
  std::deque<CaseJob> queue_;
  std::set<std::string> running_;  // case ids
  std::map<std::string, JobError> errors_;
  std::int64_t counter_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace kontor::server
