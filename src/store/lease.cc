#include "store/lease.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <stop_token>
#include <thread>

namespace kontor::store {
namespace {

using nlohmann::json;

std::int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool system_process_alive(std::int64_t pid) {
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

const std::string& host_name() {
  static const std::string name = [] {
    char buffer[256] = {};
    return ::gethostname(buffer, sizeof buffer - 1) == 0 ? std::string(buffer) : "localhost";
  }();
  return name;
}

std::string utc_from_ms(std::int64_t ms) {
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms % 1000));
  return buffer;
}

json holder_json(const LeaseHolder& h, std::int64_t now_ms) {
  return {{"owner", h.owner},
          {"host", h.host},
          {"pid", h.pid},
          {"since", h.since},
          {"renewed", utc_from_ms(now_ms)},
          {"expires_ms", h.expires_ms}};
}

StatusOr<LeaseHolder> holder_from_record(const Record& record) {
  json j = json::parse(record.body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("owner") || !j.contains("expires_ms") ||
      !j["expires_ms"].is_number_integer()) {
    return data_loss(record.collection + "/" + record.key + ": not a lease record");
  }
  return LeaseHolder{j.value("owner", ""), j.value("host", ""), j.value("pid", std::int64_t{0}),
                     j.value("since", ""), j["expires_ms"].get<std::int64_t>()};
}

LeaseOptions with_defaults(LeaseOptions options) {
  if (!options.now_ms) options.now_ms = system_now_ms;
  if (!options.process_alive) options.process_alive = system_process_alive;
  if (options.ttl.count() <= 0) options.ttl = std::chrono::milliseconds(30000);
  return options;
}

}  // namespace

class LeaseRenewer::Thread {
 public:
  Thread(LeaseRenewer* renewer, std::chrono::milliseconds period)
      : thread_([renewer, period](std::stop_token stop) { loop(renewer, period, stop); }) {}

 private:
  static void loop(LeaseRenewer* renewer, std::chrono::milliseconds period, std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    while (!stop.stop_requested()) {
      wake.wait_for(lock, stop, period, [] { return false; });
      if (stop.stop_requested()) return;
      std::lock_guard leases(renewer->mutex_);
      // A store error now is retried next period; a loss is recorded in the lease.
      for (Lease* lease : renewer->leases_) (void)lease->renew();
    }
  }
  std::jthread thread_;
};

LeaseRenewer::LeaseRenewer(std::chrono::milliseconds period)
    : thread_(std::make_unique<Thread>(this, std::max(period, std::chrono::milliseconds(1)))) {}

LeaseRenewer::~LeaseRenewer() { thread_.reset(); }

void LeaseRenewer::add(Lease* lease) {
  std::lock_guard lock(mutex_);
  leases_.push_back(lease);
}

void LeaseRenewer::remove(Lease* lease) {
  std::lock_guard lock(mutex_);
  std::erase(leases_, lease);
}

Lease::Lease(Store& store, std::string name, LeaseOptions options, LeaseHolder holder)
    : store_(store),
      name_(std::move(name)),
      options_(std::move(options)),
      holder_(std::move(holder)) {}

Lease::~Lease() { (void)release(); }

StatusOr<std::unique_ptr<Lease>> Lease::acquire(Store& store, std::string name,
                                                std::string_view what, LeaseOptions options) {
  ASSIGN_OR_RETURN(auto txn, store.begin());
  ASSIGN_OR_RETURN(LeaseHolder mine, acquire_in(*txn, name, what, options));
  RETURN_IF_ERROR(txn->commit());
  return adopt(store, std::move(name), std::move(options), std::move(mine));
}

StatusOr<LeaseHolder> Lease::acquire_in(Transaction& txn, std::string_view name,
                                        std::string_view what, const LeaseOptions& given) {
  const LeaseOptions options = with_defaults(given);
  const std::int64_t now = options.now_ms();
  // Unique per acquisition: host, pid, the time and a per-process counter.
  static std::atomic<std::uint64_t> counter{0};
  LeaseHolder mine;
  mine.host = host_name();
  mine.pid = ::getpid();
  mine.owner = mine.host + "/" + std::to_string(mine.pid) + "/" + std::to_string(now) + "." +
               std::to_string(++counter);
  mine.since = utc_from_ms(now);
  mine.expires_ms = now + options.ttl.count();
  ASSIGN_OR_RETURN(std::optional<Record> current, txn.get(kLeasesCollection, name));
  if (current) {
    ASSIGN_OR_RETURN(LeaseHolder held, holder_from_record(*current));
    const bool expired = held.expires_ms <= now;
    const bool dead =
        held.host == mine.host && held.pid != mine.pid && !options.process_alive(held.pid);
    if (!expired && !dead) {
      return failed_precondition(std::string(what) + " is being run by pid " +
                                 std::to_string(held.pid) + " on host " + held.host + " since " +
                                 held.since + " (lease until " + utc_from_ms(held.expires_ms) +
                                 ")");
    }
  }
  RETURN_IF_ERROR(txn.put_if_version(kLeasesCollection, name, holder_json(mine, now).dump(),
                                     current ? current->version : 0)
                      .status());
  return mine;
}

std::unique_ptr<Lease> Lease::adopt(Store& store, std::string name, LeaseOptions options,
                                    LeaseHolder holder) {
  return std::unique_ptr<Lease>(
      new Lease(store, std::move(name), with_defaults(std::move(options)), std::move(holder)));
}

LeaseHolder Lease::holder() const {
  std::lock_guard lock(mutex_);
  return holder_;
}

bool Lease::lost() const {
  std::lock_guard lock(mutex_);
  return lost_;
}

Status Lease::renew() {
  // mutex_ is not held across store calls: release(txn) takes it inside a transaction.
  LeaseHolder mine;
  {
    std::lock_guard lock(mutex_);
    if (released_) return failed_precondition("lease " + name_ + ": already released");
    if (lost_) return failed_precondition("lease " + name_ + ": lost");
    mine = holder_;
  }
  const std::int64_t now = options_.now_ms();
  ASSIGN_OR_RETURN(auto txn, store_.begin());
  ASSIGN_OR_RETURN(std::optional<Record> current, txn->get(kLeasesCollection, name_));
  std::optional<LeaseHolder> held;
  if (current) {
    ASSIGN_OR_RETURN(held, holder_from_record(*current));
  }
  if (!held || held->owner != mine.owner) {
    std::lock_guard lock(mutex_);
    if (released_) return failed_precondition("lease " + name_ + ": already released");
    lost_ = true;
    return failed_precondition(
        "lease " + name_ + ": lost (it lapsed and " +
        (held ? "pid " + std::to_string(held->pid) + " on host " + held->host + " took it"
              : std::string("it was removed")) +
        ")");
  }
  mine.expires_ms = now + options_.ttl.count();
  RETURN_IF_ERROR(
      txn->put_if_version(kLeasesCollection, name_, holder_json(mine, now).dump(), current->version)
          .status());
  RETURN_IF_ERROR(txn->commit());
  std::lock_guard lock(mutex_);
  holder_ = mine;
  return ok_status();
}

Status Lease::release() {
  {
    std::lock_guard lock(mutex_);
    if (released_ || lost_) {
      released_ = true;
      return ok_status();
    }
  }
  ASSIGN_OR_RETURN(auto txn, store_.begin());
  RETURN_IF_ERROR(release(*txn));
  return txn->commit();
}

Status Lease::release(Transaction& txn) {
  std::lock_guard lock(mutex_);
  if (released_) return ok_status();
  released_ = true;
  if (lost_) return ok_status();
  ASSIGN_OR_RETURN(std::optional<Record> current, txn.get(kLeasesCollection, name_));
  if (!current) return ok_status();
  ASSIGN_OR_RETURN(LeaseHolder held, holder_from_record(*current));
  if (held.owner != holder_.owner) return ok_status();  // lapsed and taken: not ours to remove
  return txn.erase(kLeasesCollection, name_).status();
}

StatusOr<std::optional<LeaseHolder>> find_lease(Store& store, std::string_view name) {
  ASSIGN_OR_RETURN(std::optional<Record> record, store.get(kLeasesCollection, name));
  if (!record) return std::optional<LeaseHolder>();
  ASSIGN_OR_RETURN(LeaseHolder holder, holder_from_record(*record));
  return std::optional<LeaseHolder>(std::move(holder));
}

}  // namespace kontor::store
