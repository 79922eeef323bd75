#include "trade/channel_fees.h"

namespace kontor::trade {

struct ChannelFeeTable::Impl {
  DataSource source;
  std::vector<ChannelFeeRow> rows;
};
std::string_view channel_fee_kind_name(ChannelFeeKind) { return ""; }
ChannelFeeTable::ChannelFeeTable() : impl_(std::make_shared<Impl>()) {}
StatusOr<ChannelFeeTable> ChannelFeeTable::load(const std::string&) {
  return unimplemented("ChannelFeeTable::load");
}
StatusOr<ChannelFeeTable> ChannelFeeTable::parse(std::string_view, const std::string&) {
  return unimplemented("ChannelFeeTable::parse");
}
StatusOr<ChannelFeeTable> ChannelFeeTable::load_default(const std::string&) {
  return unimplemented("ChannelFeeTable::load_default");
}
const std::vector<ChannelFeeRow>& ChannelFeeTable::rows() const { return impl_->rows; }
const DataSource& ChannelFeeTable::source() const { return impl_->source; }
bool ChannelFeeTable::has_channel(std::string_view) const { return false; }
StatusOr<ChannelFees> channel_fees(const ChannelFeeTable&, const ChannelFeeRequest&) {
  return unimplemented("channel_fees");
}

}  // namespace kontor::trade
