#include "refdata/data_paths.h"

#include <cstdlib>

namespace kontor::refdata {

DataPaths DataPaths::from_environment() {
  DataPaths paths;
  const char* shared = std::getenv("KONTOR_DATA_DIR");
  const char* repo = std::getenv("KONTOR_REPO_DATA_DIR");
  paths.shared_dir = (shared != nullptr && *shared != '\0') ? shared : KONTOR_DEFAULT_DATA_DIR;
  paths.repo_dir = (repo != nullptr && *repo != '\0') ? repo : KONTOR_REPO_DATA_DIR;
  return paths;
}

}  // namespace kontor::refdata
