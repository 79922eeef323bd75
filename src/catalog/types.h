// Catalog records: who sells (Supplier), what is sold (Product, in the language(s) it was listed
// in), and on which terms (Offer: price tiers by quantity in the supplier's currency, MOQ, lead
// time, Incoterm and named place, samples, validity). Plain values; validation and encoding live
// in catalog/codec.h, storage in catalog/catalog.h.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/incoterm.h"
#include "core/money.h"
#include "core/status.h"

namespace kontor::catalog {

enum class Verification { kNone, kVerified, kAudited };
std::string_view verification_name(Verification v);
StatusOr<Verification> parse_verification(std::string_view text);

struct Supplier {
  std::string id;
  std::string name;
  CountryCode country;
  std::string city;
  std::string port;                         // nearest port of loading, e.g. "Ningbo"
  std::vector<std::string> languages;       // ISO 639-1, e.g. {"zh","en"}
  std::vector<std::string> certifications;  // held by the company: "ISO 9001", "BSCI"
  int years_in_business = 0;
  Verification verification = Verification::kNone;
  int response_hours = 24;                 // typical first-response time
  Decimal on_time_rate;                    // share of orders delivered on time, 0..1
  Decimal defect_rate;                     // share of units returned as defective, 0..1
  std::vector<std::string> payment_terms;  // "T/T 30/70", "L/C at sight"
  bool demo = false;                       // generated demo data, never a real company
};

// Text in one language; `lang` is ISO 639-1 ("en", "zh", "pt").
struct LocalizedText {
  std::string lang;
  std::string text;
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

struct Product {
  std::string id;
  std::vector<LocalizedText> titles;  // the first is the original listing
  std::vector<LocalizedText> descriptions;
  std::map<std::string, std::string> attributes;  // "material", "size", "weight", "packaging", …
  std::vector<std::string> category_path;         // English, root first
  std::vector<std::string> category_path_zh;      // the same path in Chinese where known
  std::string hs_code;  // as declared by the supplier (digits), may be empty
  bool demo = false;

  const std::string& title() const;  // the original title ("" when none)
};

// From `min_quantity` units upward the unit price is `unit_price` (until the next tier).
struct PriceTier {
  std::int64_t min_quantity = 1;
  Decimal unit_price;
  friend bool operator==(const PriceTier&, const PriceTier&) = default;
};

struct Offer {
  std::string id;
  std::string supplier_id;
  std::string product_id;
  Currency currency;
  std::vector<PriceTier> tiers;  // ascending min_quantity; the first tier starts at the MOQ
  std::int64_t moq = 1;
  int lead_time_days = 0;  // production + handling until ready at the named place
  Incoterm incoterm = Incoterm::kFOB;
  std::string named_place;  // "Ningbo", "Ho Chi Minh City"
  bool samples = false;
  Date valid_until;
  std::vector<std::string> certifications;  // product test reports: "CE", "FCC", "LFGB"
  bool demo = false;

  // The unit price for an order of `quantity` units: the tier with the largest min_quantity not
  // above it. failed_precondition when quantity is below the MOQ.
  StatusOr<Money> unit_price(std::int64_t quantity) const;
};

// The Currency for an ISO 4217 code with its minor unit (JPY/VND/KRW 0, BHD/KWD 3, else 2).
StatusOr<Currency> currency_from_code(std::string_view code);

}  // namespace kontor::catalog
