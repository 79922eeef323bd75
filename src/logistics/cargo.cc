#include "logistics/cargo.h"

#include <cctype>
#include <vector>

#include "core/quantity.h"

namespace kontor::logistics {

namespace {

// ceil(a / b) for positive decimals, as a count.
std::int64_t ceil_div(const Decimal& a, const Decimal& b) {
  const Decimal q = Decimal::divide(a, b, 0, RoundingMode::kCeiling).value();
  return static_cast<std::int64_t>(q.mantissa());
}

// Carriers bill chargeable weight in steps of half a kilogram, rounded up (IATA TACT rules).
Decimal up_to_half_kg(const Decimal& kg) {
  const Decimal halves = (kg * Decimal(2)).rounded(0, RoundingMode::kCeiling);
  return Decimal::divide(halves, Decimal(2), 1, RoundingMode::kHalfUp).value();
}

Decimal chargeable(const Decimal& gross_kg, const Decimal& volume_m3, int divisor) {
  const Decimal volumetric =
      Decimal::divide(volume_m3 * Decimal(1000000), Decimal(divisor), 6, RoundingMode::kCeiling)
          .value();
  return up_to_half_kg(Decimal::max(gross_kg, volumetric));
}

Status check_positive(const std::optional<Decimal>& value, std::string_view field) {
  if (!value) return invalid_argument(std::string(field) + ": required");
  if (value->sign() <= 0) {
    return invalid_argument(std::string(field) + ": must be positive, got " + value->to_string());
  }
  return Status();
}

Status from_cartons(const CargoSpec& spec, Cargo& cargo) {
  RETURN_IF_ERROR(check_positive(spec.carton_length_cm, "carton_length_cm"));
  RETURN_IF_ERROR(check_positive(spec.carton_width_cm, "carton_width_cm"));
  RETURN_IF_ERROR(check_positive(spec.carton_height_cm, "carton_height_cm"));
  RETURN_IF_ERROR(check_positive(spec.carton_gross_kg, "carton_gross_kg"));
  if (spec.units_per_carton <= 0) return invalid_argument("units_per_carton: must be positive");
  cargo.cartons = ceil_div(Decimal(spec.units), Decimal(spec.units_per_carton));
  const Decimal carton_cm3 =
      *spec.carton_length_cm * *spec.carton_width_cm * *spec.carton_height_cm;
  const Decimal carton_m3 =
      Decimal::divide(carton_cm3, Decimal(1000000), 9, RoundingMode::kHalfUp).value().normalized();
  cargo.volume_m3 = (carton_m3 * Decimal(cargo.cartons)).normalized();
  cargo.gross_kg = (*spec.carton_gross_kg * Decimal(cargo.cartons)).normalized();
  cargo.explanation = std::to_string(cargo.cartons) + " cartons (" + std::to_string(spec.units) +
                      " units / " + std::to_string(spec.units_per_carton) + " per carton, up) × " +
                      carton_m3.to_plain_string() + " m3 and " +
                      spec.carton_gross_kg->to_plain_string() + " kg";
  return Status();
}

Status from_units(const CargoSpec& spec, Cargo& cargo) {
  RETURN_IF_ERROR(check_positive(spec.unit_gross_kg, "unit_gross_kg"));
  RETURN_IF_ERROR(check_positive(spec.unit_volume_m3, "unit_volume_m3"));
  cargo.gross_kg = (*spec.unit_gross_kg * Decimal(spec.units)).normalized();
  cargo.volume_m3 = (*spec.unit_volume_m3 * Decimal(spec.units)).normalized();
  cargo.explanation = std::to_string(spec.units) + " units × " +
                      spec.unit_volume_m3->to_plain_string() + " m3 and " +
                      spec.unit_gross_kg->to_plain_string() + " kg";
  return Status();
}

// Splits "25 x 8 x 8 cm (package)" into its numbers; anything but digits and '.' separates.
std::vector<std::string> numbers_in(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && !current.empty())) {
      current.push_back(c);
    } else if (!current.empty()) {
      out.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

StatusOr<Decimal> unit_weight_kg(std::string_view text) {
  const std::vector<std::string> numbers = numbers_in(text);
  const std::size_t end = text.find_last_of("0123456789");
  if (numbers.size() != 1 || end == std::string_view::npos) {
    return invalid_argument("weight: expected '<number> <unit>', got '" + std::string(text) + "'");
  }
  std::string_view unit = text.substr(end + 1);
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  auto parsed_unit = parse_unit(unit);
  auto value = Decimal::parse(numbers[0]);
  if (!parsed_unit.ok() || !value.ok()) {
    return invalid_argument("weight: unreadable '" + std::string(text) + "'");
  }
  auto kg = Quantity(*value, *parsed_unit).to(Unit::kKilogram);
  if (!kg.ok()) return invalid_argument("weight: not a weight: '" + std::string(text) + "'");
  return kg->value();
}

}  // namespace

StatusOr<CargoSpec> cargo_spec_from_attributes(const std::map<std::string, std::string>& attributes,
                                               std::int64_t units) {
  auto size = attributes.find("size");
  if (size == attributes.end()) return invalid_argument("size: product has no package size");
  auto weight = attributes.find("weight");
  if (weight == attributes.end()) return invalid_argument("weight: product has no weight");
  const std::vector<std::string> dims = numbers_in(size->second);
  if (dims.size() != 3 || size->second.find("cm") == std::string::npos) {
    return invalid_argument("size: expected 'L x W x H cm', got '" + size->second + "'");
  }
  Decimal cm3(1);
  for (const std::string& d : dims) {
    auto value = Decimal::parse(d);
    if (!value.ok()) return invalid_argument("size: unreadable '" + size->second + "'");
    cm3 *= *value;
  }
  CargoSpec spec;
  spec.units = units;
  spec.unit_volume_m3 =
      Decimal::divide(cm3, Decimal(1000000), 9, RoundingMode::kHalfUp).value().normalized();
  ASSIGN_OR_RETURN(spec.unit_gross_kg, unit_weight_kg(weight->second));
  return spec;
}

StatusOr<Cargo> make_cargo(const CargoSpec& spec) {
  if (spec.units <= 0) return invalid_argument("units: must be positive");
  Cargo cargo;
  cargo.units = spec.units;
  const bool has_carton = spec.carton_length_cm || spec.carton_width_cm || spec.carton_height_cm ||
                          spec.carton_gross_kg || spec.units_per_carton > 0;
  if (has_carton) {
    RETURN_IF_ERROR(from_cartons(spec, cargo));
  } else if (spec.unit_gross_kg || spec.unit_volume_m3) {
    RETURN_IF_ERROR(from_units(spec, cargo));
  } else {
    return invalid_argument("cargo: give carton dimensions or unit weight and volume");
  }
  const Decimal tonnes =
      Decimal::divide(cargo.gross_kg, Decimal(1000), 6, RoundingMode::kHalfUp).value();
  cargo.revenue_tonnes = Decimal::max(cargo.volume_m3, tonnes).normalized();
  cargo.air_chargeable_kg = chargeable(cargo.gross_kg, cargo.volume_m3, kAirVolumetricDivisor);
  cargo.express_chargeable_kg =
      chargeable(cargo.gross_kg, cargo.volume_m3, kExpressVolumetricDivisor);
  cargo.containers_20 = std::max(ceil_div(cargo.volume_m3, Decimal(kTeuLoadableM3)),
                                 ceil_div(cargo.gross_kg, Decimal(kTeuPayloadKg)));
  cargo.containers_40 = std::max(ceil_div(cargo.volume_m3, Decimal(kFeuLoadableM3)),
                                 ceil_div(cargo.gross_kg, Decimal(kFeuPayloadKg)));
  if (cargo.volume_m3 <= Decimal(kLclMaxM3) && cargo.gross_kg <= Decimal(kTeuPayloadKg)) {
    cargo.suggested = ContainerChoice::kLcl;
  } else if (cargo.containers_20 == 1) {
    cargo.suggested = ContainerChoice::kFcl20;
  } else {
    cargo.suggested = ContainerChoice::kFcl40;
  }
  cargo.explanation += " = " + cargo.volume_m3.to_plain_string() + " m3, " +
                       cargo.gross_kg.to_plain_string() + " kg gross; w/m " +
                       cargo.revenue_tonnes.to_plain_string() + "; air chargeable " +
                       cargo.air_chargeable_kg.to_plain_string() + " kg (÷6000), express " +
                       cargo.express_chargeable_kg.to_plain_string() + " kg (÷5000); suggested " +
                       std::string(container_choice_name(cargo.suggested));
  return cargo;
}

std::string_view container_choice_name(ContainerChoice choice) {
  switch (choice) {
    case ContainerChoice::kLcl: return "lcl";
    case ContainerChoice::kFcl20: return "fcl_20";
    case ContainerChoice::kFcl40: return "fcl_40";
  }
  return "lcl";
}

}  // namespace kontor::logistics
