// load_engines with a cache folder (EngineOptions::cache_dir, what `kontor run` passes): a
// second load reuses the trained classifier and the search index and answers exactly as the
// first; a changed input (training listings, catalog) rebuilds; a damaged entry is rebuilt,
// never an error; without a folder nothing is written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "crew/engines.h"

namespace kontor::crew {
namespace {

namespace fs = std::filesystem;

class EngineCacheTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = refdata::ReferenceData::load(refdata::DataPaths::from_environment());
    ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
    reference_ = *loaded;
  }
  static void TearDownTestSuite() { reference_.reset(); }

  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kontor_engine_cache_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    // A small training set of its own, so that the test can change it.
    fs::create_directories(root_ / "bench" / "hscodecomp");
    std::ifstream in(std::string(KONTOR_DEFAULT_BENCH_DIR) + "/hscodecomp/dev.jsonl");
    std::ofstream out(root_ / "bench" / "hscodecomp" / "dev.jsonl");
    std::string line;
    for (int i = 0; i < 40 && std::getline(in, line); ++i) out << line << "\n";
  }
  void TearDown() override { fs::remove_all(root_); }

  EngineOptions options() const {
    EngineOptions o;
    o.reference = reference_;
    o.bench_dir = (root_ / "bench").string();
    o.demo.products = 1000;
    o.cache_dir = (root_ / "cache").string();
    return o;
  }
  static std::unique_ptr<EngineSet> load(const EngineOptions& o) {
    auto loaded = load_engines(o);
    EXPECT_TRUE(loaded.ok()) << loaded.status().to_string();
    return loaded.ok() ? std::move(*loaded) : nullptr;
  }
  static bool noted(const EngineSet& set, std::string_view what) {
    for (const std::string& note : set.cache_notes()) {
      if (note.find(what) != std::string::npos) return true;
    }
    return false;
  }
  // The answers a crew would get: the top HS candidates and the top search results.
  static std::vector<std::string> answers(const EngineSet& set) {
    std::vector<std::string> out;
    for (const char* title : {"Double wall insulated stainless steel water bottle 750ml",
                              "Women's knitted wool scarf", "Yoga mat non slip TPE 6mm"}) {
      for (const auto& c : set.engines().classifier->classify({title, "", {}, {}}, 3).candidates) {
        out.push_back(c.hs6 + " " + c.hs10 + " " + std::to_string(c.confidence));
      }
    }
    for (const char* text : {"yoga mat", "garrafa térmica de aço inox", "bluetooth speaker"}) {
      auto found = set.engines().catalog->search({.text = text, .quantity = 500});
      EXPECT_TRUE(found.ok()) << found.status().to_string();
      if (!found.ok()) continue;
      for (const auto& r : found->results) {
        out.push_back(r.product_id + " " + r.offer_id + " " + std::to_string(r.score));
      }
    }
    return out;
  }
  std::size_t index_folders() const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(root_ / "cache")) {
      n += e.path().filename().string().starts_with("search-index-") ? 1 : 0;
    }
    return n;
  }

  static std::shared_ptr<const refdata::ReferenceData> reference_;
  fs::path root_;
};

std::shared_ptr<const refdata::ReferenceData> EngineCacheTest::reference_;

TEST_F(EngineCacheTest, SecondLoadReusesTheCacheAndAnswersTheSame) {
  auto fresh = load(options());
  ASSERT_NE(fresh, nullptr);
  EXPECT_TRUE(noted(*fresh, "trained the HS classifier")) << fresh->cache_notes().size();
  EXPECT_TRUE(noted(*fresh, "indexed the demo marketplace"));
  EXPECT_TRUE(fs::exists(root_ / "cache" / "hs-classifier.bin"));
  EXPECT_EQ(index_folders(), 1u);

  auto reused = load(options());
  ASSERT_NE(reused, nullptr);
  EXPECT_TRUE(reused->cache_notes().empty()) << reused->cache_notes().front();
  EXPECT_EQ(reused->engines().classifier->training_size(), 40u);
  const std::vector<std::string> want = answers(*fresh);
  EXPECT_GE(want.size(), 12u);  // nine HS candidates and some search results
  EXPECT_EQ(answers(*reused), want);
}

TEST_F(EngineCacheTest, ChangedInputsRebuild) {
  ASSERT_NE(load(options()), nullptr);
  // One training listing fewer: the stored classifier is stale.
  {
    std::ifstream in(root_ / "bench" / "hscodecomp" / "dev.jsonl");
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    all.resize(all.rfind('\n', all.size() - 2) + 1);
    std::ofstream(root_ / "bench" / "hscodecomp" / "dev.jsonl") << all;
  }
  auto retrained = load(options());
  ASSERT_NE(retrained, nullptr);
  EXPECT_TRUE(noted(*retrained, "trained the HS classifier"));
  EXPECT_FALSE(noted(*retrained, "indexed"));
  EXPECT_EQ(retrained->engines().classifier->training_size(), 39u);

  // Another demo marketplace: a new index, and the old one is removed.
  EngineOptions other = options();
  other.demo.seed = 7;
  auto reindexed = load(other);
  ASSERT_NE(reindexed, nullptr);
  EXPECT_TRUE(noted(*reindexed, "indexed the demo marketplace"));
  EXPECT_FALSE(noted(*reindexed, "trained"));
  EXPECT_EQ(index_folders(), 1u);
}

TEST_F(EngineCacheTest, DamagedCacheIsRebuiltNotAnError) {
  auto fresh = load(options());
  ASSERT_NE(fresh, nullptr);
  const std::vector<std::string> want = answers(*fresh);
  fresh.reset();
  {
    // One byte of the stored model, in the middle of the payload.
    std::fstream blob(root_ / "cache" / "hs-classifier.bin",
                      std::ios::in | std::ios::out | std::ios::binary);
    blob.seekp(
        static_cast<std::streamoff>(fs::file_size(root_ / "cache" / "hs-classifier.bin") / 2));
    blob.put('\x7f');
  }
  for (const auto& e : fs::directory_iterator(root_ / "cache")) {
    if (e.path().filename().string().starts_with("search-index-")) {
      std::ofstream(e.path() / "iamglass", std::ios::trunc) << "not a glass database";
    }
  }
  auto rebuilt = load(options());
  ASSERT_NE(rebuilt, nullptr);
  EXPECT_TRUE(noted(*rebuilt, "trained the HS classifier"));
  EXPECT_TRUE(noted(*rebuilt, "indexed the demo marketplace"));
  EXPECT_EQ(answers(*rebuilt), want);
  auto reused = load(options());
  ASSERT_NE(reused, nullptr);
  EXPECT_TRUE(reused->cache_notes().empty());
}

TEST_F(EngineCacheTest, UnusableFolderFallsBackToMemory) {
  fs::create_directories(root_);
  std::ofstream(root_ / "cache") << "a file where the folder should be";
  auto loaded = load(options());
  ASSERT_NE(loaded, nullptr);
  EXPECT_TRUE(noted(*loaded, "HS classifier not cached"));
  EXPECT_TRUE(noted(*loaded, "search index not cached"));
  EXPECT_FALSE(answers(*loaded).empty());
}

TEST_F(EngineCacheTest, WithoutAFolderNothingIsWritten) {
  EngineOptions o = options();
  o.cache_dir.clear();
  auto loaded = load(o);
  ASSERT_NE(loaded, nullptr);
  EXPECT_TRUE(loaded->cache_notes().empty());
  EXPECT_FALSE(fs::exists(root_ / "cache"));
}

}  // namespace
}  // namespace kontor::crew
