// The backends every store test runs against: the conformance suite and the journal and
// outbox tests are parameterised over these factories.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "store/memory/memory_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace kontor::store::testing {

struct Backend {
  std::string name;
  // Opens a fresh, empty store whose files (if any) live under `dir`.
  std::function<std::unique_ptr<Store>(const std::filesystem::path& dir)> open;
};

inline std::vector<Backend> all_backends() {
  return {
      {"sqlite",
       [](const std::filesystem::path& dir) {
         auto store = open_sqlite_store((dir / "kontor.db").string());
         EXPECT_TRUE(store.ok()) << store.status().to_string();
         return store.ok() ? std::move(store).value() : nullptr;
       }},
      {"memory", [](const std::filesystem::path&) { return open_memory_store(); }},
  };
}

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}

// A store of the test's backend in a fresh temporary directory, removed afterwards.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    dir_ = std::filesystem::temp_directory_path() /
           ("kontor_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = GetParam().open(dir_);
    ASSERT_NE(store_, nullptr);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void put(std::string_view collection, std::string_view key, std::string_view body) {
    auto txn = store_->begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->put(collection, key, body).ok());
    ASSERT_TRUE((*txn)->commit().ok());
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace kontor::store::testing
