// The cache folder of derived data: an entry is returned only for its own key and intact
// bytes, writes replace an entry whole, a published directory is never half-replaced, and
// the folder follows $KONTOR_CACHE_DIR, then the XDG rule.
#include "core/cache_folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/fingerprint.h"

namespace kontor {
namespace {

namespace fs = std::filesystem;

class CacheFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kontor_cache_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string file_bytes(const fs::path& path) const {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  void overwrite(const fs::path& path, const std::string& bytes) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }

  fs::path root_;
};

TEST_F(CacheFolderTest, WrittenEntryIsReadBackWithItsKeyOnly) {
  const CacheFolder cache(root_ / "cache");
  const std::string payload("model\0bytes\nwith lines", 22);
  ASSERT_TRUE(cache.write("model.bin", "key-1", payload).ok());
  EXPECT_EQ(cache.read("model.bin", "key-1"), payload);
  EXPECT_EQ(cache.read("model.bin", "key-2"), std::nullopt);  // derived from other inputs
  EXPECT_EQ(cache.read("other.bin", "key-1"), std::nullopt);
  // No temporary file is left beside the entry.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(root_ / "cache")) {
    ++files;
    EXPECT_EQ(entry.path().filename(), "model.bin");
  }
  EXPECT_EQ(files, 1);
}

TEST_F(CacheFolderTest, NewKeyReplacesTheEntryWhole) {
  const CacheFolder cache(root_);
  ASSERT_TRUE(cache.write("e", "old", "old payload, longer than the new one").ok());
  ASSERT_TRUE(cache.write("e", "new", "new").ok());
  EXPECT_EQ(cache.read("e", "new"), "new");
  EXPECT_EQ(cache.read("e", "old"), std::nullopt);
}

TEST_F(CacheFolderTest, CorruptOrTruncatedEntryIsNotReturned) {
  const CacheFolder cache(root_);
  ASSERT_TRUE(cache.write("e", "k", "0123456789abcdef").ok());
  const std::string good = file_bytes(root_ / "e");

  std::string flipped = good;
  flipped[flipped.size() - 3] ^= 0x01;  // one bit of the payload
  overwrite(root_ / "e", flipped);
  EXPECT_EQ(cache.read("e", "k"), std::nullopt);

  overwrite(root_ / "e", good.substr(0, good.size() - 1));
  EXPECT_EQ(cache.read("e", "k"), std::nullopt);

  overwrite(root_ / "e", "");
  EXPECT_EQ(cache.read("e", "k"), std::nullopt);

  overwrite(root_ / "e", good);
  EXPECT_EQ(cache.read("e", "k"), "0123456789abcdef");
}

TEST_F(CacheFolderTest, UnwritableFolderIsAnErrorNotACrash) {
  fs::create_directories(root_);
  overwrite(root_ / "file", "x");
  const CacheFolder cache(root_ / "file" / "cache");  // a folder under a regular file
  EXPECT_FALSE(cache.write("e", "k", "payload").ok());
  EXPECT_EQ(cache.read("e", "k"), std::nullopt);
}

TEST_F(CacheFolderTest, FirstPublishedDirectoryWinsAndTheOtherIsRemoved) {
  const CacheFolder cache(root_);
  fs::create_directories(root_);
  const fs::path first = cache.temporary("index-k");
  const fs::path second = cache.temporary("index-k");
  EXPECT_NE(first, second);
  fs::create_directories(first);
  overwrite(first / "data", "first");
  fs::create_directories(second);
  overwrite(second / "data", "second");

  ASSERT_TRUE(cache.publish(first, "index-k").ok());
  ASSERT_TRUE(cache.publish(second, "index-k").ok());
  EXPECT_EQ(file_bytes(root_ / "index-k" / "data"), "first");
  EXPECT_FALSE(fs::exists(first));
  EXPECT_FALSE(fs::exists(second));
}

TEST_F(CacheFolderTest, PruneRemovesOtherKeysButNotFreshTemporaries) {
  const CacheFolder cache(root_);
  for (const char* name : {"index-a", "index-b", "model.bin"}) fs::create_directories(root_ / name);
  const fs::path building = cache.temporary("index-c");  // another process, still building
  fs::create_directories(building);
  cache.prune("index-", "index-b");
  EXPECT_FALSE(fs::exists(root_ / "index-a"));
  EXPECT_TRUE(fs::exists(root_ / "index-b"));
  EXPECT_TRUE(fs::exists(root_ / "model.bin"));
  EXPECT_TRUE(fs::exists(building));
}

// Restores an environment variable at the end of the test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(DefaultCacheDirTest, KontorCacheDirThenXdgThenHome) {
  ScopedEnv home("HOME", "/home/anna");
  {
    ScopedEnv kontor("KONTOR_CACHE_DIR", "/srv/kontor-cache");
    ScopedEnv xdg("XDG_CACHE_HOME", "/xdg");
    EXPECT_EQ(default_cache_dir(), "/srv/kontor-cache");
  }
  {
    ScopedEnv kontor("KONTOR_CACHE_DIR", nullptr);
    ScopedEnv xdg("XDG_CACHE_HOME", "/xdg");
    EXPECT_EQ(default_cache_dir(), "/xdg/kontor");
  }
  {
    ScopedEnv kontor("KONTOR_CACHE_DIR", "");
    ScopedEnv xdg("XDG_CACHE_HOME", nullptr);
    EXPECT_EQ(default_cache_dir(), "/home/anna/.cache/kontor");
  }
  ScopedEnv kontor("KONTOR_CACHE_DIR", nullptr);
  ScopedEnv xdg("XDG_CACHE_HOME", nullptr);
  ScopedEnv no_home("HOME", nullptr);
  EXPECT_EQ(default_cache_dir(), "");
}

TEST(FingerprintTest, DependsOnEveryByteAndOnTheSplit) {
  const std::string a = Fingerprint().add("insulated steel bottle").hex();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a, Fingerprint().add("insulated steel bottle").hex());
  EXPECT_NE(a, Fingerprint().add("insulated steel bottlf").hex());
  EXPECT_NE(Fingerprint().add("ab").add("c").hex(), Fingerprint().add("a").add("bc").hex());
  EXPECT_NE(Fingerprint().add(1).hex(), Fingerprint().add(2).hex());
}

}  // namespace
}  // namespace kontor
