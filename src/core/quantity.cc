#include "core/quantity.h"

#include <cctype>

namespace kontor {
namespace {

struct UnitRow {
  Unit unit;
  std::string_view symbol;
  Dimension dimension;
  Decimal::Mantissa factor_mantissa;  // base units per unit = mantissa × 10^-scale
  int factor_scale;
};

// Exact factors: lb by the international yard and pound agreement (1959); carat 200 mg;
// US oil barrel 42 US gallons = 158.987294928 l.
constexpr UnitRow kUnits[] = {
    {Unit::kPiece, "pcs", Dimension::kCount, 1, 0},
    {Unit::kDozen, "doz", Dimension::kCount, 12, 0},
    {Unit::kGross, "gross", Dimension::kCount, 144, 0},
    {Unit::kThousand, "thousand", Dimension::kCount, 1000, 0},
    {Unit::kPair, "pr", Dimension::kPairs, 1, 0},
    {Unit::kDozenPairs, "doz pr", Dimension::kPairs, 12, 0},
    {Unit::kSet, "set", Dimension::kSets, 1, 0},
    {Unit::kKilogram, "kg", Dimension::kWeight, 1, 0},
    {Unit::kGram, "g", Dimension::kWeight, 1, 3},
    {Unit::kPound, "lb", Dimension::kWeight, 45359237, 8},
    {Unit::kTonne, "t", Dimension::kWeight, 1000, 0},
    {Unit::kCarat, "carat", Dimension::kWeight, 2, 4},
    {Unit::kLitre, "l", Dimension::kVolume, 1, 0},
    {Unit::kCubicMetre, "m3", Dimension::kVolume, 1000, 0},
    {Unit::kBarrel, "bbl", Dimension::kVolume, 158987294928, 9},
    {Unit::kSquareMetre, "m2", Dimension::kArea, 1, 0},
    {Unit::kMetre, "m", Dimension::kLength, 1, 0},
};

struct Alias {
  std::string_view text;
  Unit unit;
};

// Lower-cased spellings, including those printed in the US HTS and UK tariff.
constexpr Alias kAliases[] = {
    {"pcs", Unit::kPiece},
    {"pc", Unit::kPiece},
    {"piece", Unit::kPiece},
    {"pieces", Unit::kPiece},
    {"no.", Unit::kPiece},
    {"no", Unit::kPiece},
    {"unit", Unit::kPiece},
    {"units", Unit::kPiece},
    {"each", Unit::kPiece},
    {"p/st", Unit::kPiece},
    {"doz", Unit::kDozen},
    {"doz.", Unit::kDozen},
    {"dozen", Unit::kDozen},
    {"dz pcs", Unit::kDozen},
    {"gross", Unit::kGross},
    {"thousand", Unit::kThousand},
    {"thousands", Unit::kThousand},
    {"1000", Unit::kThousand},
    {"pr", Unit::kPair},
    {"pr.", Unit::kPair},
    {"prs.", Unit::kPair},
    {"pair", Unit::kPair},
    {"pairs", Unit::kPair},
    {"doz pr", Unit::kDozenPairs},
    {"doz. prs.", Unit::kDozenPairs},
    {"set", Unit::kSet},
    {"sets", Unit::kSet},
    {"kg", Unit::kKilogram},
    {"kgs", Unit::kKilogram},
    {"g", Unit::kGram},
    {"lb", Unit::kPound},
    {"lbs", Unit::kPound},
    {"t", Unit::kTonne},
    {"carat", Unit::kCarat},
    {"l", Unit::kLitre},
    {"liter", Unit::kLitre},
    {"liters", Unit::kLitre},
    {"litre", Unit::kLitre},
    {"litres", Unit::kLitre},
    {"m3", Unit::kCubicMetre},
    {"m³", Unit::kCubicMetre},
    {"bbl", Unit::kBarrel},
    {"m2", Unit::kSquareMetre},
    {"m²", Unit::kSquareMetre},
    {"m", Unit::kMetre},
};

const UnitRow& row(Unit unit) { return kUnits[static_cast<int>(unit)]; }

}  // namespace

std::string_view unit_symbol(Unit unit) { return row(unit).symbol; }
Dimension unit_dimension(Unit unit) { return row(unit).dimension; }
Decimal unit_factor(Unit unit) {
  return Decimal::from_scaled(row(unit).factor_mantissa, row(unit).factor_scale);
}

StatusOr<Unit> parse_unit(std::string_view text) {
  std::string lower;
  for (char c : text)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  while (!lower.empty() && lower.back() == ' ') lower.pop_back();
  while (!lower.empty() && lower.front() == ' ') lower.erase(0, 1);
  for (const Alias& a : kAliases) {
    if (lower == a.text) return a.unit;
  }
  return invalid_argument("unit: unknown unit of measure '" + std::string(text) +
                          "' (known: pcs, pair, dozen, set, kg, g, lb, t, l, m3, m2, m, …)");
}

StatusOr<Quantity> Quantity::to(Unit target) const {
  if (target == unit_) return *this;
  if (unit_dimension(target) != unit_dimension(unit_)) {
    return invalid_argument("cannot convert " + std::string(unit_symbol(unit_)) + " to " +
                            std::string(unit_symbol(target)) +
                            ": different kinds of measure (give the quantity in " +
                            std::string(unit_symbol(target)) + " too)");
  }
  Decimal in_base = value_ * unit_factor(unit_);
  // Base → target divides by the target's factor; 18 digits keep it exact for every factor here
  // except lb and bbl, whose inverse is not a finite decimal (rounded half-even at 1e-18).
  ASSIGN_OR_RETURN(Decimal v, Decimal::divide(in_base, unit_factor(target), Decimal::kMaxScale,
                                              RoundingMode::kHalfEven));
  return Quantity(v.normalized(), target);
}

std::string Quantity::to_string() const {
  return value_.to_plain_string() + " " + std::string(unit_symbol(unit_));
}

}  // namespace kontor
