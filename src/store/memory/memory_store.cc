#include "store/memory/memory_store.h"

#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>

namespace kontor::store {
namespace {

// std::less<> lets lookups take string_view without building a key.
using Records = std::map<std::string, Record, std::less<>>;
using Collections = std::map<std::string, Records, std::less<>>;

class MemoryStore;

class MemoryTransaction final : public Transaction {
 public:
  MemoryTransaction(MemoryStore* store, std::unique_lock<std::mutex> writer)
      : store_(store), writer_(std::move(writer)) {}
  StatusOr<std::optional<Record>> get(std::string_view collection, std::string_view key) override;
  StatusOr<PutOutcome> put(std::string_view collection, std::string_view key,
                           std::string_view body) override {
    return write(collection, key, body, std::nullopt);
  }
  StatusOr<PutOutcome> put_if_version(std::string_view collection, std::string_view key,
                                      std::string_view body,
                                      std::int64_t expected_version) override {
    return write(collection, key, body, expected_version);
  }
  StatusOr<bool> erase(std::string_view collection, std::string_view key) override;
  Status commit() override;

 private:
  Status check_open() const {
    return open_ ? ok_status() : failed_precondition("store transaction already finished");
  }
  StatusOr<PutOutcome> write(std::string_view collection, std::string_view key,
                             std::string_view body, std::optional<std::int64_t> expected);

  MemoryStore* store_;
  std::unique_lock<std::mutex> writer_;
  // Pending changes: a record, or nullopt for an erase.
  std::map<std::pair<std::string, std::string>, std::optional<Record>> pending_;
  bool open_ = true;
};

class MemoryStore final : public Store {
 public:
  StatusOr<std::unique_ptr<Transaction>> begin() override {
    std::unique_lock<std::mutex> writer(writer_mutex_);
    return std::unique_ptr<Transaction>(
        std::make_unique<MemoryTransaction>(this, std::move(writer)));
  }

  StatusOr<std::optional<Record>> get(std::string_view collection, std::string_view key) override {
    std::shared_lock lock(data_mutex_);
    return find(collection, key);
  }

  Status scan(std::string_view collection,
              const std::function<Status(const Record&)>& visit) override {
    return scan_from(collection, "", visit);
  }

  Status scan_from(std::string_view collection, std::string_view from_key,
                   const std::function<Status(const Record&)>& visit) override {
    // Copy first so that `visit` may call back into the store.
    std::vector<Record> records;
    {
      std::shared_lock lock(data_mutex_);
      auto it = collections_.find(collection);
      if (it == collections_.end()) return ok_status();
      for (auto r = it->second.lower_bound(from_key); r != it->second.end(); ++r) {
        records.push_back(r->second);
      }
    }
    for (const Record& record : records) RETURN_IF_ERROR(visit(record));
    return ok_status();
  }

  StatusOr<std::int64_t> count(std::string_view collection) override {
    std::shared_lock lock(data_mutex_);
    auto it = collections_.find(collection);
    return it == collections_.end() ? 0 : static_cast<std::int64_t>(it->second.size());
  }

  // Caller holds data_mutex_ (shared or exclusive).
  std::optional<Record> find(std::string_view collection, std::string_view key) const {
    auto it = collections_.find(collection);
    if (it == collections_.end()) return std::nullopt;
    auto r = it->second.find(key);
    if (r == it->second.end()) return std::nullopt;
    return r->second;
  }

  std::optional<Record> find_shared(std::string_view collection, std::string_view key) const {
    std::shared_lock lock(data_mutex_);
    return find(collection, key);
  }

  void apply(std::map<std::pair<std::string, std::string>, std::optional<Record>>& changes) {
    std::unique_lock lock(data_mutex_);
    for (auto& [address, record] : changes) {
      if (record) {
        collections_[address.first][address.second] = std::move(*record);
      } else if (auto it = collections_.find(address.first); it != collections_.end()) {
        it->second.erase(address.second);
      }
    }
  }

 private:
  std::mutex writer_mutex_;  // one write transaction at a time, as in the SQLite backend
  mutable std::shared_mutex data_mutex_;
  Collections collections_;
};

StatusOr<std::optional<Record>> MemoryTransaction::get(std::string_view collection,
                                                       std::string_view key) {
  RETURN_IF_ERROR(check_open());
  auto it = pending_.find({std::string(collection), std::string(key)});
  if (it != pending_.end()) return it->second;
  return store_->find_shared(collection, key);
}

StatusOr<PutOutcome> MemoryTransaction::write(std::string_view collection, std::string_view key,
                                              std::string_view body,
                                              std::optional<std::int64_t> expected) {
  ASSIGN_OR_RETURN(std::optional<Record> current, get(collection, key));
  std::int64_t version = current ? current->version : 0;
  if (expected && *expected != version) {
    return aborted(std::string(collection) + "/" + std::string(key) + ": expected version " +
                   std::to_string(*expected) + ", found " + std::to_string(version) +
                   " (conflict: re-read before retrying)");
  }
  if (current && current->body == body) return PutOutcome::kUnchanged;
  pending_[{std::string(collection), std::string(key)}] =
      Record{std::string(collection), std::string(key), std::string(body), version + 1};
  return current ? PutOutcome::kUpdated : PutOutcome::kInserted;
}

StatusOr<bool> MemoryTransaction::erase(std::string_view collection, std::string_view key) {
  ASSIGN_OR_RETURN(std::optional<Record> current, get(collection, key));
  if (!current) return false;
  pending_[{std::string(collection), std::string(key)}] = std::nullopt;
  return true;
}

Status MemoryTransaction::commit() {
  RETURN_IF_ERROR(check_open());
  store_->apply(pending_);
  pending_.clear();
  open_ = false;
  writer_.unlock();
  return ok_status();
}

}  // namespace

std::unique_ptr<Store> open_memory_store() { return std::make_unique<MemoryStore>(); }

}  // namespace kontor::store
