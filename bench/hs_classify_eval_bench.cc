// HS classification benchmark (issue 4): k-fold cross-validation on the HSCodeComp development
// set (316 listings) and the ATLAS CROSS-rulings validation set (200 rulings). For each fold of
// one set the classifier learns from the other folds of that set plus the whole other set, and
// is scored only on the held-out fold. Prints accuracy at 2/4/6/8/10 digits, HS6 top-3, the
// coverage/precision curve of the calibrated confidence, calibration error and the latency per
// item. An ATLAS ruling naming several codes counts as right when any of them matches. Then
// each set is scored by the model trained on all of the other set alone. The folds are fixed:
// item i is in fold i mod N, in file order.
//
//   hs_classify_eval_bench [--folds 5] [--grid [--only NAME]] [--nomenclature-only]
//                          [--calibration-features 1|2|3]
//                          [--data DIR] [--bench DIR]
//   hs_classify_eval_bench --show TITLE [--attr KEY VALUE]... [--category NAME]...
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

#include "compliance/hs_jsonl.h"
#include "compliance/hs_model.h"
#include "refdata/reference_data.h"

using namespace kontor;
using namespace kontor::compliance;

namespace {

struct Outcome {
  int correct_digits[5] = {0, 0, 0, 0, 0};  // 2, 4, 6, 8, 10
  bool top3 = false;
  double confidence = 0;
  bool needs_human = false;
  double micros = 0;
};

bool prefix_matches(const std::string& predicted, const std::vector<std::string>& gold,
                    std::size_t digits) {
  if (predicted.size() < digits) return false;
  for (const std::string& g : gold) {
    if (g.size() >= digits && g.compare(0, digits, predicted, 0, digits) == 0) return true;
  }
  return false;
}

Outcome judge(const Classification& r, const std::vector<std::string>& gold) {
  Outcome o;
  if (r.candidates.empty()) return o;
  const HsCandidate& top = r.candidates[0];
  const std::string code = top.hs10.empty() ? top.hs6 : top.hs10;
  const std::size_t digits[5] = {2, 4, 6, 8, 10};
  for (int i = 0; i < 5; ++i) o.correct_digits[i] = prefix_matches(code, gold, digits[i]);
  for (std::size_t i = 0; i < r.candidates.size() && i < 3; ++i) {
    o.top3 |= prefix_matches(r.candidates[i].hs6, gold, 6);
  }
  o.confidence = top.confidence;
  o.needs_human = r.needs_human;
  return o;
}

std::vector<Outcome> cross_validate(std::shared_ptr<const NomenclatureIndex> index,
                                    const std::vector<HsBatchItem>& target,
                                    const std::vector<LabeledProduct>& other, int folds,
                                    const HsModelOptions& options, bool use_training) {
  std::vector<Outcome> outcomes;
  for (int f = 0; f < folds; ++f) {
    std::vector<LabeledProduct> train;
    if (use_training) {
      train = other;
      for (std::size_t i = 0; i < target.size(); ++i) {
        if (static_cast<int>(i % folds) != f && !target[i].gold_codes.empty()) {
          train.push_back({target[i].product, target[i].gold_codes});
        }
      }
    }
    HsClassifier classifier = classifier_from_index(index, train, options);
    for (std::size_t i = f; i < target.size(); i += folds) {
      const auto start = std::chrono::steady_clock::now();
      Classification r = classifier.classify(target[i].product, 3);
      const auto end = std::chrono::steady_clock::now();
      Outcome o = judge(r, target[i].gold_codes);
      if (std::getenv("HS_DEBUG") && !r.candidates.empty()) {
        std::printf("%s | gold %s | %s %.2f | %s\n", o.correct_digits[2] ? "OK " : "BAD",
                    target[i].gold_codes[0].c_str(), r.candidates[0].hs6.c_str(),
                    r.candidates[0].confidence, target[i].product.title.substr(0, 90).c_str());
        if (std::string(std::getenv("HS_DEBUG")) == "2") {
          for (const auto& line : r.candidates[0].rationale)
            std::printf("      %s\n", line.c_str());
        }
      }
      o.micros = std::chrono::duration<double, std::micro>(end - start).count();
      outcomes.push_back(o);
    }
  }
  return outcomes;
}

void report(const char* name, std::vector<Outcome> outcomes, double threshold,
            const char* how = "held-out folds only") {
  const double n = static_cast<double>(outcomes.size());
  double digits[5] = {0, 0, 0, 0, 0}, top3 = 0;
  std::vector<double> micros;
  for (const Outcome& o : outcomes) {
    for (int i = 0; i < 5; ++i) digits[i] += o.correct_digits[i];
    top3 += o.top3;
    micros.push_back(o.micros);
  }
  std::sort(micros.begin(), micros.end());
  std::printf("\n%s (n = %zu, %s)\n", name, outcomes.size(), how);
  std::printf(
      "  top-1 accuracy  2-digit %.1f%%  4-digit %.1f%%  6-digit %.1f%%  8-digit %.1f%%  "
      "10-digit %.1f%%\n",
      100 * digits[0] / n, 100 * digits[1] / n, 100 * digits[2] / n, 100 * digits[3] / n,
      100 * digits[4] / n);
  std::printf("  HS6 top-3 accuracy %.1f%%\n", 100 * top3 / n);
  std::sort(outcomes.begin(), outcomes.end(),
            [](const Outcome& a, const Outcome& b) { return a.confidence > b.confidence; });
  std::printf("  coverage/precision of the confidence (HS6):\n");
  for (double t : {0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.0}) {
    int accepted = 0, right = 0;
    for (const Outcome& o : outcomes) {
      if (o.confidence >= t) {
        ++accepted;
        right += o.correct_digits[2];
      }
    }
    std::printf("    confidence >= %.2f%s: coverage %5.1f%%  precision %5.1f%%\n", t,
                t == threshold ? " (default threshold)" : "", 100.0 * accepted / n,
                accepted ? 100.0 * right / accepted : 0.0);
  }
  double ece = 0;
  for (int b = 0; b < 10; ++b) {
    double conf = 0, acc = 0;
    int count = 0;
    for (const Outcome& o : outcomes) {
      if (std::min(static_cast<int>(o.confidence * 10), 9) != b) continue;
      conf += o.confidence;
      acc += o.correct_digits[2];
      ++count;
    }
    if (count) ece += std::abs(conf - acc) / n;
  }
  int escalated = 0;
  for (const Outcome& o : outcomes) escalated += o.needs_human;
  std::printf("  expected calibration error %.3f; escalated to a human %.1f%%\n", ece,
              100.0 * escalated / n);
  std::printf("  latency per item: mean %.2f ms, median %.2f ms, p99 %.2f ms\n",
              std::accumulate(micros.begin(), micros.end(), 0.0) / n / 1000,
              micros[micros.size() / 2] / 1000, micros[micros.size() * 99 / 100] / 1000);
}

// The model trained on all of one set, scored on all of the other (a truly unseen set: other
// sources, other wording, no category paths in ATLAS).
std::vector<Outcome> cross_set(std::shared_ptr<const NomenclatureIndex> index,
                               const std::vector<HsBatchItem>& target,
                               const std::vector<LabeledProduct>& train,
                               const HsModelOptions& options) {
  HsClassifier classifier = classifier_from_index(index, train, options);
  std::vector<Outcome> outcomes;
  for (const HsBatchItem& item : target) {
    const auto start = std::chrono::steady_clock::now();
    Classification r = classifier.classify(item.product, 3);
    const auto end = std::chrono::steady_clock::now();
    Outcome o = judge(r, item.gold_codes);
    o.micros = std::chrono::duration<double, std::micro>(end - start).count();
    outcomes.push_back(o);
  }
  return outcomes;
}

double hs6_accuracy(const std::vector<Outcome>& v, bool top3) {
  double s = 0;
  for (const Outcome& o : v) s += top3 ? o.top3 : o.correct_digits[2];
  return 100 * s / static_cast<double>(v.size());
}

}  // namespace

int main(int argc, char** argv) {
  int folds = 5;
  bool grid = false, nomenclature_only = false;
  int calibration_features = HsModelOptions{}.calibration_features;
  std::string only;  // --only TEXT: grid variants whose name contains TEXT
  HsBatchItem show;  // --show: classify one listing and print its JSON line
  refdata::DataPaths paths = refdata::DataPaths::from_environment();
  std::string bench_dir = KONTOR_DEFAULT_BENCH_DIR;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--folds" && i + 1 < argc)
      folds = std::max(2, std::atoi(argv[++i]));
    else if (arg == "--grid")
      grid = true;
    else if (arg == "--calibration-features" && i + 1 < argc)
      calibration_features = std::atoi(argv[++i]);
    else if (arg == "--only" && i + 1 < argc)
      only = argv[++i];
    else if (arg == "--nomenclature-only")
      nomenclature_only = true;
    else if (arg == "--data" && i + 1 < argc)
      paths.shared_dir = argv[++i];
    else if (arg == "--bench" && i + 1 < argc)
      bench_dir = argv[++i];
    else if (arg == "--show" && i + 1 < argc)
      show.product.title = argv[++i];
    else if (arg == "--category" && i + 1 < argc)
      show.product.category_path.push_back(argv[++i]);
    else if (arg == "--attr" && i + 2 < argc) {
      show.product.attributes.emplace_back(argv[i + 1], argv[i + 2]);
      i += 2;
    }
  }
  auto data = refdata::ReferenceData::load(paths);
  if (!data.ok()) {
    std::fprintf(stderr, "reference data: %s\n", data.status().message().c_str());
    return 1;
  }
  if (!show.product.title.empty()) {
    auto training = load_development_sets(bench_dir);
    if (!training.ok()) return 1;
    auto classifier = HsClassifier::create(**data, std::move(*training));
    if (!classifier.ok()) return 1;
    const Classification r = classifier->classify(show.product, 3);
    std::printf("%s\n", classification_json_line(show, r).c_str());
    return 0;
  }
  auto hscc = read_hscodecomp_jsonl(bench_dir + "/hscodecomp/dev.jsonl");
  auto atlas = read_atlas_jsonl(bench_dir + "/atlas_cross_rulings/atlas_validation.jsonl");
  if (!hscc.ok() || !atlas.ok()) {
    std::fprintf(stderr, "bench data: %s %s\n", hscc.status().message().c_str(),
                 atlas.status().message().c_str());
    return 1;
  }
  const HsTexts texts = hs_texts_from(**data);
  HsModelOptions options;
  options.calibration_features = std::clamp(calibration_features, 1, 3);
  auto index = build_index(texts, options);
  const auto hscc_labeled = to_labeled(*hscc), atlas_labeled = to_labeled(*atlas);
  if (grid) {
    std::vector<std::pair<std::string, HsModelOptions>> variants;
    auto add = [&](std::string name, auto change) {
      if (!only.empty() && name != "default" && name.find(only) == std::string::npos) return;
      HsModelOptions o = options;
      o.calibration_folds = 0;
      change(o);
      variants.emplace_back(std::move(name), o);
    };
    add("default", [](HsModelOptions&) {});
    for (double v : {0.3, 0.75, 1.0})
      add("bm25_b " + std::to_string(v), [v](auto& o) { o.bm25_b = v; });
    for (double v : {0.5, 5.0})
      add("listing_reliability " + std::to_string(v), [v](auto& o) { o.listing_reliability = v; });
    for (double v : {0.8, 2.0})
      add("bm25_k1 " + std::to_string(v), [v](auto& o) { o.bm25_k1 = v; });
    for (double v : {0.3, 1.0})
      add("heading_share " + std::to_string(v), [v](auto& o) { o.heading_share = v; });
    for (double v : {0.2, 0.8})
      add("chapter_share " + std::to_string(v), [v](auto& o) { o.chapter_share = v; });
    for (double v : {0.5, 2.0})
      add("nomenclature_weight " + std::to_string(v), [v](auto& o) { o.nomenclature_weight = v; });
    for (double v : {0.0, 0.5, 2.0})
      add("prior_weight " + std::to_string(v), [v](auto& o) { o.prior_weight = v; });
    for (double v : {0.0, 2.0})
      add("rule_weight " + std::to_string(v), [v](auto& o) { o.rule_weight = v; });
    for (double v : {2.0, 4.0})
      add("item_weight " + std::to_string(v), [v](auto& o) { o.item_weight = v; });
    for (double v : {0.0, 0.5, 2.0})
      add("neighbor_weight " + std::to_string(v), [v](auto& o) { o.neighbor_weight = v; });
    for (int v : {1, 3, 10})
      add("neighbors " + std::to_string(v), [v](auto& o) { o.neighbors = v; });
    for (double v : {0.5, 1.0, 2.0})
      add("category_weight " + std::to_string(v), [v](auto& o) { o.category_weight = v; });
    for (double v : {0.5, 1.0})
      add("head_weight " + std::to_string(v), [v](auto& o) { o.head_weight = v; });
    for (double v : {3.0, 4.0})
      add("nomenclature_weight " + std::to_string(v), [v](auto& o) { o.nomenclature_weight = v; });
    for (const auto& [name, o] : variants) {
      auto a = cross_validate(index, *hscc, atlas_labeled, folds, o, true);
      auto b = cross_validate(index, *atlas, hscc_labeled, folds, o, true);
      std::printf("%-32s HSCodeComp HS6 %.1f / top-3 %.1f   ATLAS HS6 %.1f / top-3 %.1f\n",
                  name.c_str(), hs6_accuracy(a, false), hs6_accuracy(a, true),
                  hs6_accuracy(b, false), hs6_accuracy(b, true));
    }
    return 0;
  }
  std::printf("HS classifier, %d-fold cross-validation%s\n", folds,
              nomenclature_only ? ", nomenclature only (no training listings)" : "");
  report("HSCodeComp dev",
         cross_validate(index, *hscc, atlas_labeled, folds, options, !nomenclature_only),
         options.escalation_threshold);
  report("ATLAS validation",
         cross_validate(index, *atlas, hscc_labeled, folds, options, !nomenclature_only),
         options.escalation_threshold);
  if (!nomenclature_only) {
    report("ATLAS validation, model trained on all of HSCodeComp only",
           cross_set(index, *atlas, hscc_labeled, options), options.escalation_threshold,
           "unseen set");
    report("HSCodeComp dev, model trained on all of ATLAS only",
           cross_set(index, *hscc, atlas_labeled, options), options.escalation_threshold,
           "unseen set");
  }
  return 0;
}
