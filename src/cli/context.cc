#include "cli/context.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "policy/redaction.h"
#include "store/sqlite/sqlite_store.h"

namespace kontor::cli {

StatusOr<std::shared_ptr<const refdata::ReferenceData>> Context::data() {
  if (!data_) {
    ASSIGN_OR_RETURN(data_, refdata::ReferenceData::load(refdata::DataPaths::from_environment()));
  }
  return data_;
}

std::string Context::store_path(const std::string& path) {
  if (!path.empty()) return path;
  const char* home = std::getenv("KONTOR_HOME");
  if (home != nullptr && *home != '\0') return std::string(home) + "/kontor.db";
  return ".kontor/kontor.db";
}

StatusOr<store::Store*> Context::store(const std::string& path) {
  if (!store_) {
    const std::filesystem::path file = store_path(path);
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    if (error) {
      return failed_precondition("store: cannot create " + file.parent_path().string() + ": " +
                                 error.message());
    }
    ASSIGN_OR_RETURN(store_, store::open_sqlite_store(file.string()));
  }
  return store_.get();
}

int Context::fail(const Status& status) const {
  // Errors may quote the goal or a supplier's text: personal data and secrets are masked.
  std::fprintf(stderr, "kontor: error: %s\n", policy::redact(status.message()).c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

}  // namespace kontor::cli
