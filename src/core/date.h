// Date: a civil calendar date (proleptic Gregorian), the unit of every "as of" in Kontor: rates,
// thresholds and fee parameters are dated data, and each computation takes an as-of date.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kontor {

class Date {
 public:
  Date() = default;
  // Validates the calendar (no 2025-02-30).
  static StatusOr<Date> from_ymd(int year, int month, int day);
  // "YYYY-MM-DD".
  static StatusOr<Date> parse(std::string_view text);
  static Date from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }

  int year() const;
  int month() const;
  int day() const;
  // 0 = Monday … 6 = Sunday.
  int weekday() const;
  std::int32_t days_since_epoch() const { return days_; }
  std::string to_string() const;

  Date plus_days(int n) const { return Date(days_ + n); }
  friend int operator-(const Date& a, const Date& b) { return a.days_ - b.days_; }
  friend auto operator<=>(const Date& a, const Date& b) = default;

 private:
  explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;  // days since 1970-01-01
};

// Where "today" comes from: a seam so tests can fix the date.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date today() const = 0;
};

// The system's UTC calendar date.
class SystemClock final : public Clock {
 public:
  Date today() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date date) : date_(date) {}
  Date today() const override { return date_; }

 private:
  Date date_;
};

}  // namespace kontor
