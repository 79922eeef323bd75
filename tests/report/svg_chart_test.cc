#include "report/svg_chart.h"

#include <gtest/gtest.h>

#include <regex>

namespace kontor::report {
namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }
Date date(const char* text) { return *Date::parse(text); }

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

StackedBarChart landed_chart() {
  return StackedBarChart{
      .id = "chart-landed",
      .title = "Landed cost per unit",
      .description = "Goods, freight, insurance, duty, import VAT and fees per supplier.",
      .unit = "EUR",
      .series = {"Goods", "Freight", "Insurance", "Duty", "Import VAT", "Fees"},
      .bars = {{"Ningbo Homeware",
                {dec("6.3800"), dec("0.4100"), dec("0.0224"), dec("0.4560"), dec("1.3810"),
                 dec("0.0500")}},
               {"<script>alert(1)</script>",
                {dec("7.10"), dec("0.41"), dec("0"), dec("0.51"), dec("1.53"), dec("0")}}}};
}

TEST(AxisTicks, NiceStepsCoverTheRange) {
  std::vector<std::string> texts;
  for (const Decimal& t : axis_ticks(dec("0"), dec("8.6994"), 5))
    texts.push_back(t.to_plain_string());
  EXPECT_EQ(texts, (std::vector<std::string>{"0", "2", "4", "6", "8", "10"}));
}

TEST(AxisTicks, NegativeRangeAndSmallSteps) {
  std::vector<std::string> texts;
  for (const Decimal& t : axis_ticks(dec("-23456.78"), dec("5000"), 5)) {
    texts.push_back(t.to_plain_string());
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"-30000", "-20000", "-10000", "0", "10000"}));
  texts.clear();
  for (const Decimal& t : axis_ticks(dec("0"), dec("0.37"), 4))
    texts.push_back(t.to_plain_string());
  EXPECT_EQ(texts, (std::vector<std::string>{"0", "0.1", "0.2", "0.3", "0.4"}));
}

TEST(StackedBarChart, OneGroupPerBarAndOneRectPerNonZeroPart) {
  auto svg = render_stacked_bar_chart(landed_chart());
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  EXPECT_EQ(count(*svg, "<g class=\"bar\">"), 2u);
  EXPECT_EQ(count(*svg, "<rect class=\"seg "), 10u);  // 6 + 4 non-zero parts
  EXPECT_EQ(count(*svg, "class=\"legend-key\""), 6u);
}

TEST(StackedBarChart, TotalsAndTooltipsAreExactDecimals) {
  auto svg = render_stacked_bar_chart(landed_chart());
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg->find(">8.6994 EUR</text>"), std::string::npos);
  EXPECT_NE(svg->find(">9.55 EUR</text>"), std::string::npos);
  EXPECT_NE(svg->find("Ningbo Homeware — Insurance: 0.0224 EUR"), std::string::npos);
}

TEST(StackedBarChart, EscapesLabels) {
  auto svg = render_stacked_bar_chart(landed_chart());
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg->find("<script>"), std::string::npos);
  EXPECT_NE(svg->find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(StackedBarChart, IsAccessible) {
  auto svg = render_stacked_bar_chart(landed_chart());
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg->find("role=\"img\" aria-labelledby=\"chart-landed-title chart-landed-desc\""),
            std::string::npos);
  EXPECT_NE(svg->find("<title id=\"chart-landed-title\">Landed cost per unit</title>"),
            std::string::npos);
}

TEST(StackedBarChart, RejectsWrongValueCount) {
  StackedBarChart chart = landed_chart();
  chart.bars[0].values.pop_back();
  auto svg = render_stacked_bar_chart(chart);
  ASSERT_FALSE(svg.ok());
  EXPECT_EQ(svg.status().message(),
            "chart 'chart-landed': bar 'Ningbo Homeware' has 5 values for 6 series");
}

TEST(StackedBarChart, IsDeterministic) {
  EXPECT_EQ(*render_stacked_bar_chart(landed_chart()), *render_stacked_bar_chart(landed_chart()));
}

ScatterChart route_chart() {
  return ScatterChart{.id = "chart-routes",
                      .title = "Cost vs transit time",
                      .description = "Each option; the Pareto front joined by a line.",
                      .x_label = "Transit time (days)",
                      .y_label = "Landed cost per unit (EUR)",
                      .points = {{"A sea FCL", dec("38"), dec("8.10")},
                                 {"A sea LCL", dec("42"), dec("8.70")},  // dominated by A FCL
                                 {"A air", dec("9"), dec("11.95")},
                                 {"B express", dec("4"), dec("14.20")},
                                 {"B rail", dec("24"), dec("9.40")},
                                 {"B air", dec("10"), dec("12.40")}},  // dominated by A air
                      .deadline_x = dec("45"),
                      .deadline_label = "Deadline 2027-03-01"};
}

TEST(ParetoFront, KeepsUndominatedPointsInTimeOrder) {
  EXPECT_EQ(pareto_front(route_chart().points), (std::vector<std::size_t>{3, 2, 4, 0}));
}

TEST(ParetoFront, EqualPointsBothStay) {
  std::vector<ScatterPoint> points = {{"a", dec("5"), dec("2")}, {"b", dec("5"), dec("2.00")}};
  EXPECT_EQ(pareto_front(points), (std::vector<std::size_t>{0, 1}));
}

TEST(ScatterChart, OneCircleEachAndTheLineThroughTheFrontPoints) {
  auto svg = render_scatter_chart(route_chart());
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  EXPECT_EQ(count(*svg, "<circle class=\"point"), 6u);
  EXPECT_EQ(count(*svg, "pareto-point"), 4u);
  // The polyline's vertices are exactly the Pareto circles' centres, in x order.
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(*svg, m, std::regex("<polyline class=\"pareto\"[^>]*points=\"([^\"]*)\"")));
  std::string expected;
  std::regex circle("<circle class=\"point pareto-point\" cx=\"([^\"]+)\" cy=\"([^\"]+)\"");
  std::vector<std::pair<double, std::string>> centres;
  for (std::sregex_iterator it(svg->begin(), svg->end(), circle), end; it != end; ++it) {
    centres.emplace_back(std::stod((*it)[1]), (*it)[1].str() + "," + (*it)[2].str());
  }
  std::sort(centres.begin(), centres.end());
  for (const auto& c : centres) expected += (expected.empty() ? "" : " ") + c.second;
  EXPECT_EQ(m[1].str(), expected);
}

TEST(ScatterChart, DeadlineIsAVerticalLine) {
  auto svg = render_scatter_chart(route_chart());
  ASSERT_TRUE(svg.ok());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      *svg, m,
      std::regex("<line class=\"deadline\" x1=\"([^\"]+)\" y1=\"[^\"]+\" x2=\"([^\"]+)\"")));
  EXPECT_EQ(m[1].str(), m[2].str());
  EXPECT_NE(svg->find(">Deadline 2027-03-01</text>"), std::string::npos);
}

TEST(ScatterChart, MarksPointsAfterTheDeadline) {
  ScatterChart chart = route_chart();
  chart.deadline_x = dec("30");
  auto svg = render_scatter_chart(chart);
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(count(*svg, " late\""), 2u);  // 38 and 42 days
}

CashFlowChart cash_chart() {
  return CashFlowChart{.id = "chart-cash",
                       .title = "Cash position",
                       .description = "Cumulative cash by date.",
                       .currency = "EUR",
                       .points = {{date("2026-12-01"), dec("-4900.50"), "Deposit 30 %"},
                                  {date("2027-01-10"), dec("-16334.99"), "Balance 70 %"},
                                  {date("2027-02-20"), dec("-19750.12"), "Duty and VAT"},
                                  {date("2027-03-31"), dec("-2100.00"), "Sales month 1"},
                                  {date("2027-04-30"), dec("15650.12"), "Sales month 2"}}};
}

TEST(CashFlowChart, PeakNeedIsTheLowestPoint) {
  EXPECT_EQ(peak_need(cash_chart().points), 2u);
  std::vector<CashFlowPoint> never_negative = {{date("2027-01-01"), dec("10"), "x"}};
  EXPECT_FALSE(peak_need(never_negative).has_value());
}

TEST(CashFlowChart, StepLineAndPeakMarker) {
  auto svg = render_cash_flow_chart(cash_chart());
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  EXPECT_EQ(count(*svg, "<circle class=\"cash-point"), 5u);
  EXPECT_EQ(count(*svg, "cash-point peak"), 1u);
  EXPECT_NE(svg->find("Peak need 19750.12 EUR (2027-02-20)"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(*svg, m, std::regex("class=\"cash-step\" d=\"([^\"]*)\"")));
  EXPECT_EQ(count(m[1].str(), " H"), 5u);
  EXPECT_EQ(count(m[1].str(), " V"), 5u);
  EXPECT_NE(svg->find(">2027-01-01</text>"), std::string::npos);  // month ticks
}

TEST(CashFlowChart, RejectsPointsOutOfOrder) {
  CashFlowChart chart = cash_chart();
  std::swap(chart.points[0], chart.points[1]);
  auto svg = render_cash_flow_chart(chart);
  ASSERT_FALSE(svg.ok());
  EXPECT_EQ(svg.status().message(),
            "chart 'chart-cash': point 1 (2026-12-01) is before the one before it");
}

}  // namespace
}  // namespace kontor::report
