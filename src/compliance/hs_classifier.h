// HsClassifier: offline Harmonized System classification of a product listing (title,
// description, attributes, category path; any language) into ranked HS 2022 subheadings and,
// where the US HTS is loaded, the 10-digit US statistical line. Scoring is hierarchical and
// grounded in the nomenclature: every subheading's text is the chapter, heading and subheading
// descriptions plus the US national lines under it; term weights and category priors are
// learned from labelled listings (the development sets under shared/bench, read at load time,
// never a stored blob) and shrunk from subheading to heading to chapter; material, knitted/woven
// and part/article rules in the spirit of the General Rules of Interpretation adjust the ranking
// and explain it. Confidence is calibrated on held-out folds of the training data; below the
// threshold the result asks a human the question that separates the top candidates.
// No language model is needed; the candidates and rationales leave room for one to rerank.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace kontor::refdata {
struct ReferenceData;
}

namespace kontor::compliance {

// What a listing says about the goods. Any field may be empty; any language.
struct ProductText {
  std::string title;
  std::string description;
  std::vector<std::pair<std::string, std::string>> attributes;  // {"Material", "Plastic"}
  std::vector<std::string> category_path;  // broad → narrow, e.g. {"Home & Garden", "厨房"}
};

// A listing with its known code (6 to 10 digits, digits only), for learning and evaluation.
struct LabeledProduct {
  ProductText product;
  std::vector<std::string> codes;  // first is primary; rulings can name several
};

struct HsCandidate {
  std::string hs6;                     // "732393"
  std::string hs10;                    // "7323930080" when a US line was chosen, else ""
  double confidence = 0;               // calibrated probability that hs6 is right, 0..1
  std::string description;             // the subheading text (HS 2022)
  std::string hs10_description;        // the US line with its parents' texts, "" when none
  std::vector<std::string> rationale;  // why, in order of weight
};

// What to ask a human when the classifier is not sure: the fact that separates the leading
// candidates, with the answers that would decide it. The crew turns it into a Question.
struct SeparatingQuestion {
  std::string field;  // "main_material", "fabric", "part_or_article", or "hs_code" (generic)
  std::string text;   // "What is the main material: plastics or iron or steel?"
  std::vector<std::string> options;  // {"plastics", "iron or steel"}; descriptions for hs_code
};

struct Classification {
  std::vector<HsCandidate> candidates;   // best first
  bool needs_human = false;              // top confidence below the escalation threshold
  SeparatingQuestion question;           // set when needs_human
  std::vector<std::string> asked_about;  // hs6 of the 2–3 candidates the question separates
};

// Hyper-parameters. Defaults were chosen by cross-validation on the development sets
// (bench/hs_classify_eval_bench.cc --grid), not per item.
struct HsModelOptions {
  double item_weight = 1.0;          // weight of the evidence from training listings
  double heading_share = 0.3;        // weight of the heading-level listing evidence
  double chapter_share = 0.4;        // ... and of the chapter-level
  double nomenclature_weight = 2.0;  // weight of the evidence from the nomenclature text
  double national_weight = 0.35;     // weight of the US line texts under a subheading
  double listing_reliability = 0.5;  // a class learned from n listings counts n / (n + this)
  double bm25_k1 = 1.2;              // term-count saturation
  double bm25_b = 0.5;               // document-length normalisation
  double prior_weight = 1.0;         // weight of the learned class prior
  double rule_weight = 1.0;          // weight of the material/knit/part rules
  double category_weight = 0.0;      // whole category paths (and their prefixes) as learned tokens
  double head_weight = 0.0;          // extra weight of the title's head noun (its last word)
  double neighbor_weight = 0.0;      // weight of the vote of the most similar training listings
  int neighbors = 5;                 // how many of them vote
  double temperature = 1.0;          // softmax temperature before calibration
  double escalation_threshold = 0.90;  // calibrated confidence below this → needs_human
  int calibration_folds = 5;           // inner folds used to fit the calibration (0 = none)
  int calibration_features = 1;        // 1: log odds only (Platt); 2: + the subheading's count of
                                       // training listings; 3: + the heading's (no better held out)
};

class HsClassifier {
 public:
  // Builds the model from the HS 2022 nomenclature and the US HTS of `data` and from the
  // labelled `training` listings (may be empty: the nomenclature alone still classifies).
  static StatusOr<HsClassifier> create(const refdata::ReferenceData& data,
                                       std::vector<LabeledProduct> training,
                                       HsModelOptions options = {});

  // The k best candidates (k ≥ 1). Never fails: an empty listing gives low-confidence guesses
  // with needs_human set.
  Classification classify(const ProductText& product, int k = 3) const;

  const HsModelOptions& options() const;
  std::size_t training_size() const;

  // The trained model as bytes (a versioned binary format) and back, so that a later process
  // can skip the training: from_bytes gives a classifier with the same answers as the one
  // written, or data_loss for a blob that is truncated, corrupt or of another format.
  std::string to_bytes() const;
  static StatusOr<HsClassifier> from_bytes(std::string_view bytes);
  // A digest (32 hex digits) of the model's format and `options`: with the inputs of create()
  // (the nomenclature's and the training listings' files) it keys a stored model.
  static std::string model_key(const HsModelOptions& options = {});

  HsClassifier(HsClassifier&&) noexcept;
  HsClassifier& operator=(HsClassifier&&) noexcept;
  ~HsClassifier();

  // The model internals (detail/hs_model.h); public so that the builder can make one.
  struct Model;
  explicit HsClassifier(std::unique_ptr<Model> model);

 private:
  std::unique_ptr<Model> model_;
};

}  // namespace kontor::compliance
