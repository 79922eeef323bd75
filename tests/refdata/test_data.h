// Paths of the real data files for the refdata tests, and small helpers.
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>

#include "core/currency.h"
#include "core/date.h"
#include "core/status.h"

namespace kontor::refdata::testing {

inline std::string shared(const std::string& file) {
  return std::string(KONTOR_DEFAULT_DATA_DIR) + "/" + file;
}
inline std::string repo(const std::string& file) {
  return std::string(KONTOR_REPO_DATA_DIR) + "/" + file;
}
inline Date D(const char* text) { return Date::parse(text).value(); }
// The value of a load that must succeed; a failure stops the test binary with the reason
// (the tables are loaded once into function-local statics).
template <typename T>
T must(StatusOr<T> result) {
  if (!result.ok()) {
    std::cerr << "refdata test: load failed: " << result.status().to_string() << "\n";
    std::abort();
  }
  return std::move(result).value();
}
inline Currency C(const char* code, int minor = 2) { return Currency::make(code, minor).value(); }

}  // namespace kontor::refdata::testing
