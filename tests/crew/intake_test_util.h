// Shared by the intake tests: the loaded intake (real data), a fixed today, and short forms of
// Brief fields for exact comparisons.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crew/intake.h"

namespace kontor::crew {

inline Date day(const char* text) { return *Date::parse(text); }
inline const Date kToday = day("2026-11-23");

inline const Intake& intake() {
  static const Intake loaded = [] {
    auto result = Intake::load(refdata::DataPaths{KONTOR_DEFAULT_DATA_DIR, KONTOR_REPO_DATA_DIR});
    if (!result.ok()) {
      ADD_FAILURE() << result.status().to_string();
      std::abort();
    }
    return *result;
  }();
  return loaded;
}

inline Brief read(std::string_view goal) {
  auto brief = intake().read_goal(goal, kToday);
  EXPECT_TRUE(brief.ok()) << brief.status().to_string();
  return brief.ok() ? *brief : Brief{};
}

inline std::vector<std::string> question_fields(const Brief& b) {
  std::vector<std::string> fields;
  for (const Question& q : b.questions) fields.push_back(q.field);
  return fields;
}

inline std::string money(const std::optional<Money>& m) { return m ? m->to_string() : "none"; }
inline std::string qty(const Brief& b) { return b.quantity ? b.quantity->to_string() : "none"; }
inline std::string dest(const Brief& b) {
  return b.destination ? std::string(b.destination->code()) : "none";
}
inline std::string deadline(const Brief& b) {
  return b.deadline ? b.deadline->to_string() : "none";
}

}  // namespace kontor::crew
