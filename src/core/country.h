// CountryCode: an ISO 3166-1 alpha-2 code ("DE", "CN"). Names, currencies and regions come from
// refdata::CountryTable; this value type only guarantees the shape.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kontor {

class CountryCode {
 public:
  CountryCode() = default;
  // Two ASCII letters; lower case is accepted and upper-cased.
  static StatusOr<CountryCode> parse(std::string_view text);

  std::string_view code() const { return {code_.data(), 2}; }
  bool valid() const { return code_[0] != 0; }
  friend bool operator==(const CountryCode& a, const CountryCode& b) = default;
  friend auto operator<=>(const CountryCode& a, const CountryCode& b) = default;

 private:
  std::array<char, 3> code_{};
};

}  // namespace kontor
