#include "logistics/tracking.h"

namespace kontor::logistics {

std::string_view tracking_event_kind_name(TrackingEventKind) { return ""; }
StatusOr<TrackingEventKind> parse_tracking_event_kind(std::string_view) {
  return unimplemented("tracking kind");
}
std::optional<DelayAlert> check_delay(const ShipmentStatus&, Date, int) { return std::nullopt; }

}  // namespace kontor::logistics
