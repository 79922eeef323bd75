// Quantity: an exact amount in a unit of measure. Conversions exist only where they are
// defined by the units themselves (kg ↔ lb, dozen ↔ pieces, litre ↔ m3); asking for any other
// (pieces → kg) is an error, never a guess. Unit spellings of the tariff schedules ("No.",
// "doz.", "prs.", "m²", "liters") parse to the same units.
#pragma once

#include <string>
#include <string_view>

#include "core/decimal.h"
#include "core/status.h"

namespace kontor {

enum class Dimension { kCount, kPairs, kSets, kWeight, kVolume, kArea, kLength };

enum class Unit {
  kPiece,
  kDozen,
  kGross,
  kThousand,  // count (base: piece)
  kPair,
  kDozenPairs,  // pairs (base: pair)
  kSet,         // sets
  kKilogram,
  kGram,
  kPound,
  kTonne,
  kCarat,  // weight (base: kg)
  kLitre,
  kCubicMetre,
  kBarrel,       // volume (base: litre)
  kSquareMetre,  // area
  kMetre,        // length
};

std::string_view unit_symbol(Unit unit);  // "pcs", "kg", "m3", …
Dimension unit_dimension(Unit unit);
// Base units in the unit's dimension for one unit (kg per lb = 0.45359237, exact by definition).
Decimal unit_factor(Unit unit);
// "pcs", "piece", "No.", "units", "kg", "kgs", "lb", "doz.", "prs.", "m²", "liters", …
StatusOr<Unit> parse_unit(std::string_view text);

class Quantity {
 public:
  Quantity() = default;
  Quantity(Decimal value, Unit unit) : value_(value), unit_(unit) {}

  const Decimal& value() const { return value_; }
  Unit unit() const { return unit_; }

  // The same amount in `target`; an error when the dimensions differ. Exact: factors are exact
  // decimals (1 lb = 0.45359237 kg) and the result keeps every digit.
  StatusOr<Quantity> to(Unit target) const;

  // "2000 pcs"
  std::string to_string() const;

 private:
  Decimal value_;
  Unit unit_ = Unit::kPiece;
};

}  // namespace kontor
