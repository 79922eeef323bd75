// Cargo: what an order looks like to a carrier. From units and either unit weight/volume or
// carton dimensions with units per carton: cartons, gross weight, volume, the chargeable weights
// of air (volumetric divisor 6000 cm3/kg, IATA) and express (5000 cm3/kg, the integrators'
// divisor), LCL revenue tonnes (w/m: the larger of m3 and metric tonnes) and the container load.
// All exact: volumes in m3 and weights in kg as Decimals; rounding is named where carriers
// round (chargeable kg up to the next half kilogram, as IATA rate tariffs do).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/decimal.h"
#include "core/status.h"

namespace kontor::logistics {

// Either per-unit figures or a carton (master carton) with its contents.
struct CargoSpec {
  std::int64_t units = 0;
  // Per unit, packed (used when no carton is given).
  std::optional<Decimal> unit_gross_kg;
  std::optional<Decimal> unit_volume_m3;
  // Carton: outer dimensions in cm, gross weight in kg, units per carton.
  std::optional<Decimal> carton_length_cm;
  std::optional<Decimal> carton_width_cm;
  std::optional<Decimal> carton_height_cm;
  std::optional<Decimal> carton_gross_kg;
  std::int64_t units_per_carton = 0;
};

inline constexpr int kAirVolumetricDivisor = 6000;      // cm3 per kg (IATA)
inline constexpr int kExpressVolumetricDivisor = 5000;  // cm3 per kg (DHL/UPS/FedEx)

// Indicative usable capacity of dry containers (ISO 668): internal ~33.2 m3 / ~67.7 m3, of
// which about 28 m3 / 58 m3 load in practice with cartons; payload ~21,700 kg / ~26,500 kg.
inline constexpr std::int64_t kTeuLoadableM3 = 28;
inline constexpr std::int64_t kFeuLoadableM3 = 58;
inline constexpr std::int64_t kTeuPayloadKg = 21700;
inline constexpr std::int64_t kFeuPayloadKg = 26500;
// Below this volume LCL is usually cheaper than a 20' (the common forwarder rule of thumb).
inline constexpr std::int64_t kLclMaxM3 = 15;

enum class ContainerChoice { kLcl, kFcl20, kFcl40 };

struct Cargo {
  std::int64_t units = 0;
  std::int64_t cartons = 0;        // 0 when shipped from per-unit figures
  Decimal gross_kg;                // total, exact
  Decimal volume_m3;               // total, exact
  Decimal revenue_tonnes;          // LCL w/m: max(volume_m3, gross_kg / 1000)
  Decimal air_chargeable_kg;       // max(gross, volume × 1e6 / 6000), up to the next 0.5 kg
  Decimal express_chargeable_kg;   // max(gross, volume × 1e6 / 5000), up to the next 0.5 kg
  std::int64_t containers_20 = 0;  // 20' boxes needed for the volume and weight
  std::int64_t containers_40 = 0;  // 40' boxes needed
  ContainerChoice suggested = ContainerChoice::kLcl;  // by volume: ≤ 15 m3 LCL, ≤ 28 20', else 40'
  std::string explanation;  // "100 cartons of 20 (ceil 2000/20) × 0.036 m3 = 3.6 m3; …"
};

// invalid_argument naming the field when units ≤ 0, no weight/volume source is given, or a
// dimension is not positive.
StatusOr<Cargo> make_cargo(const CargoSpec& spec);

// A CargoSpec from catalog product attributes: "size" as "25 x 8 x 8 cm (package)" (the packed
// unit, any of x/×/* between the numbers) and "weight" as "0.35 kg" (any weight unit parse_unit
// knows: g, lb, …). The per-unit packed figures are used as they are: master cartons add some
// volume that only the supplier's packing list can tell. invalid_argument naming the attribute
// when it is missing or unreadable.
StatusOr<CargoSpec> cargo_spec_from_attributes(const std::map<std::string, std::string>& attributes,
                                               std::int64_t units);

std::string_view container_choice_name(ContainerChoice choice);  // "lcl", "fcl_20", "fcl_40"

}  // namespace kontor::logistics
