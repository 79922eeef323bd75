// Small agents with one trivial job each, for the runner tests (the real agents live in
// crew/agents/ and need engines).
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "core/decimal.h"
#include "core/money.h"
#include "crew/agent.h"
#include "crew/agent_registry.h"

namespace kontor::crew::testing {

// Writes section params.section (default: the task id) = {"by": task, "after": {dep: its
// "by" field}}: deterministic, and shows that the dependencies' sections were readable.
class WriterAgent final : public Agent {
 public:
  std::string_view name() const override { return "writer"; }
  Status run(const TaskSpec& task, TaskContext& context) override {
    nlohmann::json inputs = nlohmann::json::object();
    for (const std::string& dep : task.after) {
      ASSIGN_OR_RETURN(Section section, context.read(dep));
      inputs[dep] = section.version == 0 ? nlohmann::json(nullptr)
                                         : nlohmann::json(section.body.value("by", ""));
    }
    const std::string section = task.params.value("section", task.id);
    ASSIGN_OR_RETURN(Section current, context.read(section));
    context.progress(1, 1, "written");
    return context.write(section, {{"by", task.id}, {"after", inputs}}, current.version);
  }
};

// Adds one to section "counter" params.times times through update_section().
class CounterAgent final : public Agent {
 public:
  std::string_view name() const override { return "counter"; }
  Status run(const TaskSpec& task, TaskContext& context) override {
    int times = task.params.value("times", 1);
    for (int i = 0; i < times; ++i) {
      RETURN_IF_ERROR(update_section(
          context, "counter",
          [](nlohmann::json& body) {
            body["n"] = body.value("n", 0) + 1;
            return ok_status();
          },
          1000));
    }
    return ok_status();
  }
};

// A rendezvous for `parties` tasks; fails (instead of hanging) if they never all arrive,
// which only happens when the tasks were not run at the same time.
class Rendezvous {
 public:
  explicit Rendezvous(int parties) : parties_(parties) {}
  bool arrive_and_wait() {
    std::unique_lock lock(mutex_);
    if (++arrived_ == parties_) all_.notify_all();
    return all_.wait_for(lock, std::chrono::seconds(30), [&] { return arrived_ >= parties_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable all_;
  int parties_;
  int arrived_ = 0;
};

class RendezvousAgent final : public Agent {
 public:
  explicit RendezvousAgent(Rendezvous* rendezvous) : rendezvous_(rendezvous) {}
  std::string_view name() const override { return "rendezvous"; }
  Status run(const TaskSpec& task, TaskContext& context) override {
    if (!rendezvous_->arrive_and_wait()) return unavailable(task.id + ": others never arrived");
    return context.write(task.id, {{"met", true}}, 0);
  }

 private:
  Rendezvous* rendezvous_;
};

// Asks params.question; once answered, writes the answer into its section.
class AskingAgent final : public Agent {
 public:
  std::string_view name() const override { return "asking"; }
  Status run(const TaskSpec& task, TaskContext& context) override {
    const std::string id = task.params.value("question", "q1");
    ASSIGN_OR_RETURN(Section answers, context.read("answers"));
    if (!answers.body.contains(id)) {
      return context.ask(Question{id, "hs_code", "Which HS code?", {"961700", "732393"}, task.id});
    }
    ASSIGN_OR_RETURN(Section mine, context.read(task.id));
    return context.write(task.id, {{"answer", answers.body[id]}}, mine.version);
  }
};

// Proposes an RFQ (no amount: runs at once) and a deposit (an amount: waits for approval).
class ProposingAgent final : public Agent {
 public:
  std::string_view name() const override { return "proposing"; }
  Status run(const TaskSpec& task, TaskContext& context) override {
    ProposedAction rfq{"rfq.send",        "SUP-1", std::nullopt, "RFQ-1", {{"quantity", "2000"}},
                       "best landed cost"};
    RETURN_IF_ERROR(context.propose(rfq));
    if (task.params.value("deposit", false)) {
      ProposedAction deposit{"payment.deposit",
                             "SUP-1",
                             Money(*Decimal::parse("1200.00"), *Currency::make("EUR", 2)),
                             "PO-1",
                             {},
                             "30% deposit"};
      RETURN_IF_ERROR(context.propose(deposit));
    }
    ASSIGN_OR_RETURN(Section mine, context.read(task.id));
    return context.write(task.id, {{"proposed", true}}, mine.version);
  }
};

// Adds task params.add (agent writer, after this task).
class AddingAgent final : public Agent {
 public:
  std::string_view name() const override { return "adding"; }
  Status run(const TaskSpec& task, TaskContext& context) override {
    RETURN_IF_ERROR(context.add_task(TaskSpec{
        task.params.value("add", "extra"), "writer", {task.id}, {}, "Added while running"}));
    ASSIGN_OR_RETURN(Section mine, context.read(task.id));
    return context.write(task.id, {{"added", task.params.value("add", "extra")}}, mine.version);
  }
};

class FailingAgent final : public Agent {
 public:
  std::string_view name() const override { return "failing"; }
  Status run(const TaskSpec&, TaskContext&) override {
    return failed_precondition("no supplier matches");
  }
};

inline AgentRegistry toy_registry(Rendezvous* rendezvous = nullptr) {
  AgentRegistry registry;
  registry.add("writer", [] { return std::make_unique<WriterAgent>(); });
  registry.add("counter", [] { return std::make_unique<CounterAgent>(); });
  registry.add("asking", [] { return std::make_unique<AskingAgent>(); });
  registry.add("proposing", [] { return std::make_unique<ProposingAgent>(); });
  registry.add("adding", [] { return std::make_unique<AddingAgent>(); });
  registry.add("failing", [] { return std::make_unique<FailingAgent>(); });
  registry.add("rendezvous",
               [rendezvous] { return std::make_unique<RendezvousAgent>(rendezvous); });
  return registry;
}

inline TaskSpec task(std::string id, std::string agent, std::vector<std::string> after = {},
                     nlohmann::json params = nlohmann::json::object()) {
  return TaskSpec{std::move(id), std::move(agent), std::move(after), std::move(params), ""};
}

}  // namespace kontor::crew::testing
