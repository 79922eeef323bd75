// Classification rules in the spirit of the General Rules of Interpretation, applied on top of
// the text scores: the material an article is made of decides between headings that name a
// material (GRI 1 with the section and chapter titles: articles of plastics, chapter 39, vs of
// iron or steel, chapter 73, vs of aluminium, chapter 76); knitted or crocheted fabric decides
// chapter 61 vs 62; a part is not the complete article (and vice versa). Facts come from the
// listing (attributes first, then the title) and from the nomenclature text of each candidate.
// Internal to the HS classifier.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compliance/hs_classifier.h"

namespace kontor::compliance {

// Materials as bits, so that a candidate naming several ("of iron or steel") is one mask.
enum class Material : std::uint32_t {
  kPlastics = 1u << 0,
  kRubber = 1u << 1,
  kSteel = 1u << 2,
  kAluminum = 1u << 3,
  kCopper = 1u << 4,
  kZinc = 1u << 5,
  kBaseMetal = 1u << 6,
  kPrecious = 1u << 7,
  kGlass = 1u << 8,
  kCeramic = 1u << 9,
  kWood = 1u << 10,
  kPaper = 1u << 11,
  kLeather = 1u << 12,
  kTextile = 1u << 13,
  kStone = 1u << 14,
  kNickel = 1u << 15,
};
using MaterialMask = std::uint32_t;

// "plastics or iron or steel" for questions and rationales.
std::string material_names(MaterialMask mask);

// What the listing says about itself.
struct ListingTraits {
  MaterialMask materials = 0;
  std::string material_source;  // "attribute Material = 'Stainless Steel'" or "title"
  int knit = 0;                 // +1 knitted/crocheted, -1 woven, 0 unknown
  bool is_part = false;         // a part / spare / replacement
  bool is_raw = false;          // granules, powder, scrap, ingots: a material, not an article
  bool is_set = false;          // set or kit (GRI 3 b: essential character)
};
ListingTraits listing_traits(const ProductText& product);

// What a candidate's nomenclature text says it covers.
struct CandidateFacts {
  MaterialMask materials = 0;  // materials its text names (0: any material)
  int knit = 0;                // +1 "knitted or crocheted", -1 "not knitted or crocheted"
  bool parts_only = false;     // the subheading is for parts
  bool raw_state = false;      // primary forms, waste and scrap, unwrought metal, ores
};
// `texts` are the subheading, heading and chapter descriptions; `chapter` the 2-digit code.
CandidateFacts candidate_facts(std::string_view hs6_text, std::string_view heading_text,
                               std::string_view chapter);

// The adjustment to a candidate's log score, and the reasons (positive and negative).
struct RuleOutcome {
  double adjustment = 0;
  std::vector<std::string> reasons;
  bool excluded = false;  // a rule speaks against the candidate
};
RuleOutcome apply_rules(const ListingTraits& product, const CandidateFacts& candidate);

// The question that separates the leading candidates, best first, two to six of them ("What is
// the main material: plastics or iron or steel?"); when no single fact separates them, a
// generic question offering the first three descriptions.
SeparatingQuestion separating_question(const std::vector<const CandidateFacts*>& facts,
                                       const std::vector<std::string>& descriptions);

}  // namespace kontor::compliance
