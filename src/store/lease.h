// Lease: at most one owner at a time for a named resource — the crew takes one per case for the
// whole of a run, so two processes (or two runners in one process) cannot run the same case at
// once; the second gets a clear error naming the holder. A lease is a record in the store,
// taken and renewed with conditional writes (put_if_version), so it works the same on SQLite
// and on a PostgreSQL store shared by several hosts.
//
// A lease ends when its owner releases it (also on destruction), when its time is up (a
// LeaseRenewer renews it every ttl/3 from a background thread while it is held, so only a dead
// or frozen owner lets it lapse), or at once when the owner was a process on this host that no
// longer exists — so `kontor resume` right after a `kill -9` does not wait for the expiry.
//
// On-disk format: collection "leases", key: the resource name (the crew uses the case id);
// body {"owner": "<host>/<pid>/<nonce>", "host", "pid", "since": "<UTC>", "renewed": "<UTC>",
// "expires_ms": <ms since the Unix epoch>}.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace kontor::store {

inline constexpr std::string_view kLeasesCollection = "leases";

struct LeaseOptions {
  std::chrono::milliseconds ttl{30000};
  // Seams for tests: the time in ms since the Unix epoch, and whether a process of this host
  // is alive (default: kill(pid, 0)).
  std::function<std::int64_t()> now_ms;
  std::function<bool(std::int64_t pid)> process_alive;
};

struct LeaseHolder {
  std::string owner;  // "<host>/<pid>/<nonce>": unique per acquisition
  std::string host;
  std::int64_t pid = 0;
  std::string since;  // UTC, ISO 8601
  std::int64_t expires_ms = 0;
};

class Lease {
 public:
  // Takes the lease on `name`. When someone else holds it (not expired, and not a dead process
  // of this host) fails with failed_precondition: "<what> is being run by pid N on host H since
  // T (lease until U)"; `what` names the resource for people ("case K20261123-1a2b3c").
  static StatusOr<std::unique_ptr<Lease>> acquire(Store& store, std::string name,
                                                  std::string_view what, LeaseOptions options = {});
  // acquire() in two halves, for a caller that takes the lease in a transaction of its own
  // (one commit less): acquire_in() writes the lease record into `txn`; once `txn` has
  // committed, adopt() makes the Lease that releases it.
  static StatusOr<LeaseHolder> acquire_in(Transaction& txn, std::string_view name,
                                          std::string_view what, const LeaseOptions& options);
  static std::unique_ptr<Lease> adopt(Store& store, std::string name, LeaseOptions options,
                                      LeaseHolder holder);
  ~Lease();  // releases (errors ignored: the lease then lapses at its expiry)
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  // Pushes the expiry to now + ttl. failed_precondition when the lease was lost (it lapsed and
  // someone else took it). Thread-safe.
  Status renew();
  // Gives the lease up; afterwards renew() fails and the destructor does nothing.
  Status release();
  // Gives it up inside the caller's last transaction (one commit less); the lease counts as
  // released from now on — if `txn` does not commit, the record lapses at its expiry or is
  // taken over once this process is gone.
  Status release(Transaction& txn);
  LeaseHolder holder() const;
  // True once a renewal found the lease taken by someone else.
  bool lost() const;

 private:
  Lease(Store& store, std::string name, LeaseOptions options, LeaseHolder holder);

  Store& store_;
  std::string name_;
  LeaseOptions options_;
  mutable std::mutex mutex_;  // guards holder_, released_ and lost_ (the renewer thread)
  LeaseHolder holder_;
  bool released_ = false;
  bool lost_ = false;
};

// Renews the leases added to it every `period` (use ttl/3) from one background thread, so that
// a long step without store writes does not let a lease lapse. A lease must be removed before
// it is destroyed.
class LeaseRenewer {
 public:
  explicit LeaseRenewer(std::chrono::milliseconds period);
  ~LeaseRenewer();
  LeaseRenewer(const LeaseRenewer&) = delete;
  LeaseRenewer& operator=(const LeaseRenewer&) = delete;
  void add(Lease* lease);
  void remove(Lease* lease);

 private:
  class Thread;
  std::mutex mutex_;
  std::vector<Lease*> leases_;
  std::unique_ptr<Thread> thread_;  // last: stopped first
};

// The current holder of `name`, if any (expired leases included; see expires_ms).
StatusOr<std::optional<LeaseHolder>> find_lease(Store& store, std::string_view name);

}  // namespace kontor::store
