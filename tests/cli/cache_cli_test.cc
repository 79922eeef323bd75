// `kontor cache` prints the folder of derived data and `kontor cache clear` removes it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli_run.h"

namespace {

namespace fs = std::filesystem;
using cli_testing::kontor;

TEST(CacheCliTest, PrintsAndClearsTheFolderOfKontorCacheDir) {
  const fs::path dir = fs::temp_directory_path() / ("kontor_cache_cli_" + std::to_string(getpid()));
  fs::create_directories(dir / "search-index-x");
  std::ofstream(dir / "hs-classifier.bin") << "stored model";
  ::setenv("KONTOR_CACHE_DIR", dir.c_str(), 1);

  const cli_testing::CliRun path = kontor("cache");
  EXPECT_EQ(path.exit_code, 0) << path.out;
  EXPECT_EQ(path.out, dir.string() + "\n");

  const cli_testing::CliRun clear = kontor("cache clear");
  EXPECT_EQ(clear.exit_code, 0) << clear.out;
  EXPECT_NE(clear.out.find("removed " + dir.string()), std::string::npos) << clear.out;
  EXPECT_FALSE(fs::exists(dir));
  ::unsetenv("KONTOR_CACHE_DIR");
  fs::remove_all(dir);
}

}  // namespace
