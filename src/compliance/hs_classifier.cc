#include "compliance/hs_classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "compliance/hs_model.h"

namespace kontor::compliance {
namespace {

// Only the best pre-rule classes get the rules; a rule moves a score by a few nats at most.
constexpr std::size_t kRuleDepth = 200;
constexpr std::size_t kQuestionDepth = 10;

double calibrated(const HsClassifier::Model& m, const RankedClass& r) {
  const std::vector<double> x = calibration_features(m, r);
  double z = m.calib.back();
  for (std::size_t i = 0; i < x.size(); ++i) z += m.calib[i] * x[i];
  return 1.0 / (1.0 + std::exp(-z));
}

bool hs6_matches(const std::string& hs6, const std::vector<std::string>& codes) {
  return std::any_of(codes.begin(), codes.end(),
                     [&](const std::string& c) { return c.compare(0, 6, hs6) == 0; });
}

struct CalibrationSample {
  std::vector<double> x;  // features, then a constant 1 for the bias
  bool right = false;
};

constexpr double kRidge = 0.01;  // keeps a separable fold finite

double calibration_loss(const std::vector<CalibrationSample>& samples,
                        const std::vector<double>& w) {
  double loss = 0;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) loss += kRidge * w[i] * w[i];
  for (const CalibrationSample& s : samples) {
    double z = 0;
    for (std::size_t i = 0; i < w.size(); ++i) z += w[i] * s.x[i];
    loss += std::log1p(std::exp(-std::abs(z))) + std::max(z, 0.0) - (s.right ? z : 0.0);
  }
  return loss;
}

// Solves a x = b (small, symmetric positive definite) by Gaussian elimination; false when
// singular.
bool solve(std::vector<std::vector<double>> a, std::vector<double>& b) {
  const std::size_t n = b.size();
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t p = k;
    for (std::size_t i = k + 1; i < n; ++i) {
      if (std::abs(a[i][k]) > std::abs(a[p][k])) p = i;
    }
    if (std::abs(a[p][k]) < 1e-12) return false;
    std::swap(a[k], a[p]);
    std::swap(b[k], b[p]);
    for (std::size_t i = k + 1; i < n; ++i) {
      const double f = a[i][k] / a[k][k];
      for (std::size_t j = k; j < n; ++j) a[i][j] -= f * a[k][j];
      b[i] -= f * b[k];
    }
  }
  for (std::size_t k = n; k-- > 0;) {
    for (std::size_t j = k + 1; j < n; ++j) b[k] -= a[k][j] * b[j];
    b[k] /= a[k][k];
  }
  return true;
}

// Logistic regression (Platt scaling with more than one feature), fitted by damped Newton
// steps on the inner folds' (features, right) pairs.
std::vector<double> fit_calibration(const std::vector<CalibrationSample>& samples) {
  const std::size_t n = samples.front().x.size();
  std::vector<double> w(n, 0.0);
  w[0] = 0.1;
  double loss = calibration_loss(samples, w);
  for (int iter = 0; iter < 100; ++iter) {
    std::vector<double> g(n, 0.0);
    std::vector<std::vector<double>> h(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i + 1 < n; ++i) {
      g[i] += 2 * kRidge * w[i];
      h[i][i] += 2 * kRidge;
    }
    h[n - 1][n - 1] += 1e-6;
    for (const CalibrationSample& s : samples) {
      double z = 0;
      for (std::size_t i = 0; i < n; ++i) z += w[i] * s.x[i];
      const double q = 1.0 / (1.0 + std::exp(-z));
      const double r = q - (s.right ? 1.0 : 0.0), v = q * (1 - q);
      for (std::size_t i = 0; i < n; ++i) {
        g[i] += r * s.x[i];
        for (std::size_t j = 0; j < n; ++j) h[i][j] += v * s.x[i] * s.x[j];
      }
    }
    std::vector<double> d = g;
    if (!solve(h, d)) break;
    double step = 1.0, next = loss;
    std::vector<double> trial(n);
    for (; step > 1e-4; step /= 2) {
      for (std::size_t i = 0; i < n; ++i) trial[i] = w[i] - step * d[i];
      next = calibration_loss(samples, trial);
      if (next <= loss) break;
    }
    if (next > loss) break;
    w = trial;
    if (loss - next < 1e-9) break;
    loss = next;
  }
  return w;
}

// The US 10-digit line under a subheading: text overlap with the line and its parents inside
// the subheading, then how often the line was the answer in training; "Other" is the residual.
const NationalOption* choose_national(const HsClassifier::Model& m, int c, const TermWeights& query,
                                      std::string& why) {
  const auto& options = m.index->national[c];
  const NationalOption* best = nullptr;
  double best_score = -1e9;
  for (const NationalOption& option : options) {
    double text = 0;
    std::string matched;
    for (const auto& [t, q] : query) {
      if (!option.has(t)) continue;
      auto idf = m.index->national_idf.find(t);
      text += q * (idf == m.index->national_idf.end() ? 1.0 : idf->second);
      matched += (matched.empty() ? "'" : ", '") + t + "'";
    }
    auto seen = m.hs10_count.find(option.code);
    const int count = seen == m.hs10_count.end() ? 0 : seen->second;
    const bool other = option.description.ends_with("Other");
    const double score = text + 2.0 * std::log1p(count) + (other ? 0.3 : 0.0);
    if (score > best_score) {
      best_score = score;
      best = &option;
      why = !matched.empty() ? "its text matches " + matched
            : count > 0      ? "the line most often chosen for this subheading in training"
            : other          ? "the residual 'Other' line"
                             : "the first line of the subheading";
    }
  }
  return best;
}

std::string dotted(const std::string& code) {
  if (code.size() == 10) {
    return code.substr(0, 4) + "." + code.substr(4, 2) + "." + code.substr(6, 2) + "." +
           code.substr(8);
  }
  return code.size() == 6 ? code.substr(0, 4) + "." + code.substr(4) : code;
}

// The 2–3 leading candidates and the question that separates them. When the listing names no
// material, the question also looks further down for a candidate of another material: a
// bottle of unknown material has plastics and steel alternatives even when two plastics
// subheadings lead.
void ask_human(const NomenclatureIndex& ix, const std::vector<RankedClass>& ranked,
               const ListingTraits& facts, Classification& out) {
  std::vector<const CandidateFacts*> cf;
  std::vector<std::string> texts;
  auto take = [&](const RankedClass& r) {
    cf.push_back(&ix.facts[r.c]);
    texts.push_back(dotted(ix.hs6[r.c]) + " " + ix.description[r.c]);
    out.asked_about.push_back(ix.hs6[r.c]);
  };
  for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) {
    if (i == 2 && ranked[2].probability < 0.15 * ranked[0].probability) break;
    take(ranked[i]);
  }
  if (facts.materials == 0) {
    MaterialMask seen = 0;
    for (const CandidateFacts* f : cf) seen |= f->materials;
    for (std::size_t i = cf.size(); i < ranked.size() && i < kQuestionDepth; ++i) {
      const MaterialMask m = ix.facts[ranked[i].c].materials;
      if (seen == 0 || m == 0 || (m & seen) != 0) continue;
      take(ranked[i]);
      break;
    }
  }
  out.question = separating_question(cf, texts);
}

}  // namespace

std::vector<RankedClass> rank_classes(const HsClassifier::Model& m, const TermWeights& query,
                                      const ListingTraits& facts, std::size_t keep) {
  const std::vector<double> scores = score_classes(m, query);
  std::vector<int> order(scores.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  const std::size_t depth = std::min(kRuleDepth, order.size());
  std::partial_sort(order.begin(), order.begin() + depth, order.end(),
                    [&](int a, int b) { return scores[a] > scores[b]; });
  std::vector<RankedClass> ranked;
  ranked.reserve(depth);
  for (std::size_t i = 0; i < depth; ++i) {
    const int c = order[i];
    const RuleOutcome rules = apply_rules(facts, m.index->facts[c]);
    ranked.push_back({c, scores[c] + m.options.rule_weight * rules.adjustment, 0});
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const RankedClass& a, const RankedClass& b) { return a.score > b.score; });
  double z = 0;
  for (RankedClass& r : ranked) {
    r.probability = std::exp((r.score - ranked.front().score) / m.options.temperature);
    z += r.probability;
  }
  for (RankedClass& r : ranked) r.probability /= z;
  for (std::size_t i = 0; i < ranked.size() && i < keep; ++i) {
    double rest = 0;  // Σ_{j≠i} exp((s_j - s_i) / T)
    for (std::size_t j = 0; j < ranked.size(); ++j) {
      if (j != i) rest += std::exp((ranked[j].score - ranked[i].score) / m.options.temperature);
    }
    ranked[i].log_odds = rest > 0 ? -std::log(rest) : 50.0;
  }
  if (ranked.size() > keep) ranked.resize(keep);
  return ranked;
}

HsClassifier classifier_from_index(std::shared_ptr<const NomenclatureIndex> index,
                                   const std::vector<LabeledProduct>& training,
                                   const HsModelOptions& options) {
  auto model = learn_model(index, training, options);
  const int folds = options.calibration_folds;
  if (folds >= 2 && training.size() >= 30) {
    std::vector<CalibrationSample> samples;
    for (int f = 0; f < folds; ++f) {
      std::vector<LabeledProduct> inner;
      for (std::size_t i = 0; i < training.size(); ++i) {
        if (static_cast<int>(i % folds) != f) inner.push_back(training[i]);
      }
      auto fold_model = learn_model(index, inner, options);
      for (std::size_t i = f; i < training.size(); i += folds) {
        const ProductText& p = training[i].product;
        auto ranked = rank_classes(*fold_model, product_terms(p, options), listing_traits(p), 1);
        if (ranked.empty()) continue;
        CalibrationSample s{calibration_features(*fold_model, ranked[0]),
                            hs6_matches(index->hs6[ranked[0].c], training[i].codes)};
        s.x.push_back(1.0);
        samples.push_back(std::move(s));
      }
    }
    if (!samples.empty()) model->calib = fit_calibration(samples);
  }
  return HsClassifier(std::move(model));
}

std::vector<double> calibration_features(const HsClassifier::Model& m, const RankedClass& r) {
  const std::vector<double> x = {r.log_odds, std::log1p(m.count6[r.c]),
                                 std::log1p(m.count4[m.index->heading_of[r.c]])};
  return std::vector<double>(x.begin(), x.begin() + m.options.calibration_features);
}

HsClassifier::HsClassifier(std::unique_ptr<Model> model) : model_(std::move(model)) {}
HsClassifier::HsClassifier(HsClassifier&&) noexcept = default;
HsClassifier& HsClassifier::operator=(HsClassifier&&) noexcept = default;
HsClassifier::~HsClassifier() = default;

const HsModelOptions& HsClassifier::options() const { return model_->options; }
std::size_t HsClassifier::training_size() const { return model_->training_size; }

Classification HsClassifier::classify(const ProductText& product, int k) const {
  const Model& m = *model_;
  const NomenclatureIndex& ix = *m.index;
  k = std::max(k, 1);
  const TermWeights query = product_terms(product, m.options);
  const ListingTraits facts = listing_traits(product);
  const auto ranked = rank_classes(m, query, facts, std::max<std::size_t>(k, 10));
  Classification out;
  double top_conf = 0;
  for (std::size_t i = 0; i < ranked.size() && static_cast<int>(i) < k; ++i) {
    const int c = ranked[i].c;
    HsCandidate cand;
    cand.hs6 = ix.hs6[c];
    cand.description = ix.description[c];
    double conf = calibrated(m, ranked[i]);
    if (i == 0)
      top_conf = conf;
    else
      conf = std::min(conf, 1.0 - top_conf);
    cand.confidence = conf;
    const std::string heading = cand.hs6.substr(0, 4);
    cand.rationale.push_back("HS " + dotted(cand.hs6) + " '" + cand.description +
                             "' under heading " + heading + " '" + ix.texts.at(heading) + "'");
    std::string terms;
    for (const auto& [t, where] : top_terms(m, query, c, 5)) {
      terms += (terms.empty() ? "" : ", ") + ("'" + t + "' (" + where + ")");
    }
    if (!terms.empty()) cand.rationale.push_back("decided by " + terms);
    if (m.count6[c] > 0 || m.count4[ix.heading_of[c]] > 0) {
      cand.rationale.push_back("learned prior: " + std::to_string(m.count6[c]) +
                               " training listings in this subheading, " +
                               std::to_string(m.count4[ix.heading_of[c]]) + " in heading " +
                               heading);
    }
    const RuleOutcome rules = apply_rules(facts, ix.facts[c]);
    for (const std::string& r : rules.reasons) cand.rationale.push_back("rule: " + r);
    if (facts.is_set) {
      cand.rationale.push_back(
          "set/kit: classified by the component giving its essential "
          "character (GRI 3 b)");
    }
    std::string why;
    if (const NationalOption* line = choose_national(m, c, query, why)) {
      cand.hs10 = line->code;
      cand.hs10_description = line->description;
      cand.rationale.push_back("US " + dotted(line->code) + ": " + why);
    }
    out.candidates.push_back(std::move(cand));
  }
  // Which strong alternatives did a rule push down? Say so on the winner.
  if (!out.candidates.empty()) {
    for (std::size_t i = 1; i < ranked.size(); ++i) {
      const RuleOutcome r = apply_rules(facts, ix.facts[ranked[i].c]);
      if (r.excluded && !r.reasons.empty()) {
        out.candidates[0].rationale.push_back("excluded " + dotted(ix.hs6[ranked[i].c]) + ": " +
                                              r.reasons.front());
        break;
      }
    }
  }
  out.needs_human = top_conf < m.options.escalation_threshold;
  if (out.needs_human && !ranked.empty()) ask_human(ix, ranked, facts, out);
  return out;
}

}  // namespace kontor::compliance
