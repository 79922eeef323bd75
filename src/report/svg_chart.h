// Inline SVG charts for the case report: a stacked horizontal bar chart (landed cost breakdown
// per supplier), a scatter of cost against transit time with the Pareto front and the deadline,
// and a cumulative cash-flow step line with the peak need marked.
//
// Values are exact Decimals; every number printed in a chart (labels, tooltips, totals, axis
// ticks) is Decimal text, so a chart never shows a figure that differs from the tables. Only
// pixel positions are computed in double. Output is deterministic (fixed coordinate format, no
// ids other than the caller's) and accessible: role="img", <title> and <desc> referenced by
// aria-labelledby, one <title> tooltip per mark. All text is HTML-escaped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/status.h"

namespace kontor::report {

struct StackedBar {
  std::string label;            // "Ningbo Homeware Co. — sea LCL"
  std::vector<Decimal> values;  // one per series, >= 0 (a missing part is 0)
};

struct StackedBarChart {
  std::string id;                   // unique in the page: "chart-landed-cost"
  std::string title;                // "Landed cost per unit by supplier"
  std::string description;          // one sentence for screen readers
  std::string unit;                 // "EUR per unit", printed with totals and tooltips
  std::vector<std::string> series;  // "Goods", "Freight", …
  std::vector<StackedBar> bars;
};

// invalid_argument when a bar has a value count different from the series or a negative value.
StatusOr<std::string> render_stacked_bar_chart(const StackedBarChart& chart);

struct ScatterPoint {
  std::string label;  // "Ningbo Homeware — sea FCL"
  Decimal x;          // transit time (days)
  Decimal y;          // cost per unit
};

struct ScatterChart {
  std::string id;
  std::string title;
  std::string description;
  std::string x_label;  // "Transit time (days)"
  std::string y_label;  // "Landed cost per unit (EUR)"
  std::vector<ScatterPoint> points;
  std::optional<Decimal> deadline_x;  // days available until the deadline
  std::string deadline_label;         // "Deadline 2027-03-01"
};

// The points no other point beats on both axes (smaller x and y are better; a point equal to
// another on both axes stays on the front). Indices into `points`, sorted by x then y: the
// order the front's line joins them.
std::vector<std::size_t> pareto_front(const std::vector<ScatterPoint>& points);

StatusOr<std::string> render_scatter_chart(const ScatterChart& chart);

struct CashFlowPoint {
  Date date;
  Decimal cumulative;  // cumulative cash position after this date's flows (negative: cash out)
  std::string label;   // "Deposit 30 %"
};

struct CashFlowChart {
  std::string id;
  std::string title;
  std::string description;
  std::string currency;               // "EUR"
  std::vector<CashFlowPoint> points;  // in date order
};

// The index of the lowest cumulative position (the first, if several) when it is negative: the
// most cash the plan needs at once. None when the position never goes below zero.
std::optional<std::size_t> peak_need(const std::vector<CashFlowPoint>& points);

// invalid_argument when the points are not in date order.
StatusOr<std::string> render_cash_flow_chart(const CashFlowChart& chart);

// At most `max_chars` code points of UTF-8 text, with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t max_chars);

// "Nice" axis ticks (steps of 1, 2 or 5 × 10^k) covering [low, high], exact.
std::vector<Decimal> axis_ticks(const Decimal& low, const Decimal& high, int target_count);

}  // namespace kontor::report
