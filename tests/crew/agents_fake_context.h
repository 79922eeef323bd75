// FakeTaskContext: an in-memory TaskContext for agent tests (sections with versions, recorded
// questions, proposed actions and added tasks), and the engines loaded once per test binary
// from the real reference data and the demo marketplace.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/types.h"
#include "crew/agent.h"
#include "crew/engines.h"
#include "store/memory/memory_store.h"

namespace kontor::crew::testing {

class FakeTaskContext final : public TaskContext {
 public:
  FakeTaskContext(Brief brief, const Engines& engines, Date as_of)
      : brief_(std::move(brief)), engines_(engines), as_of_(as_of) {}

  const Brief& brief() const override { return brief_; }
  const Engines& engines() const override { return engines_; }
  Date as_of() const override { return as_of_; }
  StatusOr<Section> read(std::string_view name) override {
    auto it = sections_.find(std::string(name));
    if (it == sections_.end()) return Section{};
    return it->second;
  }
  Status write(std::string_view name, const nlohmann::json& body,
               std::int64_t expected_version) override {
    Section& s = sections_[std::string(name)];
    if (s.version != expected_version) return aborted("conflict on " + std::string(name));
    s.body = body;
    ++s.version;
    return ok_status();
  }
  Status add_task(const TaskSpec& task) override {
    for (const auto& t : tasks) {
      if (t.id == task.id) return ok_status();
    }
    tasks.push_back(task);
    return ok_status();
  }
  Status ask(const Question& question) override {
    questions.push_back(question);
    return ok_status();
  }
  Status propose(const ProposedAction& action) override {
    actions.push_back(action);
    return ok_status();
  }
  void progress(std::int64_t, std::int64_t, std::string_view) override {}

  nlohmann::json body(const std::string& name) const {
    auto it = sections_.find(name);
    return it == sections_.end() ? nlohmann::json() : it->second.body;
  }
  std::int64_t version(const std::string& name) const {
    auto it = sections_.find(name);
    return it == sections_.end() ? 0 : it->second.version;
  }

  std::vector<Question> questions;
  std::vector<ProposedAction> actions;
  std::vector<TaskSpec> tasks;

 private:
  Brief brief_;
  const Engines& engines_;
  Date as_of_;
  std::map<std::string, Section> sections_;
};

inline std::unique_ptr<EngineSet> must_load(const EngineOptions& options) {
  auto loaded = load_engines(options);
  if (!loaded.ok()) {
    fprintf(stderr, "load_engines: %s\n", loaded.status().to_string().c_str());
    std::abort();
  }
  return std::move(*loaded);
}

// The engines over the real reference data and the demo marketplace, loaded on first use and
// kept for the whole binary.
inline const EngineSet& demo_engine_set() {
  static std::unique_ptr<EngineSet> set = must_load(EngineOptions{});
  return *set;
}
inline const Engines& demo_engines() { return demo_engine_set().engines(); }

// The same engines over a small authored catalog of insulated bottles (tests/crew/data/
// bottles.jsonl: suppliers in CN, VN, TR and IN), since the demo marketplace, built from the
// HSCodeComp listings, sells no bottles.
inline const Engines& bottle_engines() {
  static std::unique_ptr<store::Store> store = [] {
    auto s = store::open_memory_store();
    auto imported =
        catalog::import_files(*s, {std::string(KONTOR_TEST_DIR) + "/data/bottles.jsonl"});
    if (!imported.ok()) {
      fprintf(stderr, "import: %s\n", imported.status().to_string().c_str());
      std::abort();
    }
    return s;
  }();
  static std::unique_ptr<EngineSet> set = [] {
    EngineOptions options;
    options.store = store.get();
    options.reference = demo_engine_set().shared_reference();
    options.classifier = demo_engine_set().shared_classifier();
    return must_load(options);
  }();
  return set->engines();
}

inline Money money(const char* amount, const char* code) {
  return Money(Decimal::parse(amount).value(), catalog::currency_from_code(code).value());
}

// "2000 insulated stainless steel bottles for Germany, retail 24.99 EUR, by 2027-03-01".
inline Brief bottle_brief() {
  Brief b;
  b.goal = "2000 insulated stainless steel bottles for Germany, retail 24.99 EUR, by 2027-03-01";
  b.language = "en";
  b.product = "insulated stainless steel bottles";
  b.quantity = Quantity(Decimal(2000), Unit::kPiece);
  b.destination = CountryCode::parse("DE").value();
  b.target_retail_price = money("24.99", "EUR");
  b.deadline = Date::from_ymd(2027, 3, 1).value();
  b.channels = {SalesChannel::kAmazon};
  return b;
}

// The case date of the tests: the demo marketplace's offers are valid from 2026-01-01.
inline Date test_as_of() { return Date::from_ymd(2026, 2, 2).value(); }

inline TaskSpec task_for(const std::string& agent) {
  TaskSpec t;
  t.id = agent;
  t.agent = agent;
  return t;
}

// Runs one built-in agent on the context; fails the test on error.
inline Status run_agent(const std::string& name, FakeTaskContext& context,
                        const TaskSpec* task = nullptr) {
  auto agent = make_builtin_agent(name);
  if (agent == nullptr) return not_found(name);
  TaskSpec spec = task != nullptr ? *task : task_for(name);
  return agent->run(spec, context);
}

}  // namespace kontor::crew::testing
