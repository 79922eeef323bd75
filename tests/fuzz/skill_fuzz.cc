// libFuzzer target for skill files (skills/*.json, `kontor skill run FILE`): any bytes either
// parse into a skill whose plan validates for an empty brief, or are rejected with a message —
// never a crash, an uncaught JSON exception or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "crew/skill.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return 0;
  auto skill = kontor::crew::parse_skill(json, "fuzz.json");
  if (!skill.ok()) {
    if (skill.status().message().empty()) std::abort();
    return 0;
  }
  auto plan = kontor::crew::plan_from_skill(*skill, kontor::crew::Brief{});
  if (!plan.ok() && plan.status().message().empty()) std::abort();
  return 0;
}
