// Where reference data is read from: the shared data set ($KONTOR_DATA_DIR, default
// ../shared/data beside the repository) and the tables the project authors itself (the repo's
// data/ folder, $KONTOR_REPO_DATA_DIR to override).
#pragma once

#include <string>

namespace kontor::refdata {

struct DataPaths {
  std::string shared_dir;  // the shared reference data (read-only, never copied into the repo)
  std::string repo_dir;    // data/ of this repository: authored tables with a source per row

  // From the environment, falling back to the directories compiled in at build time.
  static DataPaths from_environment();
};

}  // namespace kontor::refdata
