#include "logistics/ports.h"

#include <gtest/gtest.h>

#include "logistics_test_data.h"

namespace kontor::logistics {
namespace {

using testing::country;
using testing::ports;

TEST(PortDirectory, SupplierPortNamedAsInTheDataIsUsed) {
  auto call = ports().port_of_loading(country("CN"), "Ningbo");
  ASSERT_TRUE(call.ok()) << call.status().message();
  EXPECT_EQ(call->port.unlocode, "CNNGB");
  EXPECT_EQ(call->region, "CN");
  EXPECT_EQ(call->airport.iata, "PVG");
  EXPECT_EQ(call->chosen_by, "supplier port 'Ningbo' → CNNGB");
  EXPECT_TRUE(call->port.major);
}

TEST(PortDirectory, AliasMapsShenzhenToYantian) {
  auto call = ports().port_of_loading(country("CN"), "Shenzhen");
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(call->port.unlocode, "CNYTN");
}

TEST(PortDirectory, SmallerPortsComeFromTheWorldPortIndex) {
  auto cat_lai = ports().port_of_loading(country("VN"), "Cat Lai");
  ASSERT_TRUE(cat_lai.ok());
  EXPECT_EQ(cat_lai->port.unlocode, "VNCLI");
  EXPECT_FALSE(cat_lai->port.major);
  EXPECT_EQ(cat_lai->region, "SEA");
  // "Chennai (Madras)" in the index is found by its first name.
  auto chennai = ports().port_of_loading(country("IN"), "Chennai");
  ASSERT_TRUE(chennai.ok());
  EXPECT_EQ(chennai->port.unlocode, "INMAA");
}

TEST(PortDirectory, UnknownCityFallsBackToTheMainPortAndSaysSo) {
  auto call = ports().port_of_loading(country("CN"), "Nowhereville");
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(call->port.unlocode, "CNSHA");
  EXPECT_EQ(call->chosen_by, "main port of CN (no port named 'Nowhereville' known)");
}

TEST(PortDirectory, PortOfDischargeIsTheMarketsMainPortAndAirport) {
  auto call = ports().port_of_discharge(country("DE"));
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(call->port.unlocode, "DEHAM");
  EXPECT_EQ(call->airport.iata, "FRA");
  EXPECT_EQ(call->airport.name, "Frankfurt am Main Airport");
  EXPECT_EQ(call->region, "EU");
}

TEST(PortDirectory, PortWithoutACountryMatchIsNotChosen) {
  // Valencia is a Spanish port; asked for a Chinese supplier it is not taken.
  EXPECT_EQ(ports().find_port("Valencia", country("CN")), nullptr);
  ASSERT_NE(ports().find_port("Valencia", country("ES")), nullptr);
  EXPECT_EQ(ports().find_port("Valencia", country("ES"))->unlocode, "ESVLC");
}

TEST(PortDirectory, CountryWithoutARegionIsNotFound) {
  auto call = ports().port_of_discharge(country("AQ"));
  EXPECT_EQ(call.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(call.status().message(), "country AQ: no freight region in freight_regions.csv");
}

TEST(PortDirectory, SeaDistancesMatchTheDataReadme) {
  EXPECT_EQ(ports().sea_distance_nm("CNSHA", "NLRTM"), 10581);
  EXPECT_EQ(ports().sea_distance_nm("CNSHA", "NLRTM", /*avoid_suez=*/true), 13501);
  EXPECT_EQ(ports().sea_distance_nm("CNSHA", "USLAX"), 5759);
  EXPECT_EQ(ports().sea_distance_nm("VNCLI", "NLRTM"), std::nullopt);
}

TEST(PortDirectory, ProvenanceNamesTheFileAndLine) {
  const Port* port = ports().find_port("CNNGB");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->provenance.source->file, "route_major_ports.csv");
  EXPECT_EQ(port->provenance.line, 4u);
}

}  // namespace
}  // namespace kontor::logistics

namespace kontor::logistics {
namespace {

// Every port the demo marketplace's suppliers name (catalog/demo_suppliers.cc) resolves to a
// port of that country by name, not by the main-port fallback.
TEST(PortDirectory, EveryDemoSupplierPortIsKnown) {
  const std::vector<std::pair<const char*, const char*>> demo_ports = {
      {"CN", "Ningbo"},     {"CN", "Shenzhen"},    {"CN", "Guangzhou"},  {"CN", "Xiamen"},
      {"CN", "Qingdao"},    {"CN", "Shanghai"},    {"VN", "Cat Lai"},    {"VN", "Hai Phong"},
      {"VN", "Da Nang"},    {"IN", "Nhava Sheva"}, {"IN", "Chennai"},    {"IN", "Mundra"},
      {"TR", "Ambarli"},    {"TR", "Izmir"},       {"TR", "Gemlik"},     {"MX", "Manzanillo"},
      {"MX", "Veracruz"},   {"MX", "Ensenada"},    {"PL", "Gdansk"},     {"PL", "Gdynia"},
      {"BD", "Chittagong"}, {"BR", "Santos"},      {"BR", "Rio Grande"}, {"DE", "Hamburg"},
      {"IT", "Genoa"},      {"IT", "Livorno"},     {"ES", "Valencia"},   {"ES", "Barcelona"},
      {"PT", "Leixoes"},    {"FR", "Marseille"},   {"JP", "Osaka"},      {"JP", "Tokyo"}};
  for (const auto& [code, name] : demo_ports) {
    auto call = ports().port_of_loading(country(code), name);
    ASSERT_TRUE(call.ok()) << code << " " << name << ": " << call.status().message();
    EXPECT_EQ(call->chosen_by.rfind("supplier port", 0), 0u) << code << " " << name;
    EXPECT_EQ(call->port.country, country(code)) << name;
  }
}

}  // namespace
}  // namespace kontor::logistics
