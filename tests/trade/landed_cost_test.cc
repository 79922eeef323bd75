// The landed-cost engine on real tariff lines and the JSON request layer's errors.
#include "trade/landed_cost.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>

#include "trade/landed_cost_json.h"

namespace kontor::trade {
namespace {

using nlohmann::json;

const refdata::ReferenceData& data() {
  static const auto snapshot =
      refdata::ReferenceData::load(refdata::DataPaths::from_environment()).value();
  return *snapshot;
}

LandedCostRequest request(const json& j) {
  auto r = landed_cost_request_from_json(j, data().currencies, Date::parse("2025-05-09").value());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : LandedCostRequest{};
}

json backpacks() {
  return {{"hs_code", "4202.92.31.20"},    {"origin", "CN"},         {"destination", "US"},
          {"goods_value", "12000.00 USD"}, {"incoterm", "FOB"},      {"freight", "1900 USD"},
          {"insurance", "45 USD"},         {"quantity", "1500 pcs"}, {"mode", "sea"}};
}

TEST(LandedCostTest, UsLineWithSection301AndFees) {
  auto q = quote_landed_cost(data(), request(backpacks()));
  ASSERT_TRUE(q.ok()) << q.status().message();
  // 17.6% of 12,000.00 = 2,112.00; Section 301 list 3 +25% = 3,000.00; MPF 0.3464% = 41.57;
  // HMF 0.125% = 15.00 (FY2025 parameters, HTS 2024).
  EXPECT_EQ(q->cost.valuation.customs_value.to_string(), "12000.00 USD");
  EXPECT_EQ(q->cost.duty.to_string(), "5112.00 USD");
  EXPECT_EQ(q->cost.fees.to_string(), "56.57 USD");
  EXPECT_EQ(q->cost.import_tax.to_string(), "0.00 USD");
  EXPECT_EQ(q->cost.total.to_string(), "19113.57 USD");
  EXPECT_EQ(q->cost.per_unit.to_string(), "12.7424 USD");
  ASSERT_EQ(q->treatment.additional_duties.size(), 1u);
  EXPECT_EQ(q->treatment.additional_duties[0].provenance.key, "9903.88.03");
}

TEST(LandedCostTest, SuspendedAndFutureSection301HeadingsAreNotApplied) {
  auto q = quote_landed_cost(data(), request(backpacks()));
  ASSERT_TRUE(q.ok());
  bool suspended_warning = false;
  for (const auto& w : q->treatment.warnings) {
    suspended_warning |=
        w.find("9903.88.16") != std::string::npos && w.find("suspended") != std::string::npos;
  }
  EXPECT_TRUE(suspended_warning);
}

TEST(LandedCostTest, CompoundSpecificRateUsesTheDeclaredWeight) {
  json j = {{"hs_code", "0709.54.00"},   {"origin", "KR"},       {"destination", "US"},
            {"goods_value", "9000 USD"}, {"quantity", "800 kg"}, {"mode", "air"}};
  auto q = quote_landed_cost(data(), request(j));
  ASSERT_TRUE(q.ok()) << q.status().message();
  // 8.8¢/kg × 800 kg = 70.40 + 20% × 9,000.00 = 1,800.00.
  EXPECT_EQ(q->cost.duty.to_string(), "1870.40 USD");
}

TEST(LandedCostTest, SpecificRateWithoutTheWeightIsAnErrorNamingIt) {
  json j = {{"hs_code", "0709.54.00"},
            {"origin", "KR"},
            {"destination", "US"},
            {"goods_value", "9000 USD"},
            {"quantity", "400 pcs"}};
  auto q = quote_landed_cost(data(), request(j));
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("kg"), std::string::npos) << q.status().message();
}

TEST(LandedCostTest, EuDestinationConvertsAtTheEcbRateOfTheDay) {
  json j = {{"hs_code", "9617.00.00"},      {"origin", "CN"},    {"destination", "DE"},
            {"goods_value", "1000.00 EUR"}, {"incoterm", "CIF"}, {"quantity", "100 pcs"}};
  auto q = quote_landed_cost(data(), request(j));
  ASSERT_TRUE(q.ok()) << q.status().message();
  // 6.7% of 1,000.00 = 67.00; VAT 19% of 1,067.00 = 202.73.
  EXPECT_EQ(q->cost.duty.to_string(), "67.00 EUR");
  EXPECT_EQ(q->cost.import_tax.to_string(), "202.73 EUR");
  EXPECT_EQ(q->cost.total.to_string(), "1269.73 EUR");
  EXPECT_EQ(q->cost.total_net_of_import_tax.to_string(), "1067.00 EUR");
  EXPECT_TRUE(q->fx.empty());
}

TEST(LandedCostTest, ReducedVatRateWhenAsked) {
  json j = {{"hs_code", "9617.00.00"},      {"origin", "CN"},    {"destination", "DE"},
            {"goods_value", "1000.00 EUR"}, {"incoterm", "CIF"}, {"quantity", "100 pcs"},
            {"vat_rate", "reduced"}};
  auto q = quote_landed_cost(data(), request(j));
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q->cost.import_tax.to_string(), "74.69 EUR");  // 7% of 1,067.00
}

TEST(LandedCostTest, UnknownTariffCodeNamesTheField) {
  json j = backpacks();
  j["hs_code"] = "0000.00";
  auto q = quote_landed_cost(data(), request(j));
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().message().rfind("hs_code", 0), 0u) << q.status().message();
}

struct BadRequest {
  const char* field;
  json value;
  const char* message_start;
};

TEST(LandedCostJsonTest, MalformedRequestsNameTheField) {
  const BadRequest cases[] = {
      {"goods_value", "12000", "goods_value: give the currency"},
      {"goods_value", json{{"amount", 12000.5}, {"currency", "USD"}}, "goods_value.amount"},
      {"goods_value", "12,000 USD", "goods_value: not a decimal"},
      {"goods_value", "100 XXX", "goods_value: "},
      {"origin", "China", "origin: "},
      {"incoterm", "FOR", "incoterm: "},
      {"quantity", "0 pcs", "quantity: must be greater than 0"},
      {"quantity", "10 furlongs", "quantity: "},
      {"as_of", "2025-02-30", "as_of: "},
      {"mode", "teleport", "mode: "},
      {"insurance_rate", "2", "insurance_rate: "},
      {"colour", "red", "colour: unknown field"},
  };
  for (const BadRequest& c : cases) {
    json j = backpacks();
    j[c.field] = c.value;
    auto r = landed_cost_request_from_json(j, data().currencies, Date::parse("2025-05-09").value());
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message().rfind(c.message_start, 0), 0u) << r.status().message();
  }
  json missing = backpacks();
  missing.erase("destination");
  auto r = landed_cost_request_from_json(missing, data().currencies, Date());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "destination: required");
}

// Property: whatever the amounts, incoterm and route, the landed-cost lines add up to the
// total, the total net of import tax is the total less the import tax line, and the per-unit
// cost times the units is within half a unit of the last digit of the total.
TEST(LandedCostPropertyTest, LinesSumToTheTotal) {
  std::mt19937_64 rng(2026);
  std::uniform_int_distribution<long long> cents(100, 5'000'000'00);
  const char* routes[][3] = {{"9617.00.00", "CN", "DE"},
                             {"4202.92.31.20", "CN", "US"},
                             {"9617.00.00", "CN", "GB"},
                             {"6109.10.00", "BD", "FR"}};
  const char* terms[] = {"EXW", "FOB", "CFR", "CIF", "DAP"};
  for (int i = 0; i < 400; ++i) {
    const auto& route = routes[i % 4];
    json j = {{"hs_code", route[0]},
              {"origin", route[1]},
              {"destination", route[2]},
              {"incoterm", terms[i % 5]},
              {"quantity", std::to_string(1 + i) + " pcs"}};
    auto amount = [&] { return Decimal::from_scaled(cents(rng), 2).to_string() + " USD"; };
    j["goods_value"] = amount();
    j["origin_charges"] = "150.00 USD";
    j["freight"] = "900.00 USD";
    j["insurance"] = "25.00 USD";
    j["destination_delivery"] = "120.00 USD";
    auto q = quote_landed_cost(data(), request(j));
    if (!q.ok()) {
      // Only a price smaller than the costs it includes may be refused.
      ASSERT_NE(q.status().message().find("smaller than the costs"), std::string::npos)
          << q.status().message();
      continue;
    }
    Money sum = Money::zero(q->cost.currency);
    for (const CostLine& line : q->cost) sum += line.amount;
    ASSERT_EQ(sum, q->cost.total);
    ASSERT_EQ(q->cost.total - q->cost.import_tax, q->cost.total_net_of_import_tax);
    Decimal back = q->cost.per_unit.amount() * q->cost.units.value();
    ASSERT_LE((back - q->cost.total.amount()).abs(),
              Decimal::from_scaled(5, 5) * q->cost.units.value());
  }
}

}  // namespace
}  // namespace kontor::trade

namespace kontor::trade {
namespace {

const CostLine* line_of(const LandedCost& cost, LineKind kind) {
  for (const CostLine& line : cost) {
    if (line.kind == kind) return &line;
  }
  return nullptr;
}

json small_consignment(const char* destination, const char* value) {
  return {{"hs_code", "9617.00"}, {"origin", "CN"},    {"destination", destination},
          {"goods_value", value}, {"incoterm", "CIF"}, {"quantity", "10 pcs"}};
}

// Regression (de minimis collected at sale): below £135 the UK charges no duty and no import VAT
// at the border, but the seller charges 20 % VAT at the point of sale; the landed cost keeps it.
TEST(LandedCostTest, UkLowValueVatIsChargedAtSaleNotDropped) {
  auto q = quote_landed_cost(data(), request(small_consignment("GB", "100.00 GBP")));
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_TRUE(q->cost.duty_de_minimis);
  EXPECT_FALSE(q->cost.tax_de_minimis);
  EXPECT_TRUE(q->cost.tax_at_sale);
  EXPECT_EQ(q->cost.duty.to_string(), "0.00 GBP");
  EXPECT_EQ(q->cost.import_tax.to_string(), "20.00 GBP");  // 20 % × 100.00
  const CostLine* vat = line_of(q->cost, LineKind::kImportTax);
  ASSERT_NE(vat, nullptr);
  EXPECT_NE(vat->label.find("point of sale"), std::string_view::npos);
  EXPECT_EQ(q->cost.total.to_string(), "120.00 GBP");
}

// Since 2021-07-01 the EU has no import VAT exemption; only the €150 duty relief remains.
TEST(LandedCostTest, EuLowValueKeepsImportVatSince2021) {
  auto q = quote_landed_cost(data(), request(small_consignment("DE", "20.00 EUR")));
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_TRUE(q->cost.duty_de_minimis);
  EXPECT_FALSE(q->cost.tax_de_minimis);
  EXPECT_FALSE(q->cost.tax_at_sale);
  EXPECT_EQ(q->cost.import_tax.to_string(), "3.80 EUR");  // 19 % × 20.00
  EXPECT_EQ(q->cost.total.to_string(), "23.80 EUR");
}

// Regression (intra-EU supplier charged import duty and VAT): goods moving from Italy to
// Germany are not imported; no customs duty, no import VAT, and the note says why.
TEST(LandedCostTest, WithinTheEuCustomsUnionNoDutyAndNoImportVat) {
  json j = {{"hs_code", "9617.00.00"},      {"origin", "IT"},    {"destination", "DE"},
            {"goods_value", "1000.00 EUR"}, {"incoterm", "CIF"}, {"quantity", "100 pcs"}};
  auto q = quote_landed_cost(data(), request(j));
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_TRUE(q->treatment.internal_market);
  EXPECT_EQ(q->cost.duty.to_string(), "0.00 EUR");
  EXPECT_EQ(q->cost.import_tax.to_string(), "0.00 EUR");
  EXPECT_EQ(q->cost.total.to_string(), "1000.00 EUR");
  const CostLine* duty = line_of(q->cost, LineKind::kDuty);
  ASSERT_NE(duty, nullptr);
  EXPECT_NE(duty->label.find("within the customs union"), std::string_view::npos);
  EXPECT_EQ(line_of(q->cost, LineKind::kImportTax), nullptr);
}

// Regression (dangling provenance key): the intra-EU duty line's key viewed the treatment's
// own copy of the union name, so a moved or copied treatment read freed bytes (invalid UTF-8
// in the crew's compliance section). The key must outlive any copy of the treatment.
TEST(LandedCostTest, IntraEuProvenanceSurvivesACopyOfTheTreatment) {
  auto original = std::make_unique<TariffTreatment>(
      resolve_treatment(data(), "9617000000", CountryCode::parse("IT").value(),
                        CountryCode::parse("DE").value(), Date::parse("2025-05-09").value(),
                        refdata::VatRateKind::kStandard, nullptr)
          .value());
  TariffTreatment copy = *original;
  original.reset();
  EXPECT_EQ(copy.duty_provenance.key, "EU");
  EXPECT_EQ(copy.customs_union, "EU");
}

// The United Kingdom left the EU customs union on 2021-01-01: from then on it is an import.
TEST(LandedCostTest, BritishGoodsIntoGermanyAreImportsAfterBrexit) {
  json j = {{"hs_code", "9617.00.00"},      {"origin", "GB"},    {"destination", "DE"},
            {"goods_value", "1000.00 EUR"}, {"incoterm", "CIF"}, {"quantity", "100 pcs"}};
  auto q = quote_landed_cost(data(), request(j));
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_FALSE(q->treatment.internal_market);
  EXPECT_EQ(q->cost.duty.to_string(), "67.00 EUR");  // MFN: no preference modelled for the TCA
  EXPECT_EQ(q->cost.import_tax.to_string(), "202.73 EUR");
}

}  // namespace
}  // namespace kontor::trade

namespace kontor::trade {
namespace {

// Regression (result reuse): the crew evaluates many supplier × route options into one
// LandedCost; an adjustment of an earlier evaluation (EXW: origin charges, freight, insurance
// added) must not survive into the next (DAP: the price already covers them).
TEST(LandedCostTest, AReusedResultEqualsAFreshOne) {
  std::vector<FxRate> fx;
  auto t = resolve_treatment(data(), "9617000000", CountryCode::parse("CN").value(),
                             CountryCode::parse("DE").value(), Date::parse("2025-05-09").value(),
                             refdata::VatRateKind::kStandard, &fx);
  ASSERT_TRUE(t.ok()) << t.status().message();
  auto eur = [&](const char* amount) { return Money(Decimal::parse(amount).value(), t->currency); };
  ShipmentCosts costs;
  costs.goods = eur("8400.00");
  costs.units = Quantity(Decimal(2000), Unit::kPiece);
  for (int e = 0; e < kCostElementCount; ++e) costs.costs[e] = eur("100.00");
  LandedCost reused;
  costs.incoterm = Incoterm::kEXW;
  ASSERT_TRUE(compute_landed_cost(*t, costs, reused).ok());
  EXPECT_EQ(reused.valuation.customs_value.to_string(), "8700.00 EUR");
  costs.incoterm = Incoterm::kDAP;
  ASSERT_TRUE(compute_landed_cost(*t, costs, reused).ok());
  auto fresh = compute_landed_cost(*t, costs);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(reused.valuation.customs_value, fresh->valuation.customs_value);
  for (int e = 0; e < kCostElementCount; ++e) {
    EXPECT_EQ(reused.valuation.adjustments[e].has_value(),
              fresh->valuation.adjustments[e].has_value())
        << cost_element_name(static_cast<CostElement>(e));
  }
  EXPECT_EQ(reused.total, fresh->total);
  EXPECT_EQ(reused.per_unit, fresh->per_unit);
}

}  // namespace
}  // namespace kontor::trade
