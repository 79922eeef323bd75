// The HS classifier's model (internal): the nomenclature index, built once from the HS and
// US HTS texts, and the part learned from labelled listings, with the scoring function. A
// multinomial text model per HS 2022 subheading whose term counts mix the nomenclature text
// with the training listings of the subheading, shrunk from its heading and chapter (so a
// subheading never seen in training still scores from its text and its relatives), Dirichlet
// smoothed towards the background; plus a learned class prior.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compliance/hs_classifier.h"
#include "compliance/hs_rules.h"
#include "compliance/hs_text.h"

namespace kontor::compliance {

// The texts the model is grounded in, copied out of refdata so the builder has no other inputs.
struct HsTextEntry {
  std::string code;  // 2, 4 or 6 digits
  std::string description;
  std::string section;  // Roman numeral
};
struct HsNationalText {
  std::string code;  // 10 digits
  std::string description;
  std::vector<std::string> parents;  // texts above it below the heading, outermost first
};
struct HsTexts {
  std::vector<HsTextEntry> entries;                           // chapters, headings, subheadings
  std::vector<std::pair<std::string, std::string>> sections;  // numeral → name
  std::vector<HsNationalText> national;                       // US HTS 10-digit lines
};

}  // namespace kontor::compliance

namespace kontor::refdata {
struct ReferenceData;
}

namespace kontor::compliance {

// The texts of the HS 2022 nomenclature and the US HTS from loaded reference data.
HsTexts hs_texts_from(const refdata::ReferenceData& data);

using Postings = std::unordered_map<std::string, std::vector<std::pair<int, float>>>;

struct NationalOption {
  std::string code;         // 10 digits
  std::string description;  // the line with its parents' texts inside the subheading
  // Its terms (a handful): a vector rather than a map, since ~19,000 small maps cost more to
  // build, store and read back from the cache than a scan of a few entries costs per query.
  std::vector<std::pair<std::string, double>> terms;
  bool has(const std::string& term) const {
    for (const auto& [t, w] : terms) {
      if (t == term) return true;
    }
    return false;
  }
};

// Built once from the texts; shared by every model learned on top of it.
struct NomenclatureIndex {
  std::vector<std::string> hs6;          // class → code
  std::vector<std::string> description;  // class → subheading text
  std::vector<int> heading_of, chapter_of;
  std::vector<std::string> headings, chapters;         // index → code
  std::unordered_map<std::string, std::string> texts;  // any 2/4/6 code → description
  std::unordered_map<std::string, int> class_of;       // hs6 → class
  std::unordered_map<std::string, int> heading_index, chapter_index;
  std::vector<std::vector<int>> heading_classes, chapter_classes;
  Postings postings;         // nomenclature term counts per class
  std::vector<double> mass;  // nomenclature term mass per class
  double average_mass = 1;
  std::unordered_map<std::string, double> totals;  // term → total nomenclature count
  double total = 0;
  std::vector<CandidateFacts> facts;
  std::vector<std::vector<NationalOption>> national;  // class → US 10-digit lines
  std::unordered_map<std::string, double> national_idf;
};

std::shared_ptr<const NomenclatureIndex> build_index(const HsTexts& texts,
                                                     const HsModelOptions& options);

// The terms of a listing with their weights: title first, then category, attributes and
// description; the words after "for" in a title describe the use, not the goods. With
// options.category_weight > 0 the category path also gives whole-path tokens ("cat:…"), which
// only the learned side knows: a mapping from the marketplace's tree to codes that backs off
// through the path's prefixes.
TermWeights product_terms(const ProductText& product, const HsModelOptions& options = {});

struct HsClassifier::Model {
  HsModelOptions options;
  std::shared_ptr<const NomenclatureIndex> index;
  // Learned from the training listings.
  Postings items6, items4, items2;  // term → (class / heading / chapter, count)
  std::vector<double> mass6, mass4, mass2;
  std::unordered_map<std::string, double> item_totals;
  std::unordered_map<std::string, double> item_df;  // listings containing the term
  double average_mass6 = 1, average_mass4 = 1, average_mass2 = 1;
  double item_total = 0;
  std::vector<double> log_prior;            // per class
  std::vector<int> count6, count4, count2;  // training listings per class/heading/chapter
  std::unordered_map<std::string, int> hs10_count;
  // Each training listing as a document of its own, for the nearest-neighbour vote.
  Postings listing_postings;  // term → (listing, weight)
  std::vector<int> listing_class;
  std::vector<double> listing_mass;
  double average_listing_mass = 1;
  std::size_t training_size = 0;
  // Logistic calibration of the top candidate: weights of calibration_features() and a bias
  // (the default is the plain softmax probability).
  std::vector<double> calib = {1.0, 0.0, 0.0, 0.0};  // size: features + 1
};

std::unique_ptr<HsClassifier::Model> learn_model(std::shared_ptr<const NomenclatureIndex> index,
                                                 const std::vector<LabeledProduct>& training,
                                                 const HsModelOptions& options);

// Log scores of every class for the query (without rules).
std::vector<double> score_classes(const HsClassifier::Model& model, const TermWeights& query);

// The terms that speak most for class `c`, strongest first, each tagged with where it
// matched ("nomenclature" / "listings").
std::vector<std::pair<std::string, std::string>> top_terms(const HsClassifier::Model& model,
                                                           const TermWeights& query, int c, int n);

}  // namespace kontor::compliance

namespace kontor::compliance {

// The classifier from an index that is already built (cross-validation builds many models on
// one index): learns from `training` and, when options.calibration_folds ≥ 2 and there are
// enough listings, fits the confidence calibration on inner held-out folds.
HsClassifier classifier_from_index(std::shared_ptr<const NomenclatureIndex> index,
                                   const std::vector<LabeledProduct>& training,
                                   const HsModelOptions& options);

// What the calibration reads about a ranked class: its log odds against the other candidates,
// and how many training listings its subheading and heading had (a subheading the listings
// never showed is right less often at the same odds). The last weight is the bias.
struct RankedClass;
std::vector<double> calibration_features(const HsClassifier::Model& model, const RankedClass& r);

// Ranked classes with their raw softmax probabilities, rules applied; best first.
struct RankedClass {
  int c = 0;
  double score = 0;
  double probability = 0;
  double log_odds = 0;  // log(p / (1 - p)), exact even when p rounds to 1
};
std::vector<RankedClass> rank_classes(const HsClassifier::Model& model, const TermWeights& query,
                                      const ListingTraits& facts, std::size_t keep);

}  // namespace kontor::compliance
