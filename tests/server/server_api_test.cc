// The stateless endpoints, errors and auth of `kontor serve`, over HTTP on loopback.
#include <gtest/gtest.h>

#include "server_test_util.h"

namespace kontor::server::testing {
namespace {

using nlohmann::json;

TestServer& api() {
  static TestServer server;  // shared by the tests of this file
  return server;
}

json error_of(const httplib::Result& res) { return json::parse(res->body)["error"]; }

TEST(ServerApiTest, HealthNeedsNoToken) {
  auto res = api().client().Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  json body = json::parse(res->body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["demo_catalog"], true);
}

TEST(ServerApiTest, MissingTokenIs401) {
  auto res = api().client().Get("/api/cases");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(error_of(res)["code"], "unauthenticated");
  EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer");
}

TEST(ServerApiTest, WrongTokenIs401) {
  auto res = api().client().Get(
      "/api/cases", {{"Authorization", "Bearer kt_0000000000000000000000000000000000000000"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(error_of(res)["message"], "authorization: unknown or revoked token");
}

TEST(ServerApiTest, RevokedTokenIs401) {
  auto made = api().server().tokens().create("to revoke");
  ASSERT_TRUE(made.ok());
  httplib::Headers headers = {{"Authorization", "Bearer " + made->token}};
  EXPECT_EQ(api().client().Get("/api/cases", headers)->status, 200);
  ASSERT_TRUE(api().server().tokens().revoke(made->info.id).ok());
  EXPECT_EQ(api().client().Get("/api/cases", headers)->status, 401);
}

TEST(ServerApiTest, EmptyGoalNamesTheField) {
  auto res = api().post("/api/cases", {{"goal", "  "}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["code"], "invalid_argument");
  EXPECT_EQ(error_of(res)["field"], "goal");
  EXPECT_EQ(error_of(res)["message"], "goal: must not be empty");
}

TEST(ServerApiTest, UnknownFieldIsRejectedByName) {
  auto res = api().post("/api/cases", {{"goal", kGoal}, {"colour", "red"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["field"], "colour");
  EXPECT_EQ(error_of(res)["message"], "colour: unknown field");
}

TEST(ServerApiTest, BadAsOfNamesTheField) {
  auto res = api().post("/api/cases", {{"goal", kGoal}, {"as_of", "23.11.2026"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["field"], "as_of");
}

TEST(ServerApiTest, BodyOverOneMebibyteIs413) {
  std::string body = "{\"goal\": \"" + std::string(1100 * 1024, 'a') + "\"}";
  auto res = api().client().Post("/api/cases", api().auth(), body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(error_of(res)["code"], "payload_too_large");
}

TEST(ServerApiTest, UnknownCaseIs404) {
  auto res = api().get("/api/cases/K20261123-ffffff");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(error_of(res)["message"], "case 'K20261123-ffffff': no such case");
}

TEST(ServerApiTest, UnknownEndpointIs404Json) {
  auto res = api().get("/api/nothing-here");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(error_of(res)["code"], "not_found");
}

TEST(ServerApiTest, SearchFindsBottlesInTheDemoMarketplace) {
  auto res = api().get("/api/search?q=insulated%20bottle&limit=3");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  EXPECT_EQ(body["demo"], true);
  EXPECT_EQ(body["query_lang"], "en");
  ASSERT_FALSE(body["results"].empty());
  EXPECT_LE(body["results"].size(), 3u);
  EXPECT_TRUE(body["results"][0]["tier_price"]["amount"].is_string());
}

TEST(ServerApiTest, SearchBadPriceNamesTheParameter) {
  auto res = api().get("/api/search?q=bottle&max_price=cheap");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["field"], "max_price");
}

TEST(ServerApiTest, SearchUnknownParameterIsRejected) {
  auto res = api().get("/api/search?q=bottle&colour=red");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["field"], "colour");
}

TEST(ServerApiTest, SearchWithoutQueryIs400) {
  auto res = api().get("/api/search?qty=5");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["field"], "q");
}

TEST(ServerApiTest, LandedCostOfVacuumFlasksIntoGermany) {
  json request = {{"hs_code", "961700"},       {"origin", "CN"},        {"destination", "DE"},
                  {"goods_value", "8400 USD"}, {"freight", "1150 USD"}, {"insurance", "0 EUR"},
                  {"quantity", "2000 pcs"},    {"as_of", "2025-05-09"}};
  auto res = api().post("/api/landed-cost", request);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json quote = json::parse(res->body);
  EXPECT_EQ(quote["customs_value"], json({{"amount", "8487.38"}, {"currency", "EUR"}}));
  EXPECT_EQ(quote["duty"], json({{"amount", "568.65"}, {"currency", "EUR"}}));
  EXPECT_EQ(quote["import_tax"], json({{"amount", "1720.65"}, {"currency", "EUR"}}));
  EXPECT_EQ(quote["total"], json({{"amount", "10776.68"}, {"currency", "EUR"}}));
  EXPECT_EQ(quote["per_unit"], json({{"amount", "5.3883"}, {"currency", "EUR"}}));
}

TEST(ServerApiTest, LandedCostUnknownFieldNamesIt) {
  auto res = api().post("/api/landed-cost", {{"hs_code", "961700"}, {"frieght", "1 USD"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["field"], "frieght");
}

TEST(ServerApiTest, ClassifyGivesCandidates) {
  auto res =
      api().post("/api/classify", {{"title", "Insulated stainless steel vacuum flask 750 ml"},
                                   {"attrs", {{"Material", "Stainless steel"}}},
                                   {"category", "Home & Garden > Kitchen > Drinkware"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  ASSERT_GE(body["candidates"].size(), 1u);
  EXPECT_LE(body["candidates"].size(), 3u);
  EXPECT_EQ(body["candidates"][0]["hs6"].get<std::string>().size(), 6u);
  EXPECT_TRUE(body.contains("needs_human"));
}

TEST(ServerApiTest, ClassifyWithoutTitleIs400) {
  auto res = api().post("/api/classify", {{"top", 3}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(error_of(res)["field"], "title");
}

TEST(ServerApiTest, EventsOfUnknownCaseIs404) {
  auto res = api().get("/api/cases/K1/events");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

}  // namespace
}  // namespace kontor::server::testing
