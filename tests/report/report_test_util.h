// Shared by the report tests: the sample case fixture and small string helpers.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "report/case_view.h"

namespace kontor::report::testing {

inline nlohmann::json sample_case_json() {
  std::ifstream in(std::string(KONTOR_TEST_DIR) + "/sample_case.json");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

inline CaseView sample_case() {
  auto view = case_view_from_json(sample_case_json());
  EXPECT_TRUE(view.ok()) << view.status().message();
  return *view;
}

inline std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The text between the first `from` and the next `to` after it ("" when absent).
inline std::string between(const std::string& text, const std::string& from,
                           const std::string& to) {
  std::size_t begin = text.find(from);
  if (begin == std::string::npos) return "";
  std::size_t end = text.find(to, begin + from.size());
  return end == std::string::npos ? "" : text.substr(begin, end + to.size() - begin);
}

}  // namespace kontor::report::testing
