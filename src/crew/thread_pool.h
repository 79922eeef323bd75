// ThreadPool: a fixed set of std::jthread workers taking jobs from one queue. The runner
// submits one job per ready task; jobs never wait on each other inside the pool (the runner's
// scheduler waits outside it), so a small pool cannot deadlock.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kontor::crew {

class ThreadPool {
 public:
  // 0 threads: one per hardware thread.
  explicit ThreadPool(unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < threads; ++i) {
      workers_.emplace_back([this](std::stop_token stop) { work(stop); });
    }
  }
  ~ThreadPool() {
    {
      // Under the lock, so no worker is between checking the predicate and waiting.
      std::lock_guard lock(mutex_);
      for (auto& worker : workers_) worker.request_stop();
    }
    ready_.notify_all();
  }
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // wake = false leaves the job queued without waking a worker: for a submitter that runs
  // queued jobs itself soon (run_one); a worker finishing a job also takes it.
  void submit(std::function<void()> job, bool wake = true) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    if (wake) ready_.notify_one();
  }
  // Runs one queued job on the calling thread, if there is one: a thread that waits for the
  // jobs to finish helps instead of paying for a hand-off to a worker.
  bool run_one() {
    std::function<void()> job;
    {
      std::lock_guard lock(mutex_);
      if (jobs_.empty()) return false;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
    return true;
  }
  std::size_t size() const { return workers_.size(); }

 private:
  void work(std::stop_token stop) {
    while (true) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return stop.stop_requested() || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stop requested and nothing left
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::jthread> workers_;  // last: joined first, while the queue still exists
};

}  // namespace kontor::crew
