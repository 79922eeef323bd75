#include "policy/audit.h"

#include <gtest/gtest.h>

#include <thread>

#include "../store/store_backends.h"
#include "store/journal.h"

namespace kontor::policy {
namespace {

using nlohmann::json;
using store::testing::BackendTest;

constexpr const char* kAt = "2026-11-23T12:00:00.000Z";

class AuditLogTest : public BackendTest {
 protected:
  void append_three(std::string_view case_id = "K1") {
    AuditLog log(*store_);
    ASSERT_TRUE(
        log.append(case_id, "action.proposed", {{"key", "a1"}, {"kind", "rfq.send"}}, kAt).ok());
    ASSERT_TRUE(log.append(case_id, "action.approved", {{"key", "a1"}, {"by", "human"}}, kAt).ok());
    ASSERT_TRUE(
        log.append(case_id, "action.done", {{"key", "a1"}, {"result", {{"rfq", "R-1"}}}}, kAt)
            .ok());
  }
  std::string raw(std::int64_t seq) {
    auto record = store_->get(audit_collection("K1"), store::journal_key(seq));
    EXPECT_TRUE(record.ok() && *record);
    return (*record)->body;
  }
  void erase(std::int64_t seq) {
    auto txn = store_->begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->erase(audit_collection("K1"), store::journal_key(seq)).ok());
    ASSERT_TRUE((*txn)->commit().ok());
  }
  AuditVerdict verify(std::string_view case_id = "K1") {
    AuditLog log(*store_);
    auto verdict = log.verify(case_id);
    EXPECT_TRUE(verdict.ok()) << verdict.status().to_string();
    return verdict.ok() ? *verdict : AuditVerdict{};
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest,
                         ::testing::ValuesIn(store::testing::all_backends()),
                         store::testing::backend_name);

TEST(AuditEntryTest, HashIsBlake2b256OfTheCanonicalForm) {
  // Expected values computed independently: Python json.dumps(sort_keys, compact, ASCII) and
  // hashlib.blake2b(digest_size=32).
  AuditEntry entry{1,
                   kAt,
                   "K1",
                   "action.approved",
                   json{{"key", "abc"},
                        {"by", "human"},
                        {"note", "Müller"},
                        {"amount", {{"amount", "1200.00"}, {"currency", "EUR"}}}},
                   kGenesisHash,
                   ""};
  EXPECT_EQ(canonical_form(entry),
            R"({"at":"2026-11-23T12:00:00.000Z","body":{"amount":{"amount":"1200.00",)"
            R"("currency":"EUR"},"by":"human","key":"abc","note":"M\u00fcller"},"case":"K1",)"
            R"("kind":"action.approved","prev":")" +
                kGenesisHash + R"(","seq":1})");
  EXPECT_EQ(entry_hash(entry), "df29ab9cc452bcd1b83b0154cbc3601c9d4a16e66a09e8d40b9f9a38cd408554");
}

TEST_P(AuditLogTest, EntriesChainToTheirPredecessor) {
  AuditLog log(*store_);
  auto first = log.append("K1", "task.done", {{"task", "research"}}, kAt);
  auto second = log.append("K1", "task.done", {{"task", "sourcing"}}, kAt);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->seq, 1);
  EXPECT_EQ(first->prev, kGenesisHash);
  EXPECT_EQ(second->seq, 2);
  EXPECT_EQ(second->prev, first->hash);
  auto head = log.head("K1");
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->seq, 2);
  EXPECT_EQ(head->hash, second->hash);
}

TEST_P(AuditLogTest, IntactChainVerifies) {
  append_three();
  AuditVerdict verdict = verify();
  EXPECT_TRUE(verdict.ok) << verdict.problem;
  EXPECT_EQ(verdict.entries, 3);
  AuditLog log(*store_);
  EXPECT_EQ(verdict.head_hash, log.head("K1")->hash);
}

TEST_P(AuditLogTest, EmptyCaseVerifies) {
  AuditVerdict verdict = verify("nothing-here");
  EXPECT_TRUE(verdict.ok);
  EXPECT_EQ(verdict.entries, 0);
}

TEST_P(AuditLogTest, EditedEntryIsNamed) {
  append_three();
  std::string body = raw(2);
  body.replace(body.find("human"), 5, "agent");
  put(audit_collection("K1"), store::journal_key(2), body);
  AuditVerdict verdict = verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad, 2);
  EXPECT_EQ(verdict.problem, "entry 2: content does not match its hash (edited)");
}

TEST_P(AuditLogTest, EditedEntryWithRecomputedHashBreaksTheNextLink) {
  append_three();
  auto entry = audit_entry_from_json(json::parse(raw(2)));
  ASSERT_TRUE(entry.ok());
  entry->body["by"] = "agent";
  entry->hash = entry_hash(*entry);
  put(audit_collection("K1"), store::journal_key(2), to_json(*entry).dump());
  AuditVerdict verdict = verify();
  EXPECT_EQ(verdict.first_bad, 3);
  EXPECT_EQ(verdict.problem,
            "entry 3: does not follow entry 2 (inserted, reordered, or the one before replaced)");
}

TEST_P(AuditLogTest, DeletedEntryIsNamed) {
  append_three();
  erase(2);
  AuditVerdict verdict = verify();
  EXPECT_EQ(verdict.first_bad, 2);
  EXPECT_EQ(verdict.problem, "entry 2: missing (deleted); the next entry is 3");
}

TEST_P(AuditLogTest, DeletedLastEntryIsNamedFromTheHead) {
  append_three();
  erase(3);
  AuditVerdict verdict = verify();
  EXPECT_EQ(verdict.first_bad, 3);
  EXPECT_EQ(verdict.problem, "entry 3: missing (deleted); the head says the log ends at 3");
}

TEST_P(AuditLogTest, InsertedEntryAtTheEndIsNamed) {
  append_three();
  AuditEntry forged{4, kAt, "K1", "action.approved", {{"key", "a2"}, {"by", "human"}}, "", ""};
  forged.prev = json::parse(raw(3)).at("hash").get<std::string>();
  forged.hash = entry_hash(forged);  // a well-formed entry; only the head gives it away
  put(audit_collection("K1"), store::journal_key(4), to_json(forged).dump());
  AuditVerdict verdict = verify();
  EXPECT_EQ(verdict.first_bad, 4);
  EXPECT_EQ(verdict.problem, "entry 4: after the recorded end 3 (inserted)");
}

TEST_P(AuditLogTest, InsertedEntryInTheMiddleIsNamed) {
  append_three();
  // Shift 3 to 4 and put a forged entry at 3 that links correctly to 2.
  put(audit_collection("K1"), store::journal_key(4), raw(3));
  AuditEntry forged{3, kAt, "K1", "action.approved", {{"key", "a2"}, {"by", "human"}}, "", ""};
  forged.prev = json::parse(raw(2)).at("hash").get<std::string>();
  forged.hash = entry_hash(forged);
  put(audit_collection("K1"), store::journal_key(3), to_json(forged).dump());
  AuditVerdict verdict = verify();
  EXPECT_EQ(verdict.first_bad, 4);
  EXPECT_EQ(verdict.problem,
            "entry 4: stored at position 4 but numbered 3 (reordered or inserted)");
}

TEST_P(AuditLogTest, ReorderedEntriesAreNamed) {
  append_three();
  const std::string second = raw(2), third = raw(3);
  put(audit_collection("K1"), store::journal_key(2), third);
  put(audit_collection("K1"), store::journal_key(3), second);
  AuditVerdict verdict = verify();
  EXPECT_EQ(verdict.first_bad, 2);
  EXPECT_EQ(verdict.problem,
            "entry 2: stored at position 2 but numbered 3 (reordered or inserted)");
}

TEST_P(AuditLogTest, DeletedHeadIsNamed) {
  append_three();
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->erase(kAuditHeadCollection, "K1").ok());
  ASSERT_TRUE((*txn)->commit().ok());
  AuditVerdict verdict = verify();
  EXPECT_EQ(verdict.first_bad, 3);
  EXPECT_EQ(verdict.problem, "entry 3: the head record is missing (deleted)");
}

TEST_P(AuditLogTest, CasesHaveSeparateChains) {
  append_three("K1");
  append_three("K2");
  erase(2);
  EXPECT_FALSE(verify("K1").ok);
  EXPECT_TRUE(verify("K2").ok);
  AuditLog log(*store_);
  EXPECT_EQ(*log.cases(), (std::vector<std::string>{"K1", "K2"}));
}

TEST_P(AuditLogTest, InvalidUtf8InABodyIsStoredReplacedAndVerifies) {
  AuditLog log(*store_);
  auto entry = log.append("K1", "question.answered", {{"answer", std::string("M\xfcller")}}, kAt);
  ASSERT_TRUE(entry.ok()) << entry.status().to_string();
  EXPECT_EQ(entry->body["answer"], "M\xef\xbf\xbdller");  // U+FFFD
  EXPECT_TRUE(verify().ok);
}

TEST_P(AuditLogTest, RejectsABodyThatIsNotAnObject) {
  AuditLog log(*store_);
  auto entry = log.append("K1", "task.done", json::array(), kAt);
  EXPECT_EQ(entry.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(entry.status().message(), "audit: body of 'task.done' is not a JSON object");
}

TEST_P(AuditLogTest, ParallelAppendersNeverShareASeq) {
  auto run = [&](std::string who) {
    AuditLog log(*store_);  // one log per thread: contention is resolved by the store
    for (int i = 0; i < 25; ++i) {
      auto entry = log.append("K1", "task.done", {{"by", who}, {"i", i}}, kAt);
      ASSERT_TRUE(entry.ok()) << entry.status().to_string();
    }
  };
  std::thread a(run, "a"), b(run, "b");
  a.join();
  b.join();
  AuditVerdict verdict = verify();
  EXPECT_TRUE(verdict.ok) << verdict.problem;
  EXPECT_EQ(verdict.entries, 50);
}

}  // namespace
}  // namespace kontor::policy
