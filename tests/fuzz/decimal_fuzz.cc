// libFuzzer target for exact decimals: any text either parses or is rejected with a reason; what
// parses prints back to a text that parses to the same value, and rounding, division and
// arithmetic on it stay within the type's checks (a KONTOR_CHECK abort is a finding: the parser
// accepted a value the arithmetic cannot hold).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/decimal.h"
#include "core/money.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = text.find('|');
  auto a = kontor::Decimal::parse(text.substr(0, cut));
  if (!a.ok()) {
    check(!a.status().message().empty());
    return 0;
  }
  auto again = kontor::Decimal::parse(a->to_string());
  check(again.ok() && *again == *a);
  (void)a->rounded(2, kontor::RoundingMode::kHalfEven);
  (void)a->rounded(0, kontor::RoundingMode::kHalfUp);
  auto eur = kontor::Currency::make("EUR", 2);
  check(eur.ok());
  kontor::Money money(a->rounded(2, kontor::RoundingMode::kHalfEven), *eur);
  (void)money.to_string();
  if (cut == std::string_view::npos) return 0;
  auto b = kontor::Decimal::parse(text.substr(cut + 1));
  if (!b.ok()) return 0;
  (void)kontor::Decimal::divide(*a, *b, 6, kontor::RoundingMode::kHalfEven);
  (void)(*a + *b);
  (void)(*a - *b);
  (void)(*a < *b);
  return 0;
}
