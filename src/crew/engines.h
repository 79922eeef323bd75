// Engines: the deterministic engines the crew's agents call — reference data, catalog search,
// market requirements, the HS classifier, the trade glossary, ports and rate cards, channel
// fees — loaded once per process and shared read-only by every agent and task (all of them are
// immutable after loading, so parallel tasks need no locks). load_engines() builds an EngineSet
// that owns them; TaskContext::engines() hands agents the Engines view of it.
//
// Built-in agents: register_builtin_agents(registry) adds all of builtin_agent_names();
// make_builtin_agent("sourcing") makes one.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog_search.h"
#include "catalog/demo_marketplace.h"
#include "catalog/glossary.h"
#include "compliance/hs_classifier.h"
#include "compliance/requirements.h"
#include "core/status.h"
#include "crew/agent.h"
#include "crew/agent_registry.h"
#include "logistics/ports.h"
#include "logistics/rate_card.h"
#include "refdata/reference_data.h"
#include "store/store.h"
#include "trade/channel_fees.h"
#include "trade/quote.h"

namespace kontor::crew {

// Read-only views of the loaded engines. Every pointer is non-null in an EngineSet built by
// load_engines() except the optional ones marked so (their agent then says what is missing).
struct Engines {
  const refdata::ReferenceData* reference = nullptr;
  const catalog::CatalogSearch* catalog = nullptr;  // imported catalog or the demo marketplace
  const catalog::Glossary* glossary = nullptr;      // data/glossary_trade.tsv
  const compliance::RequirementsBook* requirements = nullptr;
  const compliance::HsClassifier* classifier = nullptr;
  const logistics::PortDirectory* ports = nullptr;       // optional
  const logistics::RateCard* rate_card = nullptr;        // optional
  const trade::ChannelFeeTable* channel_fees = nullptr;  // optional
  trade::FxLookup fx;  // dated FX over reference->fx (ECB, Fed, HMRC; 45 days max age)
  std::vector<std::string> warnings;  // optional engines that failed to load, and why
};

struct EngineOptions {
  refdata::DataPaths paths = refdata::DataPaths::from_environment();
  std::string bench_dir;          // classifier training sets; "" = $KONTOR_BENCH_DIR or default
  store::Store* store = nullptr;  // catalog store; null or empty = the demo marketplace
  catalog::DemoOptions demo;      // size and seed of the demo marketplace
  std::string rate_card_path;     // "" = data/rate_cards.csv of the repo
  std::string channel_fees_path;  // "" = data/channel_fees.csv of the repo
  bool train_classifier = true;   // false: the classifier learns from the nomenclature alone
  // Folder of derived data (core/cache_folder.h; the CLI passes default_cache_dir()): the
  // trained classifier and the catalog's search index are reused from it when they were
  // derived from the same inputs, else built and stored there. "" = nothing is read or
  // written (--no-retention, tests).
  std::string cache_dir;
  // Use these already-loaded engines instead of loading them again (tests, the server; the
  // classifier takes most of the load time).
  std::shared_ptr<const refdata::ReferenceData> reference;
  std::shared_ptr<const compliance::HsClassifier> classifier;
};

// How long one part of load_engines took (parts on their own threads overlap the others).
struct EngineLoadTime {
  std::string what;
  std::chrono::microseconds took{0};
};

// Owns every engine; Engines points into it. Not movable (the views point at members).
class EngineSet {
 public:
  EngineSet() = default;
  EngineSet(const EngineSet&) = delete;
  EngineSet& operator=(const EngineSet&) = delete;

  const Engines& engines() const { return engines_; }
  std::shared_ptr<const refdata::ReferenceData> shared_reference() const { return reference_; }
  std::shared_ptr<const compliance::HsClassifier> shared_classifier() const { return classifier_; }
  // Where the load spent its time, in order (bench/goal_to_report_bench prints it).
  const std::vector<EngineLoadTime>& load_times() const { return load_times_; }
  // What was built because the cache folder did not have it ("trained the HS classifier",
  // "indexed the demo marketplace") and why a cache could not be used; empty on a warm start.
  const std::vector<std::string>& cache_notes() const { return cache_notes_; }

 private:
  friend StatusOr<std::unique_ptr<EngineSet>> load_engines(const EngineOptions& options);
  std::shared_ptr<const refdata::ReferenceData> reference_;
  std::unique_ptr<catalog::CatalogSearch> catalog_;
  std::unique_ptr<catalog::Glossary> glossary_;
  std::unique_ptr<compliance::RequirementsBook> requirements_;
  std::shared_ptr<const compliance::HsClassifier> classifier_;
  std::unique_ptr<logistics::PortDirectory> ports_;
  std::unique_ptr<logistics::RateCard> rate_card_;
  std::unique_ptr<trade::ChannelFeeTable> channel_fees_;
  Engines engines_;
  std::vector<EngineLoadTime> load_times_;
  std::vector<std::string> cache_notes_;
};

// Loads everything. Required engines (reference data, catalog, glossary, requirements,
// classifier) fail the load with their error; optional ones (ports, rate cards, channel fees)
// become a warning in Engines::warnings, and an explicitly named file that fails is an error.
StatusOr<std::unique_ptr<EngineSet>> load_engines(const EngineOptions& options);

// "research", "sourcing", "compliance", "logistics", "finance", "listing", "negotiation".
const std::vector<std::string_view>& builtin_agent_names();
// A new agent for a built-in name; nullptr for an unknown name.
std::unique_ptr<Agent> make_builtin_agent(std::string_view name);
// Adds every built-in agent to the runtime's registry.
void register_builtin_agents(AgentRegistry& registry);

}  // namespace kontor::crew
