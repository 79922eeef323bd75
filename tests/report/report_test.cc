#include "report/report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "report/document.h"
#include "report_test_util.h"

namespace kontor::report {
namespace {

using testing::between;
using testing::count;
using testing::sample_case;

const char* const kSectionIds[] = {
    "summary",        "brief",          "recommendation", "ranking",     "landed-cost", "duty-tax",
    "classification", "certifications", "logistics",      "margin-cash", "suppliers",   "research",
    "listing",        "negotiation",    "questions",      "approvals",   "journal"};

TEST(ReportHtml, EverySectionAppearsInOrderAndInTheContents) {
  const std::string html = render_html(sample_case());
  std::size_t previous = 0;
  for (const char* id : kSectionIds) {
    const std::string open =
        "<section id=\"" + std::string(id) + "\" aria-labelledby=\"" + id + "-h\">";
    const std::size_t at = html.find(open);
    ASSERT_NE(at, std::string::npos) << id;
    EXPECT_GT(at, previous) << id;
    previous = at;
    EXPECT_EQ(count(html, "<li><a href=\"#" + std::string(id) + "\">"), 1u) << id;
  }
}

TEST(ReportMarkdown, EverySectionHasAHeading) {
  const std::string md = render_markdown(sample_case());
  for (const char* title :
       {"## Summary", "## Brief", "## Recommended supplier and alternatives",
        "## Landed cost per unit", "## Duty and import tax", "## Classification (HS code)",
        "## Certifications to obtain", "## Logistics options", "## Margin and cash flow",
        "## Shortlisted suppliers", "## Market research", "## Listing draft", "## Negotiation",
        "## Open questions", "## Pending approvals", "## Case journal"}) {
    EXPECT_EQ(count(md, std::string(title) + "\n"), 1u) << title;
  }
}

TEST(ReportHtml, IsStandaloneWithoutScriptsOrExternalAssets) {
  const std::string html = render_html(sample_case());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"viewport\""), std::string::npos);
}

TEST(ReportHtml, ExactMoneyStringsAppearUnchanged) {
  const std::string html = render_html(sample_case());
  for (const char* figure :
       {"5.0512 EUR", "10102.40 EUR", "9.3777 EUR", "6843.20 EUR", "1012.40 EUR", "25.92 EUR",
        "528.06 EUR", "1597.82 EUR", "95.00 EUR", "3.85 USD", "3.4216 EUR", "2052.96 EUR",
        "24.99 EUR", "21.00 EUR", "3.6438 EUR", "3.55 USD"}) {
    EXPECT_NE(html.find(figure), std::string::npos) << figure;
  }
  EXPECT_NE(html.find("1 USD = 0.8887308923 EUR on 2025-05-09"), std::string::npos);
  EXPECT_NE(html.find("<dt>Margin rate</dt><dd>44.66 %</dd>"), std::string::npos);
}

TEST(ReportHtml, CostLinesHaveExactPerUnitShares) {
  // 528.06 / 2000 = 0.26403 -> 0.2640 (half-up to 4 places), 25.92 / 2000 = 0.01296 -> 0.0130.
  const std::string html = render_html(sample_case());
  EXPECT_NE(html.find("<td class=\"num\">528.06 EUR</td><td class=\"num\">0.2640</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">25.92 EUR</td><td class=\"num\">0.0130</td>"),
            std::string::npos);
}

TEST(ReportHtml, DutyLinesCarryTheirProvenance) {
  const std::string html = render_html(sample_case());
  const std::string duty = between(html, "<section id=\"duty-tax\"", "</section>");
  ASSERT_FALSE(duty.empty());
  EXPECT_NE(
      duty.find("<td>Customs duty (MFN)</td><td>9617000000</td><td>6.7%</td>"
                "<td class=\"num\">6843.20 EUR</td><td class=\"num\">458.49 EUR</td>"
                "<td>tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv</td><td>CN2020</td>"
                "<td class=\"num\">12487</td>"
                "<td>1 USD = 0.8887308923 EUR on 2025-05-09 (fx_ecb_eurofxref_hist.csv)</td>"),
      std::string::npos);
  EXPECT_NE(duty.find("tax_vat_rates_eu_ibericode.csv line 9 [DE standard] &#39;19&#39;"),
            std::string::npos);
  EXPECT_NE(duty.find("Rates as of 2026-11-23 for import into DE."), std::string::npos);
  EXPECT_NE(duty.find("tariff data is the CN2020 edition"), std::string::npos);
}

TEST(ReportHtml, ChecklistShowsStatusAndSourceRegulation) {
  const std::string html = render_html(sample_case());
  EXPECT_NE(html.find("<td class=\"status-missing\">missing</td>"
                      "<td>German food and feed code: food contact articles (LFGB §§ 30–31) "
                      "[DE-LFGB]</td>"),
            std::string::npos);
  EXPECT_EQ(count(html, "<td class=\"status-to_check\">to check</td>"), 1u);
  EXPECT_EQ(count(html, "<td class=\"status-missing\">missing</td>"), 3u);
  EXPECT_NE(html.find("Regulation (EC) No 1935/2004 — Regulation (EC) No 1935/2004 on materials"),
            std::string::npos);
  EXPECT_NE(html.find("Yongkang Thermo Steel Works: missing; Saigon Steelware JSC: held (LFGB)"),
            std::string::npos);
}

TEST(ReportHtml, LandedCostChartHasOneBarPerOptionAndSixParts) {
  const std::string html = render_html(sample_case());
  const std::string svg = between(html,
                                  "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                                  "id=\"chart-landed-cost\"",
                                  "</svg>");
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(count(svg, "<g class=\"bar\">"), 6u);
  EXPECT_EQ(count(svg, "<rect class=\"seg "), 36u);
  EXPECT_NE(svg.find(">10102.40 EUR</text>"), std::string::npos);
  EXPECT_NE(svg.find("Ningbo Everbright Drinkw… — Sea LCL — Duty: 528.06 EUR"), std::string::npos);
}

TEST(ReportHtml, CostTimeScatterJoinsTheParetoOptions) {
  const std::string html = render_html(sample_case());
  const std::string svg = between(html, "id=\"chart-cost-time\"", "</svg>");
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(count(svg, "<circle class=\"point"), 6u);
  // Pareto front by days to stock and landed cost: air 39 d, rail 54 d, sea LCL 68 d (Ningbo),
  // sea LCL 83 d (Yongkang); Yongkang air (54 d, dearer than rail) and Saigon (102 d) are not.
  std::regex front_point("<circle class=\"point pareto-point\"[^>]*><title>([^<]*)</title>");
  std::vector<std::string> titles;
  for (std::sregex_iterator it(svg.begin(), svg.end(), front_point), end; it != end; ++it) {
    titles.push_back((*it)[1]);
  }
  EXPECT_EQ(titles, (std::vector<std::string>{
                        "Ningbo Everbright Drinkw… — Sea LCL: 5.0512, 68 days (Pareto front)",
                        "Ningbo Everbright Drinkw… — Rail: 5.4229, 54 days (Pareto front)",
                        "Ningbo Everbright Drinkw… — Air: 7.1962, 39 days (Pareto front)",
                        "Yongkang Thermo Steel Wo… — Sea LCL: 4.7681, 83 days (Pareto front)"}));
  EXPECT_NE(svg.find("Saigon Steelware JSC — Sea LCL: 5.3929, 102 days (after deadline)"),
            std::string::npos);
  EXPECT_NE(svg.find(">Deadline 2027-03-01</text>"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("class=\"pareto\"[^>]*points=\"([^\"]*)\"")));
  EXPECT_EQ(count(m[1].str(), ","), 4u);
}

TEST(ReportHtml, CashFlowChartMarksThePeakNeed) {
  const std::string html = render_html(sample_case());
  const std::string svg = between(html, "id=\"chart-cash-flow\"", "</svg>");
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(count(svg, "<circle class=\"cash-point"), 9u);
  EXPECT_NE(svg.find("Peak need 10102.40 EUR (2027-01-30)"), std::string::npos);
  EXPECT_NE(html.find("<dt>Peak cash need</dt><dd>10102.40 EUR</dd>"), std::string::npos);
}

TEST(ReportHtml, ChartsAreLabelledForScreenReaders) {
  const std::string html = render_html(sample_case());
  EXPECT_EQ(count(html, "role=\"img\" aria-labelledby=\""), 3u);
  EXPECT_EQ(count(html, "<figcaption>"), 3u);
  EXPECT_EQ(count(html, "<caption>"), count(html, "<table"));
  EXPECT_EQ(count(html, "<th scope=\"col\">") > 0, true);
}

TEST(ReportHtml, LogisticsShowsTransitRangesAndTheRecommendedRouteCharges) {
  const std::string html = render_html(sample_case());
  const std::string section = between(html, "<section id=\"logistics\"", "</section>");
  EXPECT_NE(section.find("<td>Sea freight, LCL</td><td>CNNGB → DEHAM</td>"
                         "<td class=\"num\">1012.40 EUR</td><td class=\"num\">0.5062 EUR</td>"
                         "<td class=\"num\">28–38</td>"),
            std::string::npos);
  EXPECT_NE(section.find("<caption>Freight charges of Ningbo Everbright Drinkware Co., Ltd. — "
                         "Sea LCL (rate-card rows)</caption>"),
            std::string::npos);
  EXPECT_NE(
      section.find("<th scope=\"row\">Ocean freight CN→EU, 4.1 w/m</th>"
                   "<td class=\"num\">607.44 EUR</td><td class=\"num\">683.49 USD</td>"
                   "<td>rate_cards.csv line 2 [sea_lcl CN→EU]; rule: indicative rate card</td>"),
      std::string::npos);
}

TEST(ReportHtml, ListingDraftIsMarkedWithItsLanguage) {
  const std::string html = render_html(sample_case());
  EXPECT_NE(html.find("<dl class=\"facts\" lang=\"de\">\n<dt>Title</dt><dd>Isolierte Trinkflasche "
                      "aus Edelstahl 500 ml – doppelwandig, auslaufsicher, BPA-frei</dd>"),
            std::string::npos);
  EXPECT_NE(html.find("<ul lang=\"de\">\n<li>Hält Getränke 12 Stunden heiß"), std::string::npos);
}

CaseView hostile_case() {
  CaseView view = sample_case();
  view.sections["sourcing"]["shortlist"][0]["supplier_name"] = "<script>alert('x')</script> Co.";
  view.questions[0]["text"] = "Is 5 < 6 & \"true\"?";
  return view;
}

TEST(ReportEscaping, SupplierNameWithScriptIsEscapedEverywhere) {
  const std::string html = render_html(hostile_case());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_GE(count(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Co."), 5u);
  EXPECT_NE(html.find("Is 5 &lt; 6 &amp; &quot;true&quot;?"), std::string::npos);
  const std::string md = render_markdown(hostile_case());
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;alert('x')&lt;/script&gt; Co."), std::string::npos);
}

// Every run of table lines has the same number of unescaped cell separators, and its second
// line is the alignment row.
TEST(ReportMarkdown, TablesAreWellFormed) {
  const std::string md = render_markdown(hostile_case());
  std::istringstream in(md);
  std::string line;
  std::vector<std::string> block;
  int tables = 0;
  auto pipes = [](const std::string& l) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < l.size(); ++i) n += l[i] == '|' && (i == 0 || l[i - 1] != '\\');
    return n;
  };
  auto check = [&] {
    if (block.empty()) return;
    ++tables;
    ASSERT_GE(block.size(), 2u);
    EXPECT_TRUE(std::regex_match(block[1], std::regex("\\|( ---:? \\|)+"))) << block[1];
    for (const std::string& l : block) EXPECT_EQ(pipes(l), pipes(block[0])) << l;
    block.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '|')
      block.push_back(line);
    else
      check();
  }
  check();
  EXPECT_GE(tables, 14);
}

TEST(ReportGolden, SummarySection) {
  const std::string html = render_html(sample_case());
  EXPECT_EQ(between(html, "<section id=\"summary\"", "</section>"),
            "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
            "<h2 id=\"summary-h\">Summary</h2>\n"
            "<p class=\"recommended\">Recommended: Ningbo Everbright Drinkware Co., Ltd. "
            "(DEMO-SUP-0042), Sea LCL, landed cost 5.0512 EUR per unit, margin 9.3777 EUR per unit "
            "(44.66 %).</p>\n"
            "<dl class=\"facts\">\n"
            "<dt>Peak cash need</dt><dd>10102.40 EUR</dd>\n"
            "<dt>Certificates and test reports missing (recommended supplier)</dt><dd>0</dd>\n"
            "<dt>Registrations, labels and checks for the importer</dt><dd>2</dd>\n"
            "<dt>Open questions</dt><dd>1</dd>\n"
            "<dt>Pending approvals</dt><dd>1</dd>\n"
            "<dt>Case status</dt><dd>waiting for approval</dd>\n"
            "</dl>\n"
            "</section>");
}

TEST(ReportGolden, PendingApprovalsSection) {
  const std::string html = render_html(sample_case());
  EXPECT_EQ(between(html, "<section id=\"approvals\"", "</section>"),
            "<section id=\"approvals\" aria-labelledby=\"approvals-h\">\n"
            "<h2 id=\"approvals-h\">Pending approvals</h2>\n"
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Actions "
            "waiting for approval (kontor approve / kontor deny)\">\n<table>\n"
            "<caption>Actions waiting for approval (kontor approve / kontor deny)</caption>\n"
            "<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Counterparty</th>"
            "<th scope=\"col\">Amount</th><th scope=\"col\">Reference</th>"
            "<th scope=\"col\">Reason</th><th scope=\"col\">State</th><th scope=\"col\">Id</th>"
            "</tr></thead>\n<tbody>\n"
            "<tr><th scope=\"row\">payment.deposit</th>"
            "<td>Ningbo Everbright Drinkware Co., Ltd. (DEMO-SUP-0042)</td>"
            "<td class=\"num\">2052.96 EUR</td><td>DEMO-OFF-0042-03-A</td>"
            "<td>30% deposit to start production</td><td>awaiting_approval</td><td>act-0002</td>"
            "</tr>\n</tbody>\n</table>\n</div>\n"
            "</section>");
}

TEST(ReportGolden, MarkdownRecommendationAlternatives) {
  const std::string md = render_markdown(sample_case());
  EXPECT_NE(md.find("| Supplier | Shipping | Landed cost per unit | Margin per unit | Score | "
                    "Why it ranks below |\n"
                    "| --- | --- | ---: | ---: | --- | --- |\n"
                    "| Yongkang Thermo Steel Works (DEMO-SUP-0107) | Sea LCL | 4.7681 EUR | "
                    "9.6156 EUR |  | 0.2831 EUR/unit less but no LFGB test report held |\n"),
            std::string::npos);
}

TEST(Report, OutputIsDeterministic) {
  EXPECT_EQ(render_html(sample_case()), render_html(sample_case()));
  EXPECT_EQ(render_markdown(sample_case()), render_markdown(sample_case()));
  EXPECT_EQ(render_json(sample_case()), render_json(sample_case()));
}

TEST(ReportJson, CarriesTheCaseAndTheContents) {
  const CaseView view = sample_case();
  const nlohmann::json json = nlohmann::json::parse(render_json(view));
  EXPECT_EQ(json["format"], "kontor.report");
  EXPECT_EQ(json["version"], 1);
  EXPECT_EQ(json["title"], "Insulated stainless steel bottles → DE");
  EXPECT_EQ(json["contents"].size(), std::size(kSectionIds));
  EXPECT_EQ(json["contents"][3],
            (nlohmann::json{{"id", "ranking"}, {"title", "Supplier ranking"}}));
  EXPECT_EQ(json["contents"][4],
            (nlohmann::json{{"id", "landed-cost"}, {"title", "Landed cost per unit"}}));
  EXPECT_EQ(json["case"], to_json(view));
  EXPECT_EQ(json["case"]["sections"]["finance"]["peak_cash_need"]["amount"], "10102.40");
}

TEST(ReportEmptyCase, ShowsTheCaseSectionsWithoutData) {
  CaseView view;
  view.case_id = "c-empty";
  const std::string html = render_html(view);
  for (const char* id : {"summary", "brief", "questions", "approvals"}) {
    EXPECT_NE(html.find("<section id=\"" + std::string(id) + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("<section id=\"landed-cost\""), std::string::npos);
  EXPECT_NE(html.find("<title>Kontor case c-empty</title>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"note\">No open questions.</p>"), std::string::npos);
}

TEST(ReportUnknownSection, IsShownGenerically) {
  CaseView view = sample_case();
  view.sections["customs_broker"] = {{"schema", 1},
                                     {"broker", "Hamburg Zoll & Co"},
                                     {"quote", {{"amount", "95.00"}, {"currency", "EUR"}}},
                                     {"steps", {{{"step", "file ATLAS entry"}, {"days", 1}}}}};
  const std::string html = render_html(view);
  const std::string section = between(html, "<section id=\"section-customs_broker\"", "</section>");
  EXPECT_NE(section.find("<dt>Broker</dt><dd>Hamburg Zoll &amp; Co</dd>"), std::string::npos);
  EXPECT_NE(section.find("<dt>Quote</dt><dd>95.00 EUR</dd>"), std::string::npos);
  EXPECT_NE(section.find("<td>1</td><td>file ATLAS entry</td>"), std::string::npos);
  EXPECT_EQ(section.find("Schema"), std::string::npos);
}

TEST(ReportMalformedSection, DoesNotBreakTheReport) {
  CaseView view = sample_case();
  view.sections["finance"]["cash_flow"][2]["date"] = "not a date";
  view.sections["logistics"]["options"] = "oops";
  const std::string html = render_html(view);
  EXPECT_EQ(html.find("id=\"chart-cash-flow\""), std::string::npos);  // table only
  EXPECT_NE(html.find("<td>not a date</td>"), std::string::npos);
  EXPECT_NE(html.find("<section id=\"logistics\""), std::string::npos);
}

TEST(WriteReport, WritesEachFormat) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("kontor_report_test_" + std::to_string(::getpid()));
  const CaseView view = sample_case();
  for (const char* format : {"html", "md", "json"}) {
    const std::filesystem::path out = dir / "nested" / (std::string("case.") + format);
    ASSERT_TRUE(write_report(view, format, out).ok()) << format;
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    const std::string expected = std::string(format) == "html" ? render_html(view)
                                 : std::string(format) == "md" ? render_markdown(view)
                                                               : render_json(view);
    EXPECT_EQ(text.str(), expected) << format;
    EXPECT_FALSE(std::filesystem::exists(out.string() + ".tmp"));
  }
  std::filesystem::remove_all(dir);
}

TEST(WriteReport, RejectsAnUnknownFormat) {
  Status status = write_report(sample_case(), "pdf", "/tmp/never-written.pdf");
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "format: expected html, md or json, got 'pdf'");
  EXPECT_FALSE(std::filesystem::exists("/tmp/never-written.pdf"));
}

TEST(WriteReport, NamesAPathItCannotWrite) {
  Status status = write_report(sample_case(), "md", "/proc/kontor-report/case.md");
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_NE(status.message().find("/proc/kontor-report"), std::string::npos);
}

}  // namespace
}  // namespace kontor::report
