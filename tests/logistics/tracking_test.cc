#include "logistics/tracking.h"

#include <gtest/gtest.h>

namespace kontor::logistics {
namespace {

Date d(const char* text) { return Date::parse(text).value(); }

ShipmentStatus planned(const char* arrival) {
  ShipmentStatus status;
  status.shipment_id = "S1";
  status.planned_arrival = d(arrival);
  status.events.push_back(
      {TrackingEventKind::kDeparted, d("2025-03-03"), "CNNGB", d("2025-04-10"), ""});
  return status;
}

TEST(Tracking, OnScheduleIsNoAlert) {
  EXPECT_FALSE(check_delay(planned("2025-04-12"), d("2025-03-20")).has_value());
}

TEST(Tracking, LaterCarrierEtaRaisesAnAlert) {
  ShipmentStatus status = planned("2025-04-12");
  status.events.push_back(
      {TrackingEventKind::kEtaUpdated, d("2025-03-25"), "", d("2025-04-21"), "Cape routing"});
  auto alert = check_delay(status, d("2025-03-26"));
  ASSERT_TRUE(alert.has_value());
  EXPECT_EQ(alert->days_late, 9);
  EXPECT_FALSE(alert->arrived);
  EXPECT_EQ(alert->reason,
            "carrier ETA 2025-04-21 reported 2025-03-25, 9 days after the planned 2025-04-12");
}

TEST(Tracking, ToleranceAbsorbsSmallSlips) {
  ShipmentStatus status = planned("2025-04-12");
  status.events.push_back(
      {TrackingEventKind::kEtaUpdated, d("2025-03-25"), "", d("2025-04-14"), ""});
  EXPECT_FALSE(check_delay(status, d("2025-03-26"), /*tolerance_days=*/2).has_value());
  EXPECT_TRUE(check_delay(status, d("2025-03-26"), /*tolerance_days=*/1).has_value());
}

TEST(Tracking, PlannedDatePassedWithoutArrival) {
  auto alert = check_delay(planned("2025-04-12"), d("2025-04-15"));
  ASSERT_TRUE(alert.has_value());
  EXPECT_EQ(alert->days_late, 3);
  EXPECT_EQ(alert->expected_arrival, d("2025-04-15"));
}

TEST(Tracking, LateArrivalIsRealisedDelay) {
  ShipmentStatus status = planned("2025-04-12");
  status.events.push_back({TrackingEventKind::kArrived, d("2025-04-16"), "DEHAM", {}, ""});
  auto alert = check_delay(status, d("2025-04-20"));
  ASSERT_TRUE(alert.has_value());
  EXPECT_TRUE(alert->arrived);
  EXPECT_EQ(alert->days_late, 4);
}

TEST(Tracking, EventKindsRoundTrip) {
  EXPECT_EQ(parse_tracking_event_kind("customs_cleared").value(),
            TrackingEventKind::kCustomsCleared);
  EXPECT_EQ(tracking_event_kind_name(TrackingEventKind::kEtaUpdated), "eta_updated");
  EXPECT_FALSE(parse_tracking_event_kind("lost").ok());
}

}  // namespace
}  // namespace kontor::logistics
