// The no-retention proof: `kontor run --no-retention GOAL` writes nothing to disk. The real
// binary runs with HOME, KONTOR_HOME and TMPDIR pointed at fresh folders and its working
// directory in another; every file and folder in them (name, size, mtime) is listed before and
// after and must be identical. /tmp and /var/tmp are shared with every other process on the
// machine (compilers, parallel tests), so there the proof is by content: no file created or
// changed during the run may contain the goal's unique marker.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Entry {
  std::uintmax_t size = 0;
  fs::file_time_type mtime;
  bool directory = false;
  bool operator==(const Entry&) const = default;
};
using Listing = std::map<std::string, Entry>;

// Every entry under `root` (the root's own mtime included: a file created and deleted again
// still changes it). Entries that vanish while listing are skipped.
Listing list(const fs::path& root, int max_depth) {
  Listing out;
  std::error_code ec;
  auto add = [&](const fs::path& path) {
    fs::file_status status = fs::symlink_status(path, ec);
    if (ec) return;
    Entry e;
    e.directory = fs::is_directory(status);
    e.size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
    e.mtime = fs::last_write_time(path, ec);
    if (!ec) out[path.string()] = e;
  };
  add(root);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() >= max_depth) it.disable_recursion_pending();
    add(it->path());
  }
  return out;
}

std::string describe_changes(const Listing& before, const Listing& after) {
  std::ostringstream out;
  for (const auto& [path, entry] : after) {
    auto old = before.find(path);
    if (old == before.end()) {
      out << "  new: " << path << " (" << entry.size << " bytes)\n";
    } else if (!(old->second == entry)) {
      out << "  changed: " << path << " (" << old->second.size << " -> " << entry.size
          << " bytes)\n";
    }
  }
  for (const auto& [path, entry] : before) {
    if (!after.count(path)) out << "  removed: " << path << "\n";
  }
  return out.str();
}

bool file_contains(const fs::path& path, const std::string& needle) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.find(needle) != std::string::npos;
}

class NoRetentionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kontor_noretention_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    for (const char* dir : {"home", "kontor_home", "tmp", "cwd", "cache"}) {
      fs::create_directories(root_ / dir);
    }
    marker_ = "noretention" + std::to_string(::getpid()) + "x";
  }
  void TearDown() override { fs::remove_all(root_); }

  std::vector<fs::path> private_folders() const {
    return {root_ / "home", root_ / "kontor_home", root_ / "tmp", root_ / "cwd", root_ / "cache"};
  }
  Listing private_listing() const {
    Listing all;
    for (const fs::path& folder : private_folders()) all.merge(list(folder, 16));
    return all;
  }
  // `kontor ARGS` in cwd/ with the fresh HOME, KONTOR_HOME, KONTOR_CACHE_DIR and TMPDIR; output
  // to a pipe read by the shell (never a file).
  int kontor(const std::string& args, std::string* output = nullptr) {
    const std::string env =
        "cd '" + (root_ / "cwd").string() + "' && HOME='" + (root_ / "home").string() +
        "' KONTOR_HOME='" + (root_ / "kontor_home").string() + "' KONTOR_CACHE_DIR='" +
        (root_ / "cache").string() + "' TMPDIR='" + (root_ / "tmp").string() + "' ";
    std::string command = env + "'" + KONTOR_CLI_BINARY + "' " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return -1;
    char buffer[4096];
    std::size_t n;
    std::string out;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    if (output != nullptr) *output = out;
    int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  fs::path root_;
  std::string marker_;
};

TEST_F(NoRetentionTest, RunWritesNothingToDisk) {
  const Listing before = private_listing();
  Listing shared_before = list("/tmp", 3);
  shared_before.merge(list("/var/tmp", 3));
  const auto started = fs::file_time_type::clock::now();
  // The goal carries personal data and a unique marker, so any trace of it can be found.
  const std::string goal =
      "source 2000 insulated steel bottles for Germany, retail €24.99, "
      "in stock by March, ref " +
      marker_ + ", contact anna@example.de";
  std::string output;
  const int exit_code = kontor("run --no-retention --json '" + goal + "'", &output);
  ASSERT_NE(output.find("\"type\":\"case.summary\""), std::string::npos) << output;
  EXPECT_EQ(exit_code, 0) << output;

  const Listing after = private_listing();
  EXPECT_EQ(before, after) << "the run wrote to its private folders:\n"
                           << describe_changes(before, after);

  Listing shared_after = list("/tmp", 3);
  shared_after.merge(list("/var/tmp", 3));
  for (const auto& [path, entry] : shared_after) {
    auto old = shared_before.find(path);
    const bool touched = old == shared_before.end() || !(old->second == entry);
    if (!touched || entry.directory || entry.mtime < started) continue;
    if (path.rfind(root_.string(), 0) == 0) continue;  // the private folders, checked above
    EXPECT_FALSE(file_contains(path, marker_)) << path << " holds the case's goal";
  }
}

TEST_F(NoRetentionTest, WithoutTheFlagTheCaseIsStoredInKontorHome) {
  // The control: the same listing sees the store when retention is on, so the proof above is
  // not blind.
  const Listing before = private_listing();
  std::string output;
  kontor("run --json 'source 500 ceramic mugs for the UK, ref " + marker_ + "'", &output);
  const Listing after = private_listing();
  EXPECT_TRUE(after.count((root_ / "kontor_home" / "kontor.db").string()))
      << describe_changes(before, after) << output;
  // ... and the derived data (trained classifier, search index) in the cache folder, which
  // --no-retention must not write either.
  EXPECT_TRUE(after.count((root_ / "cache" / "hs-classifier.bin").string()))
      << describe_changes(before, after) << output;
  EXPECT_NE(output.find("kontor: first run: trained the HS classifier"), std::string::npos)
      << output;
}

}  // namespace
