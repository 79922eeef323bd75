#include "refdata/fx.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "refdata/detail/fx_series.h"
#include "refdata/detail/table_util.h"

namespace kontor::refdata {

using detail::FxQuote;
using detail::FxSeriesSet;

struct FxTable::Impl {
  std::array<FxSeriesSet, 3> sets;  // indexed by FxSource
  detail::InternPool strings;       // pair keys and cross-rate texts handed out in Provenance
};

FxTable::FxTable() : impl_(std::make_shared<Impl>()) {}

std::string_view fx_source_name(FxSource source) {
  switch (source) {
    case FxSource::kEcb: return "ECB";
    case FxSource::kFed: return "Fed";
    case FxSource::kHmrc: return "HMRC";
  }
  return "?";
}

StatusOr<FxTable> FxTable::load(const std::string& ecb_csv, const std::string& fed_csv,
                                const std::string& hmrc_csv) {
  auto impl = std::make_shared<Impl>();
  ASSIGN_OR_RETURN(impl->sets[0], detail::load_ecb(ecb_csv));
  ASSIGN_OR_RETURN(impl->sets[1], detail::load_fed(fed_csv));
  ASSIGN_OR_RETURN(impl->sets[2], detail::load_hmrc(hmrc_csv));
  FxTable table;
  table.impl_ = std::move(impl);
  return table;
}

namespace {

constexpr int kRateScale = 10;  // fractional digits of an inverted or crossed rate

// One leg: the quote of `code` against the set's base currency in force on `as_of`.
struct Leg {
  const FxQuote* quote = nullptr;
  std::string_view code;
};

std::string leg_text(const FxSeriesSet& set, const Leg& leg) {
  return set.base + "/" + std::string(leg.code) + " " + std::string(set.text(*leg.quote)) +
         " (line " + std::to_string(leg.quote->line) + ", " + leg.quote->date().to_string() + ")";
}

// The age of a quote on `as_of`: HMRC rates hold until valid_to, the others are point dates.
int age_days(const FxQuote& quote, Date as_of) {
  const Date end = quote.valid_to();
  return as_of <= end ? 0 : as_of - end;
}

}  // namespace

StatusOr<FxRate> FxTable::rate_from(FxSource source, const Currency& from, const Currency& to,
                                    Date as_of, int max_age_days) const {
  const FxSeriesSet& set = impl_->sets[static_cast<std::size_t>(source)];
  const std::string pair = std::string(from.code()) + "/" + std::string(to.code());
  FxRate out{from, to, Decimal(1), as_of, {}};
  if (from == to) {
    out.provenance.key = impl_->strings.intern(pair);
    out.provenance.rule = "identity";
    return out;
  }
  Leg legs[2];  // base→from, base→to; a leg whose currency is the base stays empty
  const std::string_view codes[2] = {from.code(), to.code()};
  for (int i = 0; i < 2; ++i) {
    if (codes[i] == set.base) continue;
    auto found = set.find(codes[i], as_of);
    if (!found.ok()) return found.status();
    legs[i] = {*found, codes[i]};
  }
  // The rate is as old as its older leg.
  const FxQuote* oldest = legs[0].quote;
  if (oldest == nullptr || (legs[1].quote != nullptr && legs[1].quote->date() < oldest->date())) {
    oldest = legs[1].quote;
  }
  const int age = age_days(*oldest, as_of);
  if (age > max_age_days) {
    return failed_precondition("fx: newest " + set.source.id + " rate for " + pair + " is of " +
                               oldest->date().to_string() + ", " + std::to_string(age) +
                               " days before " + as_of.to_string() + " (limit " +
                               std::to_string(max_age_days) + ")");
  }
  out.date = oldest->date();
  out.provenance.source = &set.source;
  out.provenance.key = impl_->strings.intern(pair);
  out.provenance.rule = set.rule;
  if (legs[0].quote == nullptr) {  // base → to: printed as is
    out.rate = legs[1].quote->value();
    out.provenance.line = legs[1].quote->line;
    out.provenance.text = set.text(*legs[1].quote);
    return out;
  }
  out.provenance.line = legs[0].quote->line;
  if (legs[1].quote == nullptr) {  // from → base: the inverse of the printed rate
    out.rate =
        Decimal::divide(Decimal(1), legs[0].quote->value(), kRateScale, RoundingMode::kHalfEven)
            .value();
    out.provenance.text = set.text(*legs[0].quote);
    out.detail = "1 / " + leg_text(set, legs[0]) + ", " + set.source.id + ", to " +
                 std::to_string(kRateScale) + " decimals half-even";
    return out;
  }
  out.rate = Decimal::divide(legs[1].quote->value(), legs[0].quote->value(), kRateScale,
                             RoundingMode::kHalfEven)
                 .value();
  out.provenance.text = impl_->strings.intern(std::string(set.text(*legs[1].quote)) + " / " +
                                              std::string(set.text(*legs[0].quote)));
  out.detail = "cross through " + set.base + ": " + leg_text(set, legs[1]) + " / " +
               leg_text(set, legs[0]) + ", " + set.source.id + ", to " +
               std::to_string(kRateScale) + " decimals half-even";
  return out;
}

StatusOr<FxRate> FxTable::rate(const Currency& from, const Currency& to, Date as_of,
                               int max_age_days) const {
  // The first source that answers wins; otherwise the first stale rate (failed_precondition
  // naming its date) says more than "not found".
  std::optional<Status> stale;
  for (FxSource source : {FxSource::kEcb, FxSource::kFed, FxSource::kHmrc}) {
    auto result = rate_from(source, from, to, as_of, max_age_days);
    if (result.ok()) return result;
    if (result.status().code() == StatusCode::kFailedPrecondition && !stale) {
      stale = result.status();
    }
  }
  if (stale) return *stale;
  return not_found("fx: no source has " + std::string(from.code()) + "/" + std::string(to.code()) +
                   " on or before " + as_of.to_string());
}

Date FxTable::latest(FxSource source) const {
  return impl_->sets[static_cast<std::size_t>(source)].latest;
}

const DataSource& FxTable::source(FxSource source) const {
  return impl_->sets[static_cast<std::size_t>(source)].source;
}

}  // namespace kontor::refdata
