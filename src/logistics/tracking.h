// Tracking: what happened to a shipment (events with dates and places) and the one exception
// rule the crew needs — is it late against the planned arrival? A delay becomes an alert with
// the days late and why we think so (a newer ETA from the carrier, or the planned date passed
// without an arrival event).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace kontor::logistics {

enum class TrackingEventKind {
  kBooked,
  kCargoReceived,
  kDeparted,
  kTransshipped,
  kEtaUpdated,
  kArrived,
  kCustomsCleared,
  kDelivered,
  kException,
};
std::string_view tracking_event_kind_name(TrackingEventKind kind);  // "departed", …
StatusOr<TrackingEventKind> parse_tracking_event_kind(std::string_view text);

struct TrackingEvent {
  TrackingEventKind kind = TrackingEventKind::kBooked;
  Date date;                // when it happened (or was reported)
  std::string location;     // "CNNGB", "Rotterdam"
  std::optional<Date> eta;  // the carrier's new estimate (kEtaUpdated, kDeparted, …)
  std::string note;
};

struct ShipmentStatus {
  std::string shipment_id;
  Date planned_arrival;               // from the chosen RouteOption (arrival_latest)
  std::vector<TrackingEvent> events;  // any order; evaluated by date
};

struct DelayAlert {
  int days_late = 0;      // > 0
  Date expected_arrival;  // the newest estimate, or `today` when the plan has passed
  std::string reason;     // "carrier ETA 2026-03-12 is 9 days after the planned 2026-03-03"
  bool arrived = false;   // the delay is already realised (arrival event after plan)
};

// nullopt when on time. Late when: an arrival event is after planned_arrival; or the newest
// ETA is more than `tolerance_days` after it; or `today` is past planned_arrival + tolerance
// with no arrival event.
std::optional<DelayAlert> check_delay(const ShipmentStatus& status, Date today,
                                      int tolerance_days = 0);

}  // namespace kontor::logistics
