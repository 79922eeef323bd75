// Every worked example of ../shared/bench/landed_cost/test_vectors.json, reproduced exactly by
// the landed-cost engine with the real reference data (VAT rates, valuation rules, US fees).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "trade/landed_cost.h"

namespace kontor::trade {
namespace {

using nlohmann::json;

const refdata::ReferenceData& data() {
  static const auto snapshot =
      refdata::ReferenceData::load(refdata::DataPaths::from_environment()).value();
  return *snapshot;
}

const json& vector(std::string_view id) {
  static const json all = json::parse(
      read_file(std::string(KONTOR_DEFAULT_BENCH_DIR) + "/landed_cost/test_vectors.json").value());
  for (const json& v : all["vectors"]) {
    if (v["id"] == id) return v;
  }
  ADD_FAILURE() << "no vector " << id;
  static const json none;
  return none;
}

// A JSON number as the exact decimal it prints as ("10150.0" → 10150.0).
Decimal num(const json& j) { return Decimal::parse(j.dump()).value(); }
Date date(std::string_view text) { return Date::parse(text).value(); }

// The treatment for a worked example: the destination's real rules and VAT rate on `as_of`,
// with the duty rate the example states.
TariffTreatment treatment(std::string_view destination, std::string_view as_of,
                          const Decimal& duty_fraction) {
  TariffTreatment t;
  t.destination = CountryCode::parse(destination).value();
  t.origin = CountryCode::parse("CN").value();
  t.as_of = date(as_of);
  t.customs_union = std::string(data().countries.customs_union(t.destination, t.as_of));
  const auto* country = data().countries.find(t.destination).value();
  t.currency = data().currencies.find(country->currency_code).value();
  static std::vector<std::string> texts;  // DutyRate views its text; keep the texts alive
  texts.push_back((duty_fraction * Decimal(100)).to_plain_string() + "%");
  const std::string jurisdiction = t.customs_union.empty() ? std::string(destination) : "EU";
  t.duty_rate = parse_duty_rate(texts.back(), jurisdiction).value();
  t.duty_provenance.text = texts.back();
  t.valuation = data().rules.valuation(t.destination, t.customs_union).value();
  if (destination != "US") {
    t.import_tax = data().vat.rate(t.destination, t.as_of, refdata::VatRateKind::kStandard).value();
  } else {
    t.mpf_formal = data().rules.us_fee(refdata::UsFeeKind::kMpfFormal, t.as_of).value();
    t.hmf = data().rules.us_fee(refdata::UsFeeKind::kHmf, t.as_of).value();
  }
  return t;
}

ShipmentCosts costs(const TariffTreatment& t, const Decimal& goods, Incoterm term) {
  ShipmentCosts c;
  c.goods = Money(goods, t.currency);
  c.incoterm = term;
  c.units = Quantity(Decimal(1), Unit::kPiece);
  return c;
}

Money money(const TariffTreatment& t, const json& j) { return Money(num(j), t.currency); }

TEST(LandedCostVectorsTest, UkValueForVatAddsDutyAndIncidentalCosts) {
  const json& v = vector("uk_langdon_1");
  const json& in = v["inputs"];
  TariffTreatment t = treatment("GB", "2024-06-01", num(in["duty_rate"]));
  ASSERT_EQ(t.import_tax->rate, num(in["vat_rate"]));  // the real GB standard rate
  ShipmentCosts c = costs(t, num(in["invoice"]), Incoterm::kFOB);
  c.costs[static_cast<int>(CostElement::kFreight)] = money(t, in["freight_to_border"]);
  c.costs[static_cast<int>(CostElement::kInsurance)] = money(t, in["insurance"]);
  c.vat_incidentals = money(t, in["vat_value_adjustment_incidental_costs"]);
  auto r = compute_landed_cost(t, c);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const json& e = v["expected"];
  EXPECT_EQ(r->valuation.customs_value, money(t, e["customs_value"]));
  EXPECT_EQ(r->duty, money(t, e["duty"]));
  EXPECT_EQ(r->import_tax_base, money(t, e["value_for_vat"]));
  EXPECT_EQ(r->import_tax, money(t, e["import_vat"]));
  EXPECT_EQ(r->duty + r->import_tax, money(t, e["duty_plus_vat"]));
}

TEST(LandedCostVectorsTest, EuDutyOnCifAndVatOnCifPlusDuty) {
  const json& v = vector("eu_generic_cif_1");
  const json& in = v["inputs"];
  // A member state whose standard rate is the example's 20 %: France.
  TariffTreatment t = treatment("FR", "2024-06-01", num(in["duty_rate"]));
  ASSERT_EQ(t.import_tax->rate, num(in["vat_rate"]));
  auto r = compute_landed_cost(t, costs(t, num(in["cif_value"]), Incoterm::kCIF));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const json& e = v["expected"];
  EXPECT_EQ(r->duty, money(t, e["duty"]));
  EXPECT_EQ(r->import_tax_base, money(t, e["vat_base"]));
  EXPECT_EQ(r->import_tax, money(t, e["vat"]));
  EXPECT_EQ(r->duty + r->import_tax, money(t, e["total_taxes"]));
}

// Revenue's traveller example: after the €430 allowance (passenger regime, not modelled) the
// camera (duty free) and the shirts (flat 2.5 %) are charged; VAT 23 % on value + duty.
TEST(LandedCostVectorsTest, IrishVatOnValuePlusDutyPerItem) {
  const json& v = vector("ie_revenue_travellers_1");
  const json& items = v["inputs"]["items"];
  Money duty, vat, vat_base;
  bool first = true;
  for (const json& item : items) {
    if (!item.contains("duty_rate") && !item.contains("duty_rate_flat")) continue;  // allowance
    const Decimal rate =
        num(item.contains("duty_rate") ? item["duty_rate"] : item["duty_rate_flat"]);
    TariffTreatment t = treatment("IE", "2024-06-01", rate);
    ASSERT_EQ(t.import_tax->rate, num(v["inputs"]["vat_rate"]));
    auto r = compute_landed_cost(t, costs(t, num(item["value"]), Incoterm::kCIF));
    ASSERT_TRUE(r.ok()) << r.status().message();
    if (first) {
      duty = r->duty, vat = r->import_tax, vat_base = r->import_tax_base;
      first = false;
    } else {
      duty += r->duty, vat += r->import_tax, vat_base += r->import_tax_base;
    }
  }
  const json& e = v["expected"];
  EXPECT_EQ(duty.amount(), num(e["customs_duty"]));
  EXPECT_EQ(vat_base.amount(), num(e["value_for_vat"]));
  EXPECT_EQ(vat.amount(), num(e["vat"]));
  EXPECT_EQ((duty + vat).amount(), num(e["total_due"]));
}

class UsFeeVectorsTest : public ::testing::TestWithParam<const char*> {};

TEST_P(UsFeeVectorsTest, MerchandiseProcessingAndHarborMaintenanceFees) {
  const json& v = vector(GetParam());
  const json& in = v["inputs"];
  TariffTreatment t = treatment("US", "2025-03-03", Decimal(0));
  ShipmentCosts c = costs(t, num(in["entered_value"]), Incoterm::kFOB);
  c.mode = in["mode"] == "ocean" ? TransportMode::kSea : TransportMode::kAir;
  c.us_entry = UsEntryType::kFormal;
  auto r = compute_landed_cost(t, c);
  ASSERT_TRUE(r.ok()) << r.status().message();
  Money mpf = Money::zero(t.currency), hmf = Money::zero(t.currency);
  for (const CostLine& line : *r) {
    if (line.kind != LineKind::kFee) continue;
    if (line.label.find("Merchandise") != std::string_view::npos) mpf = line.amount;
    if (line.label.find("Harbor") != std::string_view::npos) hmf = line.amount;
  }
  EXPECT_EQ(mpf.amount(), num(v["expected"]["mpf"]));
  EXPECT_EQ(hmf.amount(), num(v["expected"]["hmf"]));
}

INSTANTIATE_TEST_SUITE_P(Fy2025, UsFeeVectorsTest,
                         ::testing::Values("us_mpf_hmf_fy2025_5000_ocean",
                                           "us_mpf_hmf_fy2025_100000_ocean",
                                           "us_mpf_hmf_fy2025_100000_air",
                                           "us_mpf_hmf_fy2025_500000_ocean"));

}  // namespace
}  // namespace kontor::trade
