#include "logistics/rate_card.h"

namespace kontor::logistics {

struct RateCard::Impl {
  DataSource source;
  std::vector<RateLine> lines;
};

std::string_view freight_mode_name(FreightMode) { return "sea_lcl"; }
StatusOr<FreightMode> parse_freight_mode(std::string_view) { return unimplemented("mode"); }
std::string_view freight_mode_label(FreightMode) { return ""; }
std::string_view charge_kind_name(ChargeKind) { return ""; }
std::string_view charge_basis_name(ChargeBasis) { return ""; }
RateCard::RateCard() : impl_(std::make_shared<Impl>()) {}
StatusOr<RateCard> RateCard::load(const std::string&) { return unimplemented("RateCard::load"); }
StatusOr<RateCard> RateCard::parse(std::string_view, const std::string&) {
  return unimplemented("RateCard::parse");
}
StatusOr<RateCard> RateCard::load_default(const std::string&) {
  return unimplemented("RateCard::load_default");
}
std::vector<const RateLine*> RateCard::find(FreightMode, ChargeKind, std::string_view,
                                            std::string_view, Date) const {
  return {};
}
const std::vector<RateLine>& RateCard::lines() const { return impl_->lines; }
const DataSource& RateCard::source() const { return impl_->source; }

}  // namespace kontor::logistics
