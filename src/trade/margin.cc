#include "trade/margin.h"

namespace kontor::trade {

StatusOr<MarginResult> compute_margin(const refdata::VatTable&, const ChannelFeeTable&,
                                      const MarginRequest&) {
  return unimplemented("compute_margin");
}

}  // namespace kontor::trade
