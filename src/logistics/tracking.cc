#include "logistics/tracking.h"

#include <array>

namespace kontor::logistics {

namespace {
constexpr std::array<std::string_view, 9> kKindNames = {
    "booked",  "cargo_received",  "departed",  "transshipped", "eta_updated",
    "arrived", "customs_cleared", "delivered", "exception"};

bool is_arrival(TrackingEventKind kind) {
  return kind == TrackingEventKind::kArrived || kind == TrackingEventKind::kCustomsCleared ||
         kind == TrackingEventKind::kDelivered;
}
}  // namespace

std::string_view tracking_event_kind_name(TrackingEventKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

StatusOr<TrackingEventKind> parse_tracking_event_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == text) return static_cast<TrackingEventKind>(i);
  }
  return invalid_argument("kind: unknown tracking event '" + std::string(text) + "'");
}

std::optional<DelayAlert> check_delay(const ShipmentStatus& status, Date today,
                                      int tolerance_days) {
  const Date planned = status.planned_arrival;
  const TrackingEvent* arrival = nullptr;  // the first arrival-type event
  const TrackingEvent* newest_eta = nullptr;
  for (const TrackingEvent& event : status.events) {
    if (is_arrival(event.kind) && (arrival == nullptr || event.date < arrival->date)) {
      arrival = &event;
    }
    if (event.eta && (newest_eta == nullptr || newest_eta->date <= event.date)) {
      newest_eta = &event;
    }
  }
  DelayAlert alert;
  if (arrival != nullptr) {
    if (arrival->date - planned <= tolerance_days) return std::nullopt;
    alert.arrived = true;
    alert.expected_arrival = arrival->date;
    alert.reason = "arrived " + arrival->date.to_string() + " (" +
                   std::string(tracking_event_kind_name(arrival->kind)) + ")";
  } else if (newest_eta != nullptr && *newest_eta->eta - planned > tolerance_days) {
    alert.expected_arrival = *newest_eta->eta;
    alert.reason =
        "carrier ETA " + newest_eta->eta->to_string() + " reported " + newest_eta->date.to_string();
  } else if (today - planned > tolerance_days) {
    alert.expected_arrival = today;
    alert.reason = "no arrival reported by " + today.to_string();
  } else {
    return std::nullopt;
  }
  alert.days_late = alert.expected_arrival - planned;
  alert.reason +=
      ", " + std::to_string(alert.days_late) + " days after the planned " + planned.to_string();
  return alert;
}

}  // namespace kontor::logistics
