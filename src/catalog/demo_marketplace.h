// The demo marketplace: a deterministic, seeded, clearly labelled DEMO catalog built from the
// real e-commerce listings of the HSCodeComp benchmark (../shared/bench/hscodecomp/dev.jsonl:
// titles, attributes, category paths with their Chinese names, prices), a few listings the
// project wrote in the same format (data/demo/seed_listings.jsonl), plus generated supplier
// profiles in CN, VN, IN, TR, MX, PL, BD and others, with price tiers, MOQs and lead times in
// plausible ranges for each origin. Suppliers list in their own language where the trade
// glossary can say the product and material in it (zh, vi, tr, es, pt, de, it, fr, ja), often
// beside the original English title. Every record has demo = true and ids start with "DEMO-";
// no supplier is a real company. With no catalog imported, Kontor searches this marketplace.
//
// The same seed and size give byte-identical output on every platform (own PRNG, integer math).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "catalog/catalog.h"
#include "catalog/glossary.h"
#include "core/date.h"
#include "core/status.h"

namespace kontor::catalog {

struct DemoOptions {
  std::int64_t products = 5000;  // 1,000 … 1,000,000; each product gets one offer
  std::uint64_t seed = 20260101;
  std::string listings_path;  // "" = $KONTOR_BENCH_DIR or the default bench dir
  // Listings the project authored in the same format (data/demo/seed_listings.jsonl: everyday
  // import goods such as insulated bottles, which the benchmark listings lack); "" = that file,
  // "-" = none.
  std::string seed_listings_path;
  Date as_of = Date::from_ymd(2026, 1, 1).value();  // offers are valid from here

  // The marketplace as of the first day of `today`'s month: its offers are valid 90–365 days
  // from there, so the demo a user runs never consists of expired offers (the fixed default
  // date above keeps tests and benchmarks deterministic).
  static DemoOptions current(Date today) {
    DemoOptions options;
    options.as_of = Date::from_ymd(today.year(), today.month(), 1).value();
    return options;
  }
};

// The default listings file: $KONTOR_BENCH_DIR/hscodecomp/dev.jsonl, else the compiled default.
std::string default_listings_path();

// Streams the marketplace: suppliers first (all of them), then each product with its offer,
// so a million products need not be held in memory at once.
struct DemoSink {
  std::function<Status(const Supplier&)> supplier;
  std::function<Status(const Product&, const Offer&)> product;
};
Status generate_demo_marketplace(const DemoOptions& options, const Glossary& glossary,
                                 const DemoSink& sink);

// The whole marketplace in memory.
StatusOr<Catalog> demo_marketplace(const DemoOptions& options, const Glossary& glossary);

// What Kontor searches: the stored catalog when one was imported, else the demo marketplace.
StatusOr<Catalog> catalog_or_demo(store::Store* store, const DemoOptions& options,
                                  const Glossary& glossary);

}  // namespace kontor::catalog
