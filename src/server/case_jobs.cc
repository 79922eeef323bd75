#include "server/case_jobs.h"

#include <cstdio>

#include "crew/case.h"
#include "store/journal.h"

namespace kontor::server {
namespace {

using nlohmann::json;

std::string job_key(std::int64_t counter) {
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-%06lld", static_cast<long long>(counter % 1000000));
  return store::utc_timestamp_now() + suffix;
}

json job_body(const CaseJob& job) {
  json body = job.params;
  body["kind"] = job.kind;
  body["case"] = job.case_id;
  return body;
}

std::map<std::string, std::string> fields_of(const json& params) {
  std::map<std::string, std::string> fields;
  if (params.contains("fields") && params["fields"].is_object()) {
    for (const auto& [name, value] : params["fields"].items()) {
      if (value.is_string()) fields[name] = value.get<std::string>();
    }
  }
  return fields;
}

}  // namespace

CaseJobs::CaseJobs(crew::Workspace& workspace, EventHub& hub, unsigned workers,
                   std::size_t max_queue)
    : workspace_(workspace), hub_(hub), max_queue_(max_queue) {
  if (workers == 0) workers = 1;
  for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

CaseJobs::~CaseJobs() { stop(); }

Status CaseJobs::submit(CaseJob job) {
  std::unique_lock lock(mutex_);
  if (stopping_) return unavailable("server: shutting down");
  if (queue_.size() >= max_queue_) {
    return unavailable("server: " + std::to_string(queue_.size()) + " jobs queued; retry later");
  }
  job.store_key = job_key(++counter_);
  {
    // The store serialises writers itself; holding our lock keeps key order = queue order.
    ASSIGN_OR_RETURN(auto txn, workspace_.store().begin());
    ASSIGN_OR_RETURN(store::PutOutcome outcome,
                     txn->put(kJobsCollection, job.store_key, job_body(job).dump()));
    (void)outcome;
    RETURN_IF_ERROR(txn->commit());
  }
  errors_.erase(job.case_id);
  queue_.push_back(std::move(job));
  lock.unlock();
  ready_.notify_one();
  return ok_status();
}

Status CaseJobs::recover() {
  std::vector<CaseJob> found;
  RETURN_IF_ERROR(workspace_.store().scan(kJobsCollection, [&](const store::Record& r) -> Status {
    json body = json::parse(r.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return data_loss("server.jobs/" + r.key + ": not a JSON object");
    }
    CaseJob job{body.value("kind", ""), body.value("case", ""), body, r.key};
    found.push_back(std::move(job));
    return ok_status();
  }));
  {
    std::lock_guard lock(mutex_);
    for (CaseJob& job : found) queue_.push_back(std::move(job));
  }
  ready_.notify_all();
  return ok_status();
}

std::string CaseJobs::status(const std::string& case_id) const {
  std::lock_guard lock(mutex_);
  if (running_.contains(case_id)) return "running";
  for (const CaseJob& job : queue_) {
    if (job.case_id == case_id) return "queued";
  }
  return "";
}

std::optional<JobError> CaseJobs::last_error(const std::string& case_id) const {
  std::lock_guard lock(mutex_);
  auto it = errors_.find(case_id);
  if (it == errors_.end()) return std::nullopt;
  return it->second;
}

std::size_t CaseJobs::running() const {
  std::lock_guard lock(mutex_);
  return running_.size();
}

std::size_t CaseJobs::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void CaseJobs::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  workers_.clear();
}

void CaseJobs::work() {
  while (true) {
    CaseJob job;
    {
      std::unique_lock lock(mutex_);
      auto next = queue_.end();
      ready_.wait(lock, [&] {
        if (stopping_) return true;
        next = queue_.begin();
        while (next != queue_.end() && running_.contains(next->case_id)) ++next;
        return next != queue_.end();
      });
      if (stopping_) return;  // queued jobs stay in the store for the next start
      job = std::move(*next);
      queue_.erase(next);
      running_.insert(job.case_id);
    }
    run(job);
    {
      std::lock_guard lock(mutex_);
      running_.erase(job.case_id);
    }
    ready_.notify_all();
  }
}

void CaseJobs::run(const CaseJob& job) {
  hub_.publish(job.case_id, "case.status", {{"status", "running"}});
  Status status = execute(job);
  finish(job, status);
}

Status CaseJobs::execute(const CaseJob& job) {
  crew::Runner& runner = workspace_.runner();
  const json& p = job.params;
  const bool exists = crew::find_case(workspace_.store(), job.case_id).ok();
  StatusOr<crew::CaseSummary> summary = invalid_argument("job: unknown kind '" + job.kind + "'");
  if (job.kind == "start" && !exists) {
    auto as_of = Date::parse(p.value("as_of", ""));
    if (!as_of.ok()) return as_of.status().with_context("as_of");
    ASSIGN_OR_RETURN(crew::NewCase new_case, workspace_.new_case(p.value("goal", ""), *as_of,
                                                                 fields_of(p), "", job.case_id));
    summary = runner.start(new_case);
  } else if (job.kind == "start" || job.kind == "resume") {
    summary = runner.resume(job.case_id);
  } else if (job.kind == "answer") {
    summary = runner.answer(job.case_id, p.value("question_id", ""), p.value("text", ""));
  } else if (job.kind == "approve") {
    summary = runner.approve(job.case_id, p.value("key", ""));
  } else if (job.kind == "deny") {
    summary = runner.deny(job.case_id, p.value("key", ""), p.value("reason", ""));
  }
  // Recorded before a stop (or decided twice): the case still continues where it is.
  if (!summary.ok() && summary.status().code() == StatusCode::kFailedPrecondition &&
      job.kind != "start" && job.kind != "resume") {
    summary = runner.resume(job.case_id);
  }
  return summary.status();
}

void CaseJobs::finish(const CaseJob& job, const Status& status) {
  {
    auto txn = workspace_.store().begin();
    if (txn.ok()) {
      auto erased = (*txn)->erase(kJobsCollection, job.store_key);
      Status committed = erased.ok() ? (*txn)->commit() : erased.status();
      if (!committed.ok())
        std::fprintf(stderr, "kontor serve: %s\n", committed.to_string().c_str());
    }
  }
  if (!status.ok()) {
    JobError error{std::string(status_code_name(status.code())), status.message()};
    {
      std::lock_guard lock(mutex_);
      errors_[job.case_id] = error;
    }
    hub_.publish(job.case_id, "case.error", {{"code", error.code}, {"message", error.message}});
  }
  std::string final_status = "failed";
  if (auto state = crew::find_case(workspace_.store(), job.case_id); state.ok()) {
    final_status = state->status;
  }
  hub_.publish(job.case_id, "case.status", {{"status", final_status}});
}

}  // namespace kontor::server
