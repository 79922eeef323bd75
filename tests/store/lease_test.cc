#include "store/lease.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "store_backends.h"

namespace kontor::store::testing {
namespace {

using namespace std::chrono_literals;

// 2026-11-23T12:00:00.000Z
constexpr std::int64_t kNoon = 1795435200000;

class LeaseTest : public BackendTest {
 protected:
  LeaseOptions options() {
    LeaseOptions o;
    o.ttl = 30s;
    o.now_ms = [this] { return now_.load(); };
    o.process_alive = [this](std::int64_t) { return alive_.load(); };
    return o;
  }
  std::atomic<std::int64_t> now_{kNoon};
  std::atomic<bool> alive_{true};
};

TEST_P(LeaseTest, SecondHolderGetsAnErrorNamingTheFirst) {
  auto first = Lease::acquire(*store_, "K1", "case K1", options());
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  auto second = Lease::acquire(*store_, "K1", "case K1", options());
  ASSERT_EQ(second.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(second.status().message(),
            "case K1 is being run by pid " + std::to_string(::getpid()) + " on host " +
                (*first)->holder().host +
                " since 2026-11-23T12:00:00.000Z (lease until 2026-11-23T12:00:30.000Z)");
}

TEST_P(LeaseTest, OtherNamesAreIndependent) {
  auto k1 = Lease::acquire(*store_, "K1", "case K1", options());
  auto k2 = Lease::acquire(*store_, "K2", "case K2", options());
  EXPECT_TRUE(k1.ok());
  EXPECT_TRUE(k2.ok());
}

TEST_P(LeaseTest, ReleaseLetsTheNextOneIn) {
  auto first = Lease::acquire(*store_, "K1", "case K1", options());
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*first)->release().ok());
  EXPECT_FALSE(find_lease(*store_, "K1")->has_value());
  EXPECT_TRUE(Lease::acquire(*store_, "K1", "case K1", options()).ok());
}

TEST_P(LeaseTest, DestructionReleases) {
  { ASSERT_TRUE(Lease::acquire(*store_, "K1", "case K1", options()).ok()); }
  EXPECT_FALSE(find_lease(*store_, "K1")->has_value());
}

TEST_P(LeaseTest, ExpiredLeaseIsTakenOverAndItsHolderLearnsItLostIt) {
  auto first = Lease::acquire(*store_, "K1", "case K1", options());
  ASSERT_TRUE(first.ok());
  now_ = kNoon + 30000;  // the expiry instant: no longer held
  auto second = Lease::acquire(*store_, "K1", "case K1", options());
  ASSERT_TRUE(second.ok()) << second.status().to_string();
  Status renewed = (*first)->renew();
  EXPECT_EQ(renewed.code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE((*first)->lost());
  first->reset();  // must not remove the new holder's lease
  auto holder = find_lease(*store_, "K1");
  ASSERT_TRUE(holder.ok() && holder->has_value());
  EXPECT_EQ((*holder)->owner, (*second)->holder().owner);
}

TEST_P(LeaseTest, RenewPushesTheExpiry) {
  auto first = Lease::acquire(*store_, "K1", "case K1", options());
  ASSERT_TRUE(first.ok());
  now_ = kNoon + 20000;
  ASSERT_TRUE((*first)->renew().ok());
  EXPECT_EQ((*find_lease(*store_, "K1"))->expires_ms, kNoon + 50000);
  now_ = kNoon + 40000;  // past the first expiry, before the renewed one
  EXPECT_EQ(Lease::acquire(*store_, "K1", "case K1", options()).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(LeaseTest, LeaseOfADeadProcessOnThisHostIsTakenOverAtOnce) {
  // A record as a killed process of this host leaves it (pid 1 stands for it: the fake
  // liveness check says it is gone).
  auto mine = Lease::acquire(*store_, "K1", "case K1", options());
  ASSERT_TRUE(mine.ok());
  LeaseHolder held = (*mine)->holder();
  ASSERT_TRUE((*mine)->release().ok());
  nlohmann::json body{
      {"owner", held.host + "/1/x"}, {"host", held.host},     {"pid", 1},
      {"since", held.since},         {"renewed", held.since}, {"expires_ms", kNoon + 30000}};
  put(kLeasesCollection, "K1", body.dump());
  alive_ = true;
  EXPECT_EQ(Lease::acquire(*store_, "K1", "case K1", options()).status().code(),
            StatusCode::kFailedPrecondition);
  alive_ = false;
  EXPECT_TRUE(Lease::acquire(*store_, "K1", "case K1", options()).ok());
}

TEST_P(LeaseTest, LeaseOfAProcessOnAnotherHostWaitsForItsExpiry) {
  alive_ = false;  // the liveness check only speaks for this host
  nlohmann::json body{{"owner", "elsewhere/1/x"},
                      {"host", "elsewhere"},
                      {"pid", 1},
                      {"since", "2026-11-23T11:59:50.000Z"},
                      {"expires_ms", kNoon + 20000}};
  put(kLeasesCollection, "K1", body.dump());
  EXPECT_EQ(Lease::acquire(*store_, "K1", "case K1", options()).status().code(),
            StatusCode::kFailedPrecondition);
  now_ = kNoon + 20000;
  EXPECT_TRUE(Lease::acquire(*store_, "K1", "case K1", options()).ok());
}

TEST_P(LeaseTest, RenewerKeepsALeaseAliveWhileHeld) {
  LeaseOptions o = options();
  o.now_ms = nullptr;  // real time
  o.ttl = 300ms;
  auto lease = Lease::acquire(*store_, "K1", "case K1", o);
  ASSERT_TRUE(lease.ok());
  const std::int64_t first_expiry = (*find_lease(*store_, "K1"))->expires_ms;
  {
    LeaseRenewer renewer(100ms);
    renewer.add(lease->get());
    std::int64_t expiry = first_expiry;
    for (int i = 0; i < 200 && expiry == first_expiry; ++i) {
      std::this_thread::sleep_for(10ms);
      expiry = (*find_lease(*store_, "K1"))->expires_ms;
    }
    EXPECT_GT(expiry, first_expiry);
    renewer.remove(lease->get());
  }
  EXPECT_FALSE((*lease)->lost());
}

INSTANTIATE_TEST_SUITE_P(Backends, LeaseTest, ::testing::ValuesIn(all_backends()), backend_name);

}  // namespace
}  // namespace kontor::store::testing
