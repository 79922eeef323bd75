// `kontor classify`: the HS classification of one listing (title, attributes, category path)
// or of an HSCodeComp JSONL batch, with confidence, rationale and, below the escalation
// threshold, the question that separates the leading candidates.
#include <fmt/core.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "compliance/hs_classifier.h"
#include "compliance/hs_jsonl.h"

namespace kontor::cli {
namespace {

struct ClassifyFlags {
  std::string title, description, attrs, destination = "US", batch, training;
  std::vector<std::string> categories;
  int top = 3;
  bool json_output = false;
};

// The labelled development listings the classifier learns from: --training, else
// $KONTOR_BENCH_DIR, else the bench folder next to the shared reference data.
std::string training_dir(const ClassifyFlags& f) {
  if (!f.training.empty()) return f.training;
  const char* env = std::getenv("KONTOR_BENCH_DIR");
  if (env != nullptr && *env != '\0') return env;
  return refdata::DataPaths::from_environment().shared_dir + "/../bench";
}

// "Home & Garden > Kitchen > Drinkware" (or repeated --category) → broad-to-narrow levels.
std::vector<std::string> category_levels(const std::vector<std::string>& flags) {
  std::vector<std::string> out;
  for (const std::string& flag : flags) {
    std::size_t start = 0;
    while (start <= flag.size()) {
      std::size_t end = flag.find('>', start);
      std::string level = flag.substr(start, end == std::string::npos ? end : end - start);
      level.erase(0, level.find_first_not_of(' '));
      level.erase(level.find_last_not_of(' ') + 1);
      if (!level.empty()) out.push_back(std::move(level));
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return out;
}

StatusOr<compliance::ProductText> product_from(const ClassifyFlags& f) {
  compliance::ProductText p;
  p.title = f.title;
  p.description = f.description;
  p.category_path = category_levels(f.categories);
  if (!f.attrs.empty()) {
    const nlohmann::json j = nlohmann::json::parse(f.attrs, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return invalid_argument("attrs: not a JSON object, e.g. '{\"Material\":\"Plastic\"}'");
    }
    for (const auto& [key, value] : j.items()) {
      p.attributes.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  if (p.title.empty() && p.description.empty() && p.category_path.empty()) {
    return invalid_argument("title: give the listing's title (or --batch FILE.jsonl)");
  }
  return p;
}

// The national line is the US HTS line; no other schedule is mapped yet.
void keep_national_lines_for(std::string_view destination, compliance::Classification& r) {
  if (destination == "US") return;
  for (compliance::HsCandidate& c : r.candidates) {
    c.hs10.clear();
    c.hs10_description.clear();
  }
}

void print_text(const compliance::Classification& r, std::string_view destination) {
  for (std::size_t i = 0; i < r.candidates.size(); ++i) {
    const compliance::HsCandidate& c = r.candidates[i];
    fmt::print("{}. HS {}.{}  confidence {:.0f}%  {}\n", i + 1, c.hs6.substr(0, 4), c.hs6.substr(4),
               100 * c.confidence, c.description);
    if (!c.hs10.empty()) {
      fmt::print("   {} {}: {}\n", destination, c.hs10, c.hs10_description);
    }
    for (const std::string& why : c.rationale) fmt::print("   - {}\n", why);
  }
  if (destination != "US") {
    fmt::print("National line: only the US HTS is mapped; {} gets the HS 6-digit code.\n",
               destination);
  }
  if (r.needs_human) fmt::print("Needs a human: {}\n", r.question.text);
}

int run_classify(Context& context, const ClassifyFlags& f) {
  auto destination = CountryCode::parse(f.destination);
  if (!destination.ok()) return context.fail(destination.status().with_context("destination"));
  if (f.top < 1 || f.top > 20) return context.fail(invalid_argument("top: must be 1 to 20"));
  if (f.batch.empty()) {
    auto product = product_from(f);
    if (!product.ok()) return context.fail(product.status());
  }
  auto data = context.data();
  if (!data.ok()) return context.fail(data.status());
  auto training = compliance::load_development_sets(training_dir(f));
  if (!training.ok()) return context.fail(training.status());
  auto classifier = compliance::HsClassifier::create(**data, std::move(*training));
  if (!classifier.ok()) return context.fail(classifier.status());
  if (!f.batch.empty()) {
    std::ifstream in(f.batch);
    if (!in) return context.fail(not_found("batch: cannot open " + f.batch));
    const Status s = compliance::classify_batch(*classifier, in, f.batch, std::cout, f.top);
    return s.ok() ? 0 : context.fail(s);
  }
  compliance::HsBatchItem item;
  item.product = *product_from(f);
  compliance::Classification r = classifier->classify(item.product, f.top);
  keep_national_lines_for(destination->code(), r);
  if (f.json_output) {
    std::cout << compliance::classification_json_line(item, r) << "\n";
  } else {
    print_text(r, destination->code());
  }
  return 0;
}

}  // namespace

void add_classify_command(CLI::App& app, Context& context, std::function<int()>& run) {
  static ClassifyFlags f;
  CLI::App* cmd = app.add_subcommand(
      "classify", "HS classification of a listing: top candidates with confidence and rationale");
  cmd->add_option("title", f.title, "the listing's title (any language)");
  cmd->add_option("--description", f.description, "the listing's description");
  cmd->add_option("--attrs", f.attrs,
                  "attributes as a JSON object, e.g. '{\"Material\":\"Steel\"}'");
  cmd->add_option("--category", f.categories,
                  "category path, broad to narrow, 'Home & Garden > Drinkware' (repeatable)");
  cmd->add_option("--destination", f.destination,
                  "country of import (ISO alpha-2); US adds the HTS 10-digit line")
      ->capture_default_str();
  cmd->add_option("--top", f.top, "number of candidates")->capture_default_str();
  cmd->add_option("--batch", f.batch,
                  "HSCodeComp JSONL file: one JSON line out per listing (task_id, candidates)");
  cmd->add_option("--training", f.training,
                  "folder of the labelled development sets (default: $KONTOR_BENCH_DIR)");
  cmd->add_flag("--json", f.json_output, "print as JSON");
  cmd->callback([&] { run = [&] { return run_classify(context, f); }; });
}

}  // namespace kontor::cli
