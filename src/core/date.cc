#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace kontor {
namespace {
std::chrono::year_month_day ymd(std::int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}
}  // namespace

StatusOr<Date> Date::from_ymd(int year, int month, int day) {
  std::chrono::year_month_day d{std::chrono::year{year},
                                std::chrono::month{static_cast<unsigned>(month)},
                                std::chrono::day{static_cast<unsigned>(day)}};
  if (year < 1900 || year > 2200 || !d.ok()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return invalid_argument(std::string("not a calendar date: ") + buf);
  }
  return Date(std::chrono::sys_days{d}.time_since_epoch().count());
}

StatusOr<Date> Date::parse(std::string_view text) {
  auto bad = [&] {
    return invalid_argument("expected a date as YYYY-MM-DD, got '" + std::string(text) + "'");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  int spans[3][2] = {{0, 4}, {5, 7}, {8, 10}};
  for (int p = 0; p < 3; ++p) {
    for (int i = spans[p][0]; i < spans[p][1]; ++i) {
      if (text[i] < '0' || text[i] > '9') return bad();
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  return from_ymd(parts[0], parts[1], parts[2]);
}

int Date::year() const { return static_cast<int>(ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd(days_).day())); }

int Date::weekday() const {
  std::chrono::weekday w{std::chrono::sys_days{std::chrono::days{days_}}};
  return static_cast<int>((w.c_encoding() + 6) % 7);
}

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

Date SystemClock::today() const {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(static_cast<std::int32_t>(now.time_since_epoch().count()));
}

}  // namespace kontor
