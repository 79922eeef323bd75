// The finance agent's supplier ranking over the real reference data, on the authored bottle
// catalog (tests/crew/data/bottles.jsonl) and on the demo marketplace: every supplier × mode
// scored with trade::score_supplier against the brief's deadline and the certifications the
// German market requires (compliance checklist: LFGB, EC 1935/2004), best first.
#include <gtest/gtest.h>

#include <algorithm>

#include "agents_fake_context.h"
#include "crew/sections.h"
#include "crew/supplier_ranking.h"

namespace kontor::crew::testing {
namespace {

FinanceSection run_crew(FakeTaskContext& context) {
  for (const char* agent : {"research", "sourcing", "compliance", "logistics", "finance"}) {
    Status status = run_agent(agent, context);
    EXPECT_TRUE(status.ok()) << agent << ": " << status.to_string();
  }
  auto f = finance_section_from_json(context.body("finance"));
  EXPECT_TRUE(f.ok()) << f.status().to_string();
  return f.ok() ? *f : FinanceSection{};
}

const RankedOption* ranked(const FinanceSection& f, const std::string& supplier,
                           const std::string& mode) {
  for (const auto& r : f.ranking) {
    if (r.supplier_id == supplier && r.mode == mode) return &r;
  }
  return nullptr;
}

TEST(SupplierRankingTest, MarketCertificationsComeFromTheComplianceChecklist) {
  FakeTaskContext context(bottle_brief(), bottle_engines(), test_as_of());
  FinanceSection f = run_crew(context);
  std::vector<std::string> names;
  for (const auto& c : f.required_certifications) names.push_back(c.rule_id + ":" + c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"EU-FCM:EC 1935/2004", "DE-LFGB:LFGB"}));
  EXPECT_GT(f.required_certifications.back().line, 0u);
  EXPECT_NE(f.required_certifications.back().source.find("LFGB"), std::string::npos);
}

bool lacks(const RankedOption& r, const std::string& name) {
  return std::find(r.missing_certifications.begin(), r.missing_certifications.end(), name) !=
         r.missing_certifications.end();
}

// The README goal on the demo marketplace as of 2026-11-23: every option without an LFGB test
// report is flagged, says so against the first, scores fewer certification points, and ranks
// below one that holds it.
TEST(SupplierRankingTest, OptionsWithoutLfgbAreFlaggedAndRankBelowOneWithIt) {
  FakeTaskContext context(bottle_brief(), demo_engines(), Date::from_ymd(2026, 11, 23).value());
  FinanceSection f = run_crew(context);
  ASSERT_FALSE(f.ranking.empty()) << context.body("finance")["notes"].dump();
  const RankedOption& first = f.ranking.front();
  EXPECT_FALSE(lacks(first, "LFGB")) << first.supplier_id;
  int lacking = 0;
  for (const RankedOption& r : f.ranking) {
    if (!lacks(r, "LFGB")) continue;
    ++lacking;
    EXPECT_GT(r.rank, 1);
    EXPECT_NE(std::find(r.flags.begin(), r.flags.end(), "no LFGB certificate or test report"),
              r.flags.end());
    EXPECT_NE(r.versus_first.find("no LFGB certificate or test report"), std::string::npos)
        << r.versus_first;
    EXPECT_LT(r.parts[3].points, first.parts[3].points) << r.supplier_id;
  }
  EXPECT_GT(lacking, 0) << "every shortlisted supplier holds LFGB";
  // No supplier holds the EU food-contact declaration: flagged for the recommended one too,
  // with the task compliance added to request it.
  EXPECT_TRUE(lacks(first, "EC 1935/2004"));
  ASSERT_TRUE(f.recommendation.has_value());
  const std::vector<std::string>& reasons = f.recommendation->reasons;
  EXPECT_NE(std::find(reasons.begin(), reasons.end(),
                      "missing EC 1935/2004: the plan requests the test report (task "
                      "request_evidence." +
                          first.supplier_id + ")"),
            reasons.end());
}

TEST(SupplierRankingTest, OptionThatMissesTheDeadlineRanksBelowOneThatMeetsIt) {
  Brief brief = bottle_brief();
  brief.deadline = Date::from_ymd(2026, 3, 25).value();  // 51 days: air in time, sea not
  FakeTaskContext context(brief, bottle_engines(), test_as_of());
  FinanceSection f = run_crew(context);
  ASSERT_FALSE(f.ranking.empty()) << context.body("finance")["notes"].dump();
  bool late_seen = false, in_time_seen = false;
  for (const RankedOption& r : f.ranking) {
    if (r.meets_deadline) {
      EXPECT_FALSE(late_seen) << r.supplier_id << " " << r.mode << " in time after a late option";
      in_time_seen = true;
    } else {
      late_seen = true;
      EXPECT_EQ(r.standing, "late");
      ASSERT_TRUE(r.slack_days.has_value());
      EXPECT_LT(*r.slack_days, 0);
      EXPECT_EQ(r.parts[1].points, Decimal(0));  // no time points when late
      EXPECT_EQ(r.flags.front(),
                "misses the deadline by " + std::to_string(-*r.slack_days) + " days");
    }
  }
  EXPECT_TRUE(late_seen);
  EXPECT_TRUE(in_time_seen);
  ASSERT_TRUE(f.recommendation.has_value());
  EXPECT_TRUE(f.ranking.front().meets_deadline);
  EXPECT_EQ(f.recommendation->supplier_id, f.ranking.front().supplier_id);
  EXPECT_EQ(f.recommendation->mode, f.ranking.front().mode);
}

TEST(SupplierRankingTest, NoOptionInTimeIsAQuestionOnTheDeadline) {
  Brief brief = bottle_brief();
  brief.deadline = Date::from_ymd(2026, 2, 20).value();  // 18 days: even the fastest is late
  FakeTaskContext context(brief, bottle_engines(), test_as_of());
  FinanceSection f = run_crew(context);
  ASSERT_FALSE(f.ranking.empty()) << context.body("finance")["notes"].dump();
  for (const RankedOption& r : f.ranking) EXPECT_EQ(r.standing, "late") << r.supplier_id;
  ASSERT_TRUE(f.recommendation.has_value());
  EXPECT_EQ(f.recommendation->reasons.front().rfind("no option is in stock by the deadline", 0), 0u)
      << f.recommendation->reasons.front();
  const Question* q = nullptr;
  for (const Question& asked : context.questions) {
    if (asked.id == "finance.deadline") q = &asked;
  }
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->field, "deadline");
  // Answers are dates intake reads: the recommended option's arrival first, then the earliest.
  const LandedCostOption* chosen = find_option(f.options, f.recommendation->supplier_id,
                                               f.recommendation->offer_id, f.recommendation->mode);
  ASSERT_NE(chosen, nullptr);
  ASSERT_FALSE(q->options.empty());
  EXPECT_EQ(q->options.front(), chosen->arrival->to_string());
  for (const auto& o : f.options) EXPECT_LE(q->options.back(), o.arrival->to_string());
}

TEST(SupplierRankingTest, RecommendationExplainsItselfAndItsAlternatives) {
  FakeTaskContext context(bottle_brief(), bottle_engines(), test_as_of());
  FinanceSection f = run_crew(context);
  ASSERT_TRUE(f.recommendation.has_value());
  const Recommendation& r = *f.recommendation;
  ASSERT_TRUE(r.score.has_value());
  EXPECT_EQ(*r.score, f.ranking.front().score);
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_NE(r.reasons.front().find("score " + r.score->to_string() + " of 100"), std::string::npos)
      << r.reasons.front();
  ASSERT_FALSE(r.alternatives.empty());
  for (const Alternative& a : r.alternatives) {
    EXPECT_NE(a.supplier_id, r.supplier_id);
    ASSERT_TRUE(a.score.has_value());
    const RankedOption* o = ranked(f, a.supplier_id, a.mode);
    ASSERT_NE(o, nullptr);
    EXPECT_GT(o->rank, 1);
    EXPECT_EQ(o->score, *a.score);
    EXPECT_EQ(o->versus_first, a.why_not);
    EXPECT_NE(a.why_not.find("score " + a.score->to_string() + " vs " + r.score->to_string()),
              std::string::npos)
        << a.why_not;
  }
  // Every score is the sum of its explained parts.
  for (const RankedOption& o : f.ranking) {
    Decimal sum;
    for (const ScorePartEntry& p : o.parts) {
      sum += p.points;
      EXPECT_FALSE(p.explanation.empty()) << p.name;
    }
    EXPECT_EQ(sum, o.score) << o.supplier_id << " " << o.mode;
  }
}

}  // namespace
}  // namespace kontor::crew::testing
