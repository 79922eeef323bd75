#include "policy/audit_observer.h"

#include <gtest/gtest.h>

#include <vector>

#include "crew/case.h"
#include "store/journal.h"
#include "store/memory/memory_store.h"

namespace kontor::policy {
namespace {

using nlohmann::json;

constexpr const char* kAt = "2026-11-23T12:00:00.000Z";

class AuditObserverTest : public ::testing::Test {
 protected:
  AuditObserverTest() : store_(store::open_memory_store()), journal_(*store_, "K1") {
    state_.case_id = "K1";
  }
  // Appends an event to the journal (as the runner does) and returns it.
  store::JournalEvent journal(std::string type, json data) {
    auto txn = store_->begin();
    EXPECT_TRUE(txn.ok());
    auto event = journal_.append(**txn, std::move(type), std::move(data), kAt);
    EXPECT_TRUE(event.ok());
    EXPECT_TRUE((*txn)->commit().ok());
    return *event;
  }
  std::vector<AuditEntry> entries() {
    std::vector<AuditEntry> out;
    AuditLog log(*store_);
    EXPECT_TRUE(log.read("K1",
                         [&](const AuditEntry& e) {
                           out.push_back(e);
                           return ok_status();
                         })
                    .ok());
    return out;
  }

  std::unique_ptr<store::Store> store_;
  store::Journal journal_;
  crew::CaseState state_;
};

TEST_F(AuditObserverTest, ActionEventsBecomeEntriesWithTheirKind) {
  AuditObserver observer(*store_);
  json action{{"kind", "payment.deposit"},
              {"counterparty", "SUP-CN-NB"},
              {"amount", {{"amount", "2520.00"}, {"currency", "USD"}}}};
  observer.on_event(journal("action.proposed", {{"key", "k1"},
                                                {"task", "negotiation"},
                                                {"kind", "payment.deposit"},
                                                {"action", action}}),
                    state_);
  state_.actions.push_back({"k1", "negotiation", "payment.deposit", store::ActionState::kProposed});
  observer.on_event(journal("action.approved", {{"key", "k1"}, {"by", "human"}, {"reason", "ok"}}),
                    state_);
  ASSERT_TRUE(observer.status().ok()) << observer.status().to_string();
  std::vector<AuditEntry> got = entries();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, "action.proposed");
  EXPECT_EQ(got[0].body["action"]["amount"]["amount"], "2520.00");
  EXPECT_EQ(got[0].body["journal_seq"], 1);
  EXPECT_EQ(got[1].kind, "action.approved");
  EXPECT_EQ(got[1].body["by"], "human");
  EXPECT_EQ(got[1].body["action_kind"], "payment.deposit");
}

TEST_F(AuditObserverTest, SectionEntriesListTheProvenanceOfTheirFigures) {
  json duty_source{{"source", "eu_cet_2020"},
                   {"file", "tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv"},
                   {"line", 8123},
                   {"key", "9617.00.00"},
                   {"text", "6.7%"}};
  json fx_source{
      {"source", "ecb"}, {"file", "fx_ecb_eurofxref_hist.csv"}, {"line", 2}, {"key", "EUR/USD"}};
  json body{{"options", json::array({{{"duty", {{"provenance", duty_source}}},
                                      {"fx", {{"provenance", fx_source}}}},
                                     {{"duty", {{"provenance", duty_source}}}}})}};
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)
                  ->put(crew::sections_collection("K1"), "finance",
                        json{{"body", body}, {"writer", "finance"}, {"at", kAt}}.dump())
                  .ok());
  ASSERT_TRUE((*txn)->commit().ok());
  AuditObserver observer(*store_);
  observer.on_event(
      journal("section.written", {{"section", "finance"}, {"task", "finance"}, {"version", 1}}),
      state_);
  std::vector<AuditEntry> got = entries();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].body["writer"], "finance");
  EXPECT_EQ(got[0].body["sources"], json::array({duty_source, fx_source}));
}

TEST_F(AuditObserverTest, EventsMissedByACrashAreFilledInFromTheJournal) {
  journal("task.started", {{"task", "research"}});
  journal("task.done", {{"task", "research"}});  // committed, then the process died
  AuditObserver observer(*store_);               // the resumed process
  observer.on_event(journal("case.resumed", json::object()), state_);
  std::vector<AuditEntry> got = entries();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].kind, "task.started");
  EXPECT_EQ(got[1].kind, "task.done");
  EXPECT_EQ(got[2].kind, "case.resumed");
  AuditLog log(*store_);
  EXPECT_EQ(log.head("K1")->journal_seq, 3);
  EXPECT_TRUE(log.verify("K1")->ok);
}

TEST_F(AuditObserverTest, AnEventSeenTwiceIsAuditedOnce) {
  AuditObserver observer(*store_);
  store::JournalEvent event = journal("task.done", {{"task", "research"}});
  observer.on_event(event, state_);
  observer.on_event(event, state_);
  EXPECT_EQ(entries().size(), 1u);
}

}  // namespace
}  // namespace kontor::policy
