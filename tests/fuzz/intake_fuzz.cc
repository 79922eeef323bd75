// libFuzzer target for the intake: any bytes as a goal, then as a value for every field, must
// give a Brief or a Status — never a crash, a hang or a sanitizer report. Built with
// -DKONTOR_FUZZ=ON (clang; see tests/fuzz/CMakeLists.txt) and run by `make fuzz`.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "crew/intake.h"

namespace {

const kontor::crew::Intake& intake() {
  static const kontor::crew::Intake loaded = [] {
    auto result = kontor::crew::Intake::load(kontor::refdata::DataPaths::from_environment());
    if (!result.ok()) std::abort();  // the data must be there; a fuzz run without it is moot
    return *result;
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kontor::Date today = *kontor::Date::from_ymd(2026, 11, 23);
  auto brief = intake().read_goal(text, today);
  kontor::crew::Brief b = brief.ok() ? *brief : kontor::crew::Brief{};
  for (std::string_view field : kontor::crew::brief_field_names()) {
    kontor::Status status = intake().apply_field(b, field, text, today);
    if (!status.ok() && status.message().empty()) std::abort();
  }
  auto round_trip = kontor::crew::brief_from_json(kontor::crew::to_json(b));
  if (!round_trip.ok()) std::abort();  // whatever intake produced must read back
  return 0;
}
