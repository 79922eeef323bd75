#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/table.h"

namespace kontor::report {
namespace {

constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73",
                                    "#CC79A7", "#56B4E9", "#D55E00"};  // Okabe–Ito
constexpr int kPaletteSize = 6;

// Geometry only: a pixel position may be approximate, a printed figure may not.
double to_double(const Decimal& d) {
  return static_cast<double>(d.mantissa()) / std::pow(10.0, d.scale());
}

// Fixed one-decimal coordinates keep the output byte-for-byte reproducible.
std::string px(double v) {
  if (std::fabs(v) < 0.05) v = 0.0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string svg_open(const std::string& id, const std::string& title, const std::string& desc,
                     int width, int height) {
  const std::string eid = escape_html(id);
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + eid +
                  "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                  "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
                  "\" role=\"img\" aria-labelledby=\"" + eid + "-title " + eid +
                  "-desc\" font-family=\"sans-serif\" font-size=\"12\">\n";
  s += "<title id=\"" + eid + "-title\">" + escape_html(title) + "</title>\n";
  s += "<desc id=\"" + eid + "-desc\">" + escape_html(desc) + "</desc>\n";
  s += "<text class=\"chart-title\" x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">" +
       escape_html(title) + "</text>\n";
  return s;
}

std::string text_at(double x, double y, const std::string& cls, const std::string& anchor,
                    const std::string& text) {
  return "<text class=\"" + cls + "\" x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" +
         anchor + "\">" + escape_html(text) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& cls,
                 const std::string& extra = "") {
  return "<line class=\"" + cls + "\" x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) +
         "\" y2=\"" + px(y2) + "\"" + extra + "/>\n";
}

Decimal step_of(int digit, int exponent) {
  if (exponent >= 0) return Decimal::from_scaled(digit * pow10_mantissa(exponent), 0);
  return Decimal::from_scaled(digit, -exponent);
}

// A linear map from a value range onto a pixel range.
struct Scale {
  double v0, v1, p0, p1;
  double operator()(double v) const {
    return v1 == v0 ? p0 : p0 + (v - v0) * (p1 - p0) / (v1 - v0);
  }
};

}  // namespace

std::string shorten(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) return text.substr(0, i) + "\xE2\x80\xA6";
    ++chars;
  }
  return text;
}

std::vector<Decimal> axis_ticks(const Decimal& low, const Decimal& high, int target_count) {
  Decimal lo = low, hi = high;
  if (hi <= lo) hi = lo + Decimal(1);
  const double raw = to_double(hi - lo) / std::max(1, target_count);
  int exponent = static_cast<int>(std::floor(std::log10(raw)));
  exponent = std::clamp(exponent, -6, 15);
  const double fraction = raw / std::pow(10.0, exponent);
  int digit = fraction <= 1.0 ? 1 : fraction <= 2.0 ? 2 : fraction <= 5.0 ? 5 : 10;
  if (digit == 10) {
    digit = 1;
    ++exponent;
  }
  const Decimal step = step_of(digit, exponent);
  const Decimal first = *Decimal::divide(lo, step, 0, RoundingMode::kFloor) * step;
  const Decimal last = *Decimal::divide(hi, step, 0, RoundingMode::kCeiling) * step;
  std::vector<Decimal> ticks;
  for (Decimal t = first; t <= last && ticks.size() < 64; t += step) ticks.push_back(t);
  return ticks;
}

StatusOr<std::string> render_stacked_bar_chart(const StackedBarChart& chart) {
  std::vector<Decimal> totals;
  Decimal max_total(0);
  for (const StackedBar& bar : chart.bars) {
    if (bar.values.size() != chart.series.size()) {
      return invalid_argument("chart '" + chart.id + "': bar '" + bar.label + "' has " +
                              std::to_string(bar.values.size()) + " values for " +
                              std::to_string(chart.series.size()) + " series");
    }
    Decimal total(0);
    for (const Decimal& v : bar.values) {
      if (v.is_negative()) {
        return invalid_argument("chart '" + chart.id + "': bar '" + bar.label +
                                "' has a negative value " + v.to_string());
      }
      total += v;
    }
    totals.push_back(total);
    max_total = Decimal::max(max_total, total);
  }
  const int width = 760, left = 250, right = 110, top = 36, bar_h = 20, gap = 12;
  const int plot_h = static_cast<int>(chart.bars.size()) * (bar_h + gap);
  const int legend_rows = (static_cast<int>(chart.series.size()) + 5) / 6;
  const int height = top + plot_h + 36 + legend_rows * 18 + 8;
  const std::vector<Decimal> ticks = axis_ticks(Decimal(0), max_total, 5);
  const Scale x{0.0, to_double(ticks.back()), double(left), double(width - right)};

  std::string s = svg_open(chart.id, chart.title, chart.description, width, height);
  const double axis_y = top + plot_h;
  for (const Decimal& t : ticks) {
    s += line(x(to_double(t)), top - 4, x(to_double(t)), axis_y, "grid",
              " stroke=\"#ddd\" stroke-width=\"1\"");
    s += text_at(x(to_double(t)), axis_y + 14, "tick", "middle", t.to_plain_string());
  }
  for (std::size_t b = 0; b < chart.bars.size(); ++b) {
    const StackedBar& bar = chart.bars[b];
    const double y = top + static_cast<double>(b) * (bar_h + gap);
    s += "<g class=\"bar\">\n";
    s += "<text class=\"bar-label\" x=\"" + px(left - 8.0) + "\" y=\"" + px(y + 14) +
         "\" text-anchor=\"end\" font-size=\"11\"><title>" + escape_html(bar.label) + "</title>" +
         escape_html(shorten(bar.label, 36)) + "</text>\n";
    Decimal cursor(0);
    for (std::size_t i = 0; i < bar.values.size(); ++i) {
      if (bar.values[i].is_zero()) continue;
      const double x0 = x(to_double(cursor));
      cursor += bar.values[i];
      const double x1 = x(to_double(cursor));
      s += "<rect class=\"seg s" + std::to_string(i) + "\" x=\"" + px(x0) + "\" y=\"" + px(y) +
           "\" width=\"" + px(x1 - x0) + "\" height=\"" + std::to_string(bar_h) + "\" fill=\"" +
           kPalette[i % kPaletteSize] + "\"><title>" +
           escape_html(bar.label + " — " + chart.series[i] + ": " + bar.values[i].to_string() +
                       " " + chart.unit) +
           "</title></rect>\n";
    }
    s += text_at(x(to_double(totals[b])) + 6, y + 14, "bar-total", "start",
                 totals[b].to_string() + " " + chart.unit);
    s += "</g>\n";
  }
  s += line(left, axis_y, width - right, axis_y, "axis", " stroke=\"#333\"");
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const double lx = 8 + static_cast<double>(i % 6) * 124;
    const double ly = axis_y + 30 + static_cast<double>(i / 6) * 18;
    s += "<rect class=\"legend-key\" x=\"" + px(lx) + "\" y=\"" + px(ly - 10) +
         "\" width=\"12\" height=\"12\" fill=\"" + kPalette[i % kPaletteSize] + "\"/>\n";
    s += text_at(lx + 16, ly, "legend", "start", chart.series[i]);
  }
  s += "</svg>\n";
  return s;
}

std::vector<std::size_t> pareto_front(const std::vector<ScatterPoint>& points) {
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < points.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < points.size() && !dominated; ++j) {
      const ScatterPoint& a = points[j];
      const ScatterPoint& b = points[i];
      dominated = a.x <= b.x && a.y <= b.y && (a.x < b.x || a.y < b.y);
    }
    if (!dominated) front.push_back(i);
  }
  std::stable_sort(front.begin(), front.end(), [&](std::size_t a, std::size_t b) {
    if (points[a].x != points[b].x) return points[a].x < points[b].x;
    return points[a].y < points[b].y;
  });
  return front;
}

StatusOr<std::string> render_scatter_chart(const ScatterChart& chart) {
  const int width = 760, plot_height = 440, left = 84, right = 36, top = 40, bottom = 64;
  // Points are numbered; the key under the plot names them (labels beside points overlap).
  const int key_rows = (static_cast<int>(chart.points.size()) + 1) / 2;
  const int height = plot_height + key_rows * 16 + 8;
  Decimal max_x(1), max_y(1);
  for (const ScatterPoint& p : chart.points) {
    if (p.x.is_negative() || p.y.is_negative()) {
      return invalid_argument("chart '" + chart.id + "': point '" + p.label + "' is negative");
    }
    max_x = Decimal::max(max_x, p.x);
    max_y = Decimal::max(max_y, p.y);
  }
  if (chart.deadline_x) max_x = Decimal::max(max_x, *chart.deadline_x);
  const std::vector<Decimal> xt = axis_ticks(Decimal(0), max_x, 6);
  const std::vector<Decimal> yt = axis_ticks(Decimal(0), max_y, 5);
  const Scale x{0.0, to_double(xt.back()), double(left), double(width - right)};
  const Scale y{0.0, to_double(yt.back()), double(plot_height - bottom), double(top)};

  std::string s = svg_open(chart.id, chart.title, chart.description, width, height);
  for (const Decimal& t : xt) {
    s += line(x(to_double(t)), top, x(to_double(t)), plot_height - bottom, "grid",
              " stroke=\"#eee\"");
    s += text_at(x(to_double(t)), plot_height - bottom + 16, "tick", "middle", t.to_plain_string());
  }
  for (const Decimal& t : yt) {
    s += line(left, y(to_double(t)), width - right, y(to_double(t)), "grid", " stroke=\"#eee\"");
    s += text_at(left - 6, y(to_double(t)) + 4, "tick", "end", t.to_plain_string());
  }
  s += line(left, plot_height - bottom, width - right, plot_height - bottom, "axis",
            " stroke=\"#333\"");
  s += line(left, top, left, plot_height - bottom, "axis", " stroke=\"#333\"");
  s += text_at((left + width - right) / 2.0, plot_height - bottom + 36, "axis-label", "middle",
               chart.x_label);
  s += "<text class=\"axis-label\" x=\"16\" y=\"" + px((top + plot_height - bottom) / 2.0) +
       "\" text-anchor=\"middle\" transform=\"rotate(-90 16 " +
       px((top + plot_height - bottom) / 2.0) + ")\">" + escape_html(chart.y_label) + "</text>\n";
  if (chart.deadline_x) {
    const double dx = x(to_double(*chart.deadline_x));
    s += line(dx, top, dx, plot_height - bottom, "deadline",
              " stroke=\"#D55E00\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
    s += text_at(dx - 4, top + 12, "deadline-label", "end", chart.deadline_label);
  }
  const std::vector<std::size_t> front = pareto_front(chart.points);
  std::vector<bool> on_front(chart.points.size(), false);
  std::string polyline;
  for (std::size_t i : front) {
    on_front[i] = true;
    if (!polyline.empty()) polyline += " ";
    polyline += px(x(to_double(chart.points[i].x))) + "," + px(y(to_double(chart.points[i].y)));
  }
  s += "<polyline class=\"pareto\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"" +
       polyline + "\"/>\n";
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const ScatterPoint& p = chart.points[i];
    const double cx = x(to_double(p.x)), cy = y(to_double(p.y));
    const bool late = chart.deadline_x && p.x > *chart.deadline_x;
    std::string cls = on_front[i] ? "point pareto-point" : "point";
    if (late) cls += " late";
    s += "<circle class=\"" + cls + "\" cx=\"" + px(cx) + "\" cy=\"" + px(cy) +
         "\" r=\"5\" fill=\"" + (on_front[i] ? "#0072B2" : "#ffffff") + "\" stroke=\"" +
         (late ? "#D55E00" : "#0072B2") + "\" stroke-width=\"2\"><title>" +
         escape_html(p.label + ": " + p.y.to_string() + ", " + p.x.to_plain_string() + " days" +
                     (on_front[i] ? " (Pareto front)" : "") + (late ? " (after deadline)" : "")) +
         "</title></circle>\n";
    const bool right_edge = cx > width - right - 24;
    s += text_at(right_edge ? cx - 8 : cx + 8, cy - 6, "point-label", right_edge ? "end" : "start",
                 std::to_string(i + 1));
  }
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const ScatterPoint& p = chart.points[i];
    const double kx = 8 + static_cast<double>(i % 2) * 376;
    const double ky = plot_height + 4 + static_cast<double>(i / 2) * 16;
    s += text_at(kx, ky, "key", "start",
                 std::to_string(i + 1) + "  " + shorten(p.label, 44) + ": " + p.y.to_string() +
                     ", " + p.x.to_plain_string() + " d");
  }
  s += "</svg>\n";
  return s;
}

std::optional<std::size_t> peak_need(const std::vector<CashFlowPoint>& points) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!points[i].cumulative.is_negative()) continue;
    if (!best || points[i].cumulative < points[*best].cumulative) best = i;
  }
  return best;
}

namespace {

// Month starts inside [first, last] as axis ticks (at most 12), else the first and last dates.
std::vector<Date> date_ticks(Date first, Date last) {
  std::vector<Date> months;
  int year = first.year(), month = first.month();
  for (int guard = 0; guard < 600; ++guard) {
    Date d = *Date::from_ymd(year, month, 1);
    if (d > last) break;
    if (d >= first) months.push_back(d);
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  if (months.size() < 2) return first == last ? std::vector<Date>{first} : std::vector{first, last};
  std::vector<Date> ticks;
  const std::size_t every = (months.size() + 11) / 12;
  for (std::size_t i = 0; i < months.size(); i += every) ticks.push_back(months[i]);
  return ticks;
}

}  // namespace

StatusOr<std::string> render_cash_flow_chart(const CashFlowChart& chart) {
  const int width = 760, height = 390, left = 100, right = 40, top = 52, bottom = 56;
  if (chart.points.empty()) return invalid_argument("chart '" + chart.id + "': no points");
  Decimal low(0), high(0);
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    if (i > 0 && chart.points[i].date < chart.points[i - 1].date) {
      return invalid_argument("chart '" + chart.id + "': point " + std::to_string(i) + " (" +
                              chart.points[i].date.to_string() + ") is before the one before it");
    }
    low = Decimal::min(low, chart.points[i].cumulative);
    high = Decimal::max(high, chart.points[i].cumulative);
  }
  const Date first = chart.points.front().date, last = chart.points.back().date;
  const std::vector<Decimal> yt = axis_ticks(low, high, 5);
  const Scale x{double(first.days_since_epoch()),
                double(std::max(last.days_since_epoch(), first.days_since_epoch() + 1)),
                double(left), double(width - right)};
  const Scale y{to_double(yt.front()), to_double(yt.back()), double(height - bottom), double(top)};

  std::string s = svg_open(chart.id, chart.title, chart.description, width, height);
  for (const Decimal& t : yt) {
    s += line(left, y(to_double(t)), width - right, y(to_double(t)), t.is_zero() ? "zero" : "grid",
              t.is_zero() ? " stroke=\"#333\"" : " stroke=\"#eee\"");
    s += text_at(left - 6, y(to_double(t)) + 4, "tick", "end", t.to_plain_string());
  }
  for (const Date& d : date_ticks(first, last)) {
    const double tx = x(double(d.days_since_epoch()));
    s += line(tx, height - bottom, tx, height - bottom + 4, "tick-mark", " stroke=\"#333\"");
    s += text_at(tx, height - bottom + 18, "tick", "middle", d.to_string());
  }
  s += text_at(8, 38, "axis-label", "start", "Cumulative cash (" + chart.currency + ")");
  std::string path = "M" + px(x(double(first.days_since_epoch()))) + " " + px(y(0.0));
  for (const CashFlowPoint& p : chart.points) {
    path += " H" + px(x(double(p.date.days_since_epoch()))) + " V" + px(y(to_double(p.cumulative)));
  }
  s += "<path class=\"cash-step\" d=\"" + path +
       "\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>\n";
  const std::optional<std::size_t> peak = peak_need(chart.points);
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const CashFlowPoint& p = chart.points[i];
    const double cx = x(double(p.date.days_since_epoch())), cy = y(to_double(p.cumulative));
    const bool is_peak = peak && *peak == i;
    s += "<circle class=\"" + std::string(is_peak ? "cash-point peak" : "cash-point") + "\" cx=\"" +
         px(cx) + "\" cy=\"" + px(cy) + "\" r=\"" + (is_peak ? "7" : "4") + "\" fill=\"" +
         (is_peak ? "#D55E00" : "#0072B2") + "\"><title>" +
         escape_html(p.date.to_string() + " " + p.label + ": " + p.cumulative.to_string() + " " +
                     chart.currency) +
         "</title></circle>\n";
    if (is_peak) {
      const bool right_half = cx > width * 0.6;
      s += text_at(right_half ? cx - 10 : cx + 10, cy + 18, "peak-label",
                   right_half ? "end" : "start",
                   "Peak need " + p.cumulative.abs().to_string() + " " + chart.currency + " (" +
                       p.date.to_string() + ")");
    }
  }
  s += "</svg>\n";
  return s;
}

}  // namespace kontor::report
