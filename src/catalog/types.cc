#include "catalog/types.h"

#include <algorithm>
#include <array>

namespace kontor::catalog {

std::string_view verification_name(Verification v) {
  switch (v) {
    case Verification::kNone: return "none";
    case Verification::kVerified: return "verified";
    case Verification::kAudited: return "audited";
  }
  return "none";
}

StatusOr<Verification> parse_verification(std::string_view text) {
  if (text == "none" || text.empty()) return Verification::kNone;
  if (text == "verified") return Verification::kVerified;
  if (text == "audited") return Verification::kAudited;
  return invalid_argument("not one of none|verified|audited: '" + std::string(text) + "'");
}

const std::string& Product::title() const {
  static const std::string kEmpty;
  return titles.empty() ? kEmpty : titles.front().text;
}

StatusOr<Money> Offer::unit_price(std::int64_t quantity) const {
  if (quantity < moq) {
    return failed_precondition("offer " + id + ": quantity " + std::to_string(quantity) +
                               " is below the MOQ of " + std::to_string(moq));
  }
  const PriceTier* chosen = nullptr;
  for (const PriceTier& tier : tiers) {
    if (tier.min_quantity <= quantity) chosen = &tier;
  }
  if (chosen == nullptr) {
    return failed_precondition("offer " + id + ": no price tier covers quantity " +
                               std::to_string(quantity));
  }
  return Money(chosen->unit_price, currency);
}

StatusOr<Currency> currency_from_code(std::string_view code) {
  // ISO 4217 minor units of the currencies that do not use two decimals.
  static constexpr std::array<std::string_view, 17> kZero = {
      "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
      "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::array<std::string_view, 7> kThree = {"BHD", "IQD", "JOD", "KWD",
                                                             "LYD", "OMR", "TND"};
  int minor = 2;
  if (std::find(kZero.begin(), kZero.end(), code) != kZero.end()) minor = 0;
  if (std::find(kThree.begin(), kThree.end(), code) != kThree.end()) minor = 3;
  return Currency::make(code, minor);
}

}  // namespace kontor::catalog
