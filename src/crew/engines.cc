#include "crew/engines.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <optional>

#include "compliance/hs_jsonl.h"
#include "core/cache_folder.h"
#include "core/fingerprint.h"
#include "crew/agent_compliance.h"
#include "crew/agent_finance.h"
#include "crew/agent_listing.h"
#include "crew/agent_logistics.h"
#include "crew/agent_negotiation.h"
#include "crew/agent_research.h"
#include "crew/agent_sourcing.h"

namespace kontor::crew {
namespace {

std::string bench_dir(const EngineOptions& options) {
  if (!options.bench_dir.empty()) return options.bench_dir;
  // The demo marketplace's listings file sits in <bench>/hscodecomp/dev.jsonl.
  return std::filesystem::path(catalog::default_listings_path()).parent_path().parent_path();
}

// An optional table: a named file must load; the default file may be absent (a warning).
template <class T, class LoadFile, class LoadDefault>
Status load_optional(const std::string& path, const LoadFile& load_file,
                     const LoadDefault& load_default, std::string_view what,
                     std::unique_ptr<T>& out, std::vector<std::string>& warnings) {
  if (!path.empty()) {
    auto loaded = load_file(path);
    if (!loaded.ok()) return loaded.status().with_context(std::string(what));
    out = std::make_unique<T>(std::move(*loaded));
    return ok_status();
  }
  auto loaded = load_default();
  if (!loaded.ok()) {
    warnings.push_back(std::string(what) + " not loaded: " + loaded.status().to_string());
    return ok_status();
  }
  out = std::make_unique<T>(std::move(*loaded));
  return ok_status();
}

template <class T>
struct Timed {
  StatusOr<T> value;
  std::chrono::microseconds took;
};

std::chrono::microseconds since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start);
}

// Appends the time since the previous mark under a name.
class LoadClock {
 public:
  explicit LoadClock(std::vector<EngineLoadTime>& out) : out_(out) {}
  void mark(std::string what) {
    out_.push_back({std::move(what), since(last_)});
    last_ = std::chrono::steady_clock::now();
  }

 private:
  std::vector<EngineLoadTime>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

constexpr char kClassifierEntry[] = "hs-classifier.bin";

// What the trained classifier is derived from: the program, the model's format and options,
// the files the nomenclature texts come from (as refdata::ReferenceData::load reads them) and
// the training listings. Files only, so that a cached model needs no reference data loaded.
std::string classifier_key(const EngineOptions& options) {
  Fingerprint key;
  key.add(program_identity()).add(compliance::HsClassifier::model_key());
  for (const char* file :
       {"hs2022_harmonized_system.csv", "hs2022_sections.csv", "tariff_us_hts_2024.csv"}) {
    add_file_to_key(key, options.paths.shared_dir + "/" + file);
  }
  if (!options.train_classifier) return key.add("nomenclature only").hex();
  for (const std::string& path : compliance::development_set_paths(bench_dir(options))) {
    add_file_to_key(key, path);
  }
  return key.hex();
}

// The reference data as the classifier's thread receives it from the main thread (null when
// it failed to load).
using ReferenceFuture = std::shared_future<const refdata::ReferenceData*>;

// The classifier from the cache folder when one trained on the same inputs is there (without
// waiting for the reference data), else trained on the reference data and stored there. A
// note says what was done when the cache did not serve.
StatusOr<std::shared_ptr<const compliance::HsClassifier>> train_classifier(
    const EngineOptions& options, const ReferenceFuture& reference,
    std::vector<std::string>& notes) {
  std::string key;
  const CacheFolder cache(options.cache_dir);
  if (!options.cache_dir.empty()) {
    key = classifier_key(options);
    if (std::optional<std::string> blob = cache.read(kClassifierEntry, key)) {
      auto stored = compliance::HsClassifier::from_bytes(*blob);
      if (stored.ok()) return std::make_shared<const compliance::HsClassifier>(std::move(*stored));
      notes.push_back("cached HS classifier unreadable (" + stored.status().to_string() + ")");
    }
  }
  const refdata::ReferenceData* data = reference.get();
  if (data == nullptr) return failed_precondition("HS classifier: no reference data");
  std::vector<compliance::LabeledProduct> training;
  if (options.train_classifier) {
    ASSIGN_OR_RETURN(training, compliance::load_development_sets(bench_dir(options)));
  }
  ASSIGN_OR_RETURN(compliance::HsClassifier classifier,
                   compliance::HsClassifier::create(*data, std::move(training)));
  if (!options.cache_dir.empty()) {
    Status stored = cache.write(kClassifierEntry, key, classifier.to_bytes());
    cache.prune(kClassifierEntry, kClassifierEntry);  // temporaries left by a killed process
    notes.push_back(stored.ok() ? "trained the HS classifier (kept in " + options.cache_dir + ")"
                                : "HS classifier not cached: " + stored.to_string());
  }
  return std::make_shared<const compliance::HsClassifier>(std::move(classifier));
}

// The small tables: glossary and requirements (required), ports, rate card and channel fees
// (optional, see load_engines).
struct Tables {
  std::unique_ptr<catalog::Glossary> glossary_;
  std::unique_ptr<compliance::RequirementsBook> requirements_;
  std::unique_ptr<logistics::PortDirectory> ports_;
  std::unique_ptr<logistics::RateCard> rate_card_;
  std::unique_ptr<trade::ChannelFeeTable> channel_fees_;
  std::vector<std::string> warnings;
};

Status load_tables(const EngineOptions& options, const refdata::ReferenceData& reference,
                   Tables& set) {
  Tables& e = set;
  ASSIGN_OR_RETURN(catalog::Glossary glossary,
                   catalog::Glossary::load(options.paths.repo_dir + "/glossary_trade.tsv"));
  set.glossary_ = std::make_unique<catalog::Glossary>(std::move(glossary));
  ASSIGN_OR_RETURN(compliance::RequirementsBook book,
                   compliance::RequirementsBook::load(options.paths.repo_dir));
  set.requirements_ = std::make_unique<compliance::RequirementsBook>(std::move(book));
  set.requirements_->use_countries(reference.countries);

  const std::string& repo = options.paths.repo_dir;
  if (auto ports = logistics::PortDirectory::load(options.paths); ports.ok()) {
    set.ports_ = std::make_unique<logistics::PortDirectory>(std::move(*ports));
  } else {
    e.warnings.push_back("ports not loaded: " + ports.status().to_string());
  }
  RETURN_IF_ERROR(load_optional<logistics::RateCard>(
      options.rate_card_path, [](const std::string& p) { return logistics::RateCard::load(p); },
      [&] { return logistics::RateCard::load_default(repo); }, "rate card", set.rate_card_,
      e.warnings));
  return load_optional<trade::ChannelFeeTable>(
      options.channel_fees_path,
      [](const std::string& p) { return trade::ChannelFeeTable::load(p); },
      [&] { return trade::ChannelFeeTable::load_default(repo); }, "channel fees", set.channel_fees_,
      e.warnings);
}

}  // namespace

StatusOr<std::unique_ptr<EngineSet>> load_engines(const EngineOptions& options) {
  auto set = std::make_unique<EngineSet>();
  Engines& e = set->engines_;
  LoadClock clock(set->load_times_);
  // The demo marketplace with its search index and the classifier are the slow parts and need
  // nothing from each other: they load on their own threads while this one reads the
  // reference data and the tables. The classifier needs the reference data only to train.
  auto catalog = std::async(std::launch::async, [&options] {
    auto started = std::chrono::steady_clock::now();
    auto opened =
        catalog::CatalogSearch::open_cached(options.store, options.demo, options.cache_dir);
    return Timed<std::unique_ptr<catalog::CatalogSearch>>{std::move(opened), since(started)};
  });
  std::promise<const refdata::ReferenceData*> reference_ready;
  const ReferenceFuture reference_future = reference_ready.get_future().share();
  std::vector<std::string> classifier_notes;  // written by the classifier's thread only
  std::future<Timed<std::shared_ptr<const compliance::HsClassifier>>> classifier;
  if (options.classifier == nullptr) {
    classifier = std::async(std::launch::async, [&options, reference_future, &classifier_notes] {
      auto started = std::chrono::steady_clock::now();
      auto trained = train_classifier(options, reference_future, classifier_notes);
      return Timed<std::shared_ptr<const compliance::HsClassifier>>{std::move(trained),
                                                                    since(started)};
    });
  }
  set->reference_ = options.reference;
  if (set->reference_ == nullptr) {
    auto loaded = refdata::ReferenceData::load(options.paths);
    if (!loaded.ok()) {
      reference_ready.set_value(nullptr);  // the threads finish before the futures go
      return loaded.status();
    }
    set->reference_ = std::move(*loaded);
    clock.mark("reference data");
  }
  reference_ready.set_value(set->reference_.get());
  const refdata::ReferenceData& reference = *set->reference_;
  Tables tables;
  Status tables_loaded = load_tables(options, reference, tables);
  clock.mark("glossary, requirements, ports, rate card, channel fees");

  auto catalog_done = catalog.get();
  set->load_times_.push_back({"catalog and search index (own thread)", catalog_done.took});
  set->classifier_ = options.classifier;
  if (classifier.valid()) {
    auto classifier_done = classifier.get();
    set->load_times_.push_back({"hs classifier (own thread)", classifier_done.took});
    if (!classifier_done.value.ok()) return classifier_done.value.status();
    set->classifier_ = std::move(*classifier_done.value);
  }
  if (!catalog_done.value.ok()) return catalog_done.value.status();
  set->catalog_ = std::move(*catalog_done.value);
  set->cache_notes_ = std::move(classifier_notes);
  if (!options.cache_dir.empty()) {
    if (!set->catalog_->cache_warning().empty()) {
      set->cache_notes_.push_back(set->catalog_->cache_warning());
    } else if (!set->catalog_->index_from_cache()) {
      set->cache_notes_.push_back(std::string("indexed the ") +
                                  (set->catalog_->demo() ? "demo marketplace" : "catalog") +
                                  " for search (kept in " + options.cache_dir + ")");
    }
  }
  RETURN_IF_ERROR(tables_loaded);
  set->glossary_ = std::move(tables.glossary_);
  set->requirements_ = std::move(tables.requirements_);
  set->ports_ = std::move(tables.ports_);
  set->rate_card_ = std::move(tables.rate_card_);
  set->channel_fees_ = std::move(tables.channel_fees_);
  e.warnings = std::move(tables.warnings);
  clock.mark("waiting for the threads");

  e.reference = set->reference_.get();
  e.catalog = set->catalog_.get();
  e.glossary = set->glossary_.get();
  e.requirements = set->requirements_.get();
  e.classifier = set->classifier_.get();
  e.ports = set->ports_.get();
  e.rate_card = set->rate_card_.get();
  e.channel_fees = set->channel_fees_.get();
  e.fx = catalog::fx_lookup(reference.fx);
  return set;
}

const std::vector<std::string_view>& builtin_agent_names() {
  static const std::vector<std::string_view> names = {
      "research", "sourcing", "compliance", "logistics", "finance", "listing", "negotiation"};
  return names;
}

std::unique_ptr<Agent> make_builtin_agent(std::string_view name) {
  if (name == "research") return std::make_unique<ResearchAgent>();
  if (name == "sourcing") return std::make_unique<SourcingAgent>();
  if (name == "compliance") return std::make_unique<ComplianceAgent>();
  if (name == "logistics") return std::make_unique<LogisticsAgent>();
  if (name == "finance") return std::make_unique<FinanceAgent>();
  if (name == "listing") return std::make_unique<ListingAgent>();
  if (name == "negotiation") return std::make_unique<NegotiationAgent>();
  return nullptr;
}

void register_builtin_agents(AgentRegistry& registry) {
  for (std::string_view name : builtin_agent_names()) {
    registry.add(std::string(name), [name] { return make_builtin_agent(name); });
  }
}

}  // namespace kontor::crew
