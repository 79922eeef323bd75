#include "report/table.h"

#include <gtest/gtest.h>

namespace kontor::report {
namespace {

Table sample_table() {
  return Table{.caption = "Landed cost per unit",
               .headers = {"Supplier", "Per unit (EUR)"},
               .rows = {{{"Ningbo <Homeware> & Co."}, {"9.2075", true}},
                        {{"Shen|zhen *Cup*"}, {"10.50", true}}}};
}

TEST(EscapeHtml, EscapesMarkupAndQuotes) {
  EXPECT_EQ(escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST(EscapeHtml, KeepsUtf8Untouched) { EXPECT_EQ(escape_html("Größe – 保温杯"), "Größe – 保温杯"); }

TEST(EscapeMarkdown, KeepsUnderscoresInsideWords) {
  EXPECT_EQ(escape_markdown("tariff_us_hts_2024.csv _x"), "tariff_us_hts_2024.csv \\_x");
}

TEST(EscapeMarkdown, EscapesTableAndEmphasisCharacters) {
  EXPECT_EQ(escape_markdown("a|b *c* _d_ [e] <f>\nnext"),
            "a\\|b \\*c\\* \\_d\\_ \\[e\\] &lt;f&gt; next");
}

TEST(HtmlTable, HasCaptionScopedHeadersAndNumericCells) {
  EXPECT_EQ(render_html_table(sample_table()),
            "<table>\n<caption>Landed cost per unit</caption>\n"
            "<thead><tr><th scope=\"col\">Supplier</th><th scope=\"col\">Per unit (EUR)</th>"
            "</tr></thead>\n<tbody>\n"
            "<tr><th scope=\"row\">Ningbo &lt;Homeware&gt; &amp; Co.</th>"
            "<td class=\"num\">9.2075</td></tr>\n"
            "<tr><th scope=\"row\">Shen|zhen *Cup*</th><td class=\"num\">10.50</td></tr>\n"
            "</tbody>\n</table>\n");
}

TEST(HtmlTable, PadsShortRows) {
  Table t{.caption = "c", .headers = {"a", "b", "c"}, .rows = {{{"x"}}}, .row_headers = false};
  EXPECT_NE(render_html_table(t).find("<tr><td>x</td><td></td><td></td></tr>"), std::string::npos);
}

TEST(MarkdownTable, IsWellFormedWithRightAlignedNumbers) {
  EXPECT_EQ(render_markdown_table(sample_table()),
            "**Landed cost per unit**\n\n"
            "| Supplier | Per unit (EUR) |\n"
            "| --- | ---: |\n"
            "| Ningbo &lt;Homeware&gt; & Co. | 9.2075 |\n"
            "| Shen\\|zhen \\*Cup\\* | 10.50 |\n");
}

TEST(MarkdownTable, EveryRowHasTheHeaderCellCount) {
  Table t{
      .caption = "c", .headers = {"a", "b", "c"}, .rows = {{{"x"}}, {{"1"}, {"2"}, {"3"}, {"4"}}}};
  const std::string md = render_markdown_table(t);
  EXPECT_NE(md.find("| x |  |  |\n"), std::string::npos);
  EXPECT_NE(md.find("| 1 | 2 | 3 |\n"), std::string::npos);
}

}  // namespace
}  // namespace kontor::report
