#include "logistics/cargo.h"

#include <gtest/gtest.h>

#include "logistics_test_data.h"

namespace kontor::logistics {
namespace {

using testing::dec;

// 2,000 bottles, 24 per carton of 50 × 40 × 30 cm weighing 8 kg:
// cartons = ceil(2000 / 24) = 84; one carton = 60,000 cm3 = 0.06 m3; 84 × 0.06 = 5.04 m3;
// 84 × 8 = 672 kg; w/m = max(5.04, 0.672) = 5.04;
// air volumetric = 5,040,000 / 6000 = 840 kg > 672 → 840; express = 5,040,000 / 5000 = 1008.
CargoSpec bottles() {
  CargoSpec spec;
  spec.units = 2000;
  spec.carton_length_cm = dec("50");
  spec.carton_width_cm = dec("40");
  spec.carton_height_cm = dec("30");
  spec.carton_gross_kg = dec("8");
  spec.units_per_carton = 24;
  return spec;
}

TEST(Cargo, CartonsVolumeAndWeightFromCartonDimensions) {
  auto cargo = make_cargo(bottles());
  ASSERT_TRUE(cargo.ok()) << cargo.status().message();
  EXPECT_EQ(cargo->cartons, 84);
  EXPECT_EQ(cargo->volume_m3, dec("5.04"));
  EXPECT_EQ(cargo->gross_kg, dec("672"));
  EXPECT_EQ(cargo->revenue_tonnes, dec("5.04"));
}

TEST(Cargo, ChargeableWeightUsesTheLargerOfGrossAndVolumetric) {
  auto cargo = make_cargo(bottles());
  ASSERT_TRUE(cargo.ok());
  EXPECT_EQ(cargo->air_chargeable_kg, dec("840"));
  EXPECT_EQ(cargo->express_chargeable_kg, dec("1008"));
}

TEST(Cargo, SmallVolumeSuggestsLcl) {
  auto cargo = make_cargo(bottles());
  ASSERT_TRUE(cargo.ok());
  EXPECT_EQ(cargo->suggested, ContainerChoice::kLcl);
  EXPECT_EQ(cargo->containers_20, 1);
  EXPECT_EQ(cargo->containers_40, 1);
}

TEST(Cargo, VolumeChoosesTwentyOrFortyFoot) {
  CargoSpec spec = bottles();
  spec.units = 9000;  // 375 cartons × 0.06 = 22.5 m3 → one 20'
  auto twenty = make_cargo(spec);
  ASSERT_TRUE(twenty.ok());
  EXPECT_EQ(twenty->volume_m3, dec("22.5"));
  EXPECT_EQ(twenty->suggested, ContainerChoice::kFcl20);
  spec.units = 24000;  // 1000 cartons = 60 m3 → three 20' or two 40'
  auto forty = make_cargo(spec);
  ASSERT_TRUE(forty.ok());
  EXPECT_EQ(forty->containers_20, 3);
  EXPECT_EQ(forty->containers_40, 2);
  EXPECT_EQ(forty->suggested, ContainerChoice::kFcl40);
}

TEST(Cargo, ChargeableWeightRoundsUpToHalfKilograms) {
  // 3 units × 0.01 m3 = 0.03 m3 → 30,000 / 6000 = 5 kg air; 3 × 1.7 = 5.1 kg gross → 5.5 kg.
  CargoSpec spec;
  spec.units = 3;
  spec.unit_gross_kg = dec("1.7");
  spec.unit_volume_m3 = dec("0.01");
  auto cargo = make_cargo(spec);
  ASSERT_TRUE(cargo.ok());
  EXPECT_EQ(cargo->gross_kg, dec("5.1"));
  EXPECT_EQ(cargo->air_chargeable_kg, dec("5.5"));
  EXPECT_EQ(cargo->express_chargeable_kg, dec("6"));  // 30,000 / 5000 = 6
}

TEST(Cargo, MissingMeasuresAreRejectedByField) {
  CargoSpec spec;
  spec.units = 10;
  EXPECT_EQ(make_cargo(spec).status().message(),
            "cargo: give carton dimensions or unit weight and volume");
  spec = bottles();
  spec.carton_height_cm = dec("0");
  EXPECT_EQ(make_cargo(spec).status().message(), "carton_height_cm: must be positive, got 0");
  spec = bottles();
  spec.units = 0;
  EXPECT_EQ(make_cargo(spec).status().message(), "units: must be positive");
}

}  // namespace
}  // namespace kontor::logistics

namespace kontor::logistics {
namespace {

TEST(CargoFromAttributes, ReadsCatalogPackageSizeAndWeight) {
  // 25 × 8 × 8 cm = 1600 cm3 = 0.0016 m3 per unit; 2000 units = 3.2 m3 and 700 kg.
  std::map<std::string, std::string> attributes = {{"size", "25 x 8 x 8 cm (package)"},
                                                   {"weight", "0.35 kg"}};
  auto spec = cargo_spec_from_attributes(attributes, 2000);
  ASSERT_TRUE(spec.ok()) << spec.status().message();
  EXPECT_EQ(*spec->unit_volume_m3, testing::dec("0.0016"));
  auto cargo = make_cargo(*spec);
  ASSERT_TRUE(cargo.ok());
  EXPECT_EQ(cargo->volume_m3, testing::dec("3.2"));
  EXPECT_EQ(cargo->gross_kg, testing::dec("700"));
}

TEST(CargoFromAttributes, ConvertsGramsAndNamesBadAttributes) {
  std::map<std::string, std::string> attributes = {{"size", "10 x 10 x 10 cm"},
                                                   {"weight", "350 g"}};
  auto spec = cargo_spec_from_attributes(attributes, 1);
  ASSERT_TRUE(spec.ok()) << spec.status().message();
  EXPECT_EQ(*spec->unit_gross_kg, testing::dec("0.35"));
  attributes["size"] = "big";
  EXPECT_EQ(cargo_spec_from_attributes(attributes, 1).status().message(),
            "size: expected 'L x W x H cm', got 'big'");
  attributes.erase("size");
  EXPECT_EQ(cargo_spec_from_attributes(attributes, 1).status().message(),
            "size: product has no package size");
}

}  // namespace
}  // namespace kontor::logistics
