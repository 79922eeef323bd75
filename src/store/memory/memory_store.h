// The in-memory backend of store::Store: the same contract as the SQLite backend (versioned
// records, all-or-nothing transactions, one writer at a time, put_if_version conflicts) with
// nothing on disk. Used by tests, benchmarks and runs that should leave no trace
// (`--no-retention`). Writes are buffered in the transaction and applied at commit, so readers
// outside the transaction never see half of one.
#pragma once

#include <memory>

#include "store/store.h"

namespace kontor::store {

std::unique_ptr<Store> open_memory_store();

}  // namespace kontor::store
