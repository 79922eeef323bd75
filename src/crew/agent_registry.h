// AgentRegistry: agent name → factory. The runner makes a fresh agent for every task attempt,
// so agents may keep per-task state in members without locking. Built-in agents register
// themselves through the crew's agents module; tests and skills may add their own.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "crew/agent.h"

namespace kontor::crew {

class AgentRegistry {
 public:
  using Factory = std::function<std::unique_ptr<Agent>()>;
  // Replaces an agent of the same name.
  void add(std::string name, Factory factory) { factories_[std::move(name)] = std::move(factory); }
  bool contains(const std::string& name) const { return factories_.contains(name); }
  StatusOr<std::unique_ptr<Agent>> make(const std::string& name) const {
    auto it = factories_.find(name);
    if (it == factories_.end()) return not_found("agent '" + name + "': not registered");
    return it->second();
  }
  std::vector<std::string> names() const {
    std::vector<std::string> names;
    for (const auto& [name, factory] : factories_) names.push_back(name);
    return names;
  }

 private:
  std::map<std::string, Factory> factories_;
};

}  // namespace kontor::crew
