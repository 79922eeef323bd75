#include "refdata/tariff_schedule.h"

#include <algorithm>

#include "refdata/detail/tariff_impl.h"

namespace kontor::refdata {

struct TariffSchedule::Impl : detail::TariffData {};

namespace detail {

void TariffData::index() {
  by_code.reserve(lines.size());
  sorted.reserve(lines.size());
  for (std::uint32_t i = 0; i < lines.size(); ++i) {
    by_code.try_emplace(lines[i].code, i);
    sorted.emplace_back(lines[i].code, i);
  }
  std::sort(sorted.begin(), sorted.end());
}

}  // namespace detail

TariffSchedule::TariffSchedule() : impl_(std::make_shared<Impl>()) {}

StatusOr<TariffSchedule> TariffSchedule::load_us_hts(const std::string& path) {
  auto impl = std::make_shared<Impl>();
  impl->source = {"us_hts_2024", detail::base_name(path),
                  "USITC Harmonized Tariff Schedule of the United States 2024",
                  "2024 (revision current Nov 2024)", "public domain (17 U.S.C. §105)"};
  impl->jurisdiction = "US";
  impl->currency = "USD";
  RETURN_IF_ERROR(detail::load_us_hts_rows(path, impl.get()));
  impl->index();
  TariffSchedule schedule;
  schedule.impl_ = std::move(impl);
  return schedule;
}

namespace {

// A UK/EU line that prints no rate takes the one of its longest printed prefix (8 → 6 → 4).
void inherit_by_prefix(detail::TariffData* data) {
  for (TariffLine& line : data->lines) {
    if (!line.general_rate.empty()) continue;
    for (std::size_t len = line.code.size() - 2; len >= 4; len -= 2) {
      auto it = data->by_code.find(std::string_view(line.code).substr(0, len));
      if (it == data->by_code.end() || data->lines[it->second].general_rate.empty()) continue;
      line.general_rate = data->lines[it->second].general_rate;
      line.rate_line = data->lines[it->second].rate_line;
      break;
    }
  }
}

}  // namespace

StatusOr<TariffSchedule> TariffSchedule::load_uk_eu(const std::string& path,
                                                    std::string_view column) {
  auto impl = std::make_shared<Impl>();
  if (column == "cet_duty_rate") {
    impl->source = {"eu_cet_2020", detail::base_name(path),
                    "EU Common External Tariff 2020, third-country duty (uktrade/global-uk-tariff)",
                    "CN2020 (2020)", "Open Government Licence v3.0"};
    impl->jurisdiction = "EU";
    impl->currency = "EUR";
  } else if (column == "ukgt_duty_rate") {
    impl->source = {"uk_gt_2021", detail::base_name(path),
                    "UK Global Tariff at launch (uktrade/global-uk-tariff)",
                    "2021-01-01 (final data 2021-01-27)", "Open Government Licence v3.0"};
    impl->jurisdiction = "GB";
    impl->currency = "GBP";
  } else {
    return invalid_argument("tariff column: expected cet_duty_rate or ukgt_duty_rate, got '" +
                            std::string(column) + "'");
  }
  ASSIGN_OR_RETURN(auto file, detail::open_csv(path, {"commodity", "description", column}));
  std::vector<std::string> row;
  impl->lines.reserve(12000);
  while (file->reader->next(row)) {
    TariffLine line;
    line.code = row[file->cols[0]];
    if ((line.code.size() != 8 && line.code.size() != 10) ||
        detail::digits_of_code(line.code) != line.code) {
      return file->reader->error("commodity",
                                 "expected an 8 or 10-digit code, got '" + line.code + "'");
    }
    line.display_code = line.code;
    line.description = detail::collapse_whitespace(row[file->cols[1]]);
    line.general_rate = detail::collapse_whitespace(row[file->cols[2]]);
    line.line = file->line();
    if (!line.general_rate.empty()) line.rate_line = line.line;
    impl->lines.push_back(std::move(line));
    impl->line_parent.push_back({});
  }
  RETURN_IF_ERROR(file->reader->status());
  impl->index();
  inherit_by_prefix(impl.get());
  TariffSchedule schedule;
  schedule.impl_ = std::move(impl);
  return schedule;
}

std::string_view TariffSchedule::jurisdiction() const { return impl_->jurisdiction; }
const DataSource& TariffSchedule::source() const { return impl_->source; }
std::string_view TariffSchedule::currency() const { return impl_->currency; }
const std::vector<TariffLine>& TariffSchedule::lines() const { return impl_->lines; }

const TariffLine* TariffSchedule::find(std::string_view code) const {
  auto it = impl_->by_code.find(detail::digits_of_code(code));
  return it == impl_->by_code.end() ? nullptr : &impl_->lines[it->second];
}

std::vector<const TariffLine*> TariffSchedule::lines_under(std::string_view prefix) const {
  const std::string digits = detail::digits_of_code(prefix);
  std::vector<std::uint32_t> hits;
  auto it = std::lower_bound(impl_->sorted.begin(), impl_->sorted.end(),
                             std::pair<std::string_view, std::uint32_t>(digits, 0));
  for (; it != impl_->sorted.end() && it->first.starts_with(digits); ++it) {
    hits.push_back(it->second);
  }
  std::sort(hits.begin(), hits.end());
  std::vector<const TariffLine*> out;
  out.reserve(hits.size());
  for (std::uint32_t i : hits) out.push_back(&impl_->lines[i]);
  return out;
}

StatusOr<const TariffLine*> TariffSchedule::resolve(std::string_view code) const {
  const std::string digits = detail::digits_of_code(code);
  if (digits.size() < 2) {
    return invalid_argument("tariff code: expected digits, got '" + std::string(code) + "'");
  }
  // Only a line that carries a rate (printed or inherited) can be declared.
  const TariffLine* exact = find(digits);
  if (exact != nullptr && !exact->general_rate.empty()) return exact;
  std::vector<const TariffLine*> top;
  for (const TariffLine* line : lines_under(digits)) {
    if (line->general_rate.empty()) continue;
    const bool covered = std::any_of(top.begin(), top.end(), [&](const TariffLine* t) {
      return line->code.starts_with(t->code);
    });
    if (!covered) top.push_back(line);
  }
  if (top.size() == 1) return top.front();
  if (top.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < top.size() && i < 12; ++i) {
      list += (i ? ", " : "") + top[i]->display_code;
    }
    if (top.size() > 12) list += ", …";
    return failed_precondition(digits + " has " + std::to_string(top.size()) +
                               " national lines in " + impl_->source.id + ": " + list);
  }
  for (std::size_t len = digits.size() - 1; len >= 2; --len) {
    const TariffLine* prefix = find(std::string_view(digits).substr(0, len));
    if (prefix != nullptr && !prefix->general_rate.empty()) return prefix;
  }
  return not_found("tariff code " + digits + ": no line in " + impl_->source.id);
}

std::vector<const TariffLine*> TariffSchedule::ancestors(const TariffLine& line) const {
  std::vector<const TariffLine*> out;
  if (&line < impl_->lines.data() || &line >= impl_->lines.data() + impl_->lines.size()) return out;
  TariffRowRef ref = impl_->line_parent[static_cast<std::size_t>(&line - impl_->lines.data())];
  while (ref.kind != TariffRowRef::Kind::kNone) {
    if (ref.kind == TariffRowRef::Kind::kLine) {
      out.push_back(&impl_->lines[ref.index]);
      ref = impl_->line_parent[ref.index];
    } else {
      out.push_back(&impl_->text_rows[ref.index]);
      ref = impl_->text_parent[ref.index];
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace kontor::refdata
