#include "compliance/hs_rules.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "compliance/hs_text.h"

namespace kontor::compliance {
namespace {

// Text scores run to tens of nats, so a stated material that the candidate's text rules out
// (GRI 1: "of plastics" cannot hold a steel article) must weigh as much as several words.
constexpr double kAttributeExclusion = 30.0;
constexpr double kTitleExclusion = 6.0;

constexpr MaterialMask bit(Material m) { return static_cast<MaterialMask>(m); }
constexpr MaterialMask kAnyBaseMetal = bit(Material::kSteel) | bit(Material::kAluminum) |
                                       bit(Material::kCopper) | bit(Material::kZinc) |
                                       bit(Material::kNickel) | bit(Material::kBaseMetal);

struct MaterialWords {
  Material material;
  const char* name;                               // as the nomenclature says it
  std::vector<std::vector<std::string>> product;  // normalised words in listings
  std::vector<std::string> nomenclature;          // lower-case phrases in HS texts
};

const std::vector<MaterialWords>& lexicon() {
  static const std::vector<MaterialWords> kLexicon = {
      {Material::kPlastics,
       "plastics",
       {{"plastic"},
        {"pp"},
        {"pvc"},
        {"abs"},
        {"acrylic"},
        {"polypropylene"},
        {"polyethylene"},
        {"resin"},
        {"eva"},
        {"tpu"},
        {"tpe"},
        {"polycarbonate"},
        {"silicone"},
        {"polystyrene"},
        {"melamine"}},
       {"plastics", "of plastic"}},
      {Material::kRubber, "rubber", {{"rubber"}, {"latex"}, {"silicone"}}, {"rubber"}},
      {Material::kSteel,
       "iron or steel",
       {{"steel"}, {"stainless"}, {"iron"}, {"304"}, {"316"}, {"316l"}, {"201"}},
       {"iron or steel", "of steel", "stainless", "of iron", "cast iron"}},
      {Material::kAluminum, "aluminium", {{"aluminum"}, {"alu"}}, {"aluminum"}},
      {Material::kCopper, "copper", {{"copper"}, {"brass"}, {"bronze"}}, {"copper"}},
      {Material::kZinc, "zinc", {{"zinc"}}, {"zinc"}},
      {Material::kNickel, "nickel", {{"nickel"}}, {"nickel"}},
      {Material::kBaseMetal, "base metal", {{"metal"}, {"alloy"}}, {"base metal"}},
      {Material::kPrecious,
       "precious metal",
       {{"925"}, {"sterling"}, {"s925"}, {"platinum"}, {"solid", "gold"}},
       {"precious metal", "of silver", "of gold", "platinum"}},
      {Material::kGlass, "glass", {{"glass"}, {"crystal", "glass"}}, {"glass"}},
      {Material::kCeramic,
       "ceramics",
       {{"ceramic"}, {"porcelain"}, {"stoneware"}},
       {"ceramic", "porcelain"}},
      {Material::kWood, "wood", {{"wood"}, {"wooden"}, {"bamboo"}}, {"wood", "bamboo"}},
      {Material::kPaper,
       "paper or paperboard",
       {{"paper"}, {"paperboard"}, {"cardboard"}, {"kraft"}},
       {"paper"}},
      {Material::kLeather, "leather", {{"leather"}, {"cowhide"}}, {"leather"}},
      {Material::kTextile,
       "textile materials",
       {{"cotton"},
        {"polyester"},
        {"spandex"},
        {"wool"},
        {"silk"},
        {"linen"},
        {"fabric"},
        {"nylon"},
        {"textile"},
        {"rayon"},
        {"viscose"},
        {"elastane"},
        {"felt"},
        {"canvas"}},
       {"textile", "cotton", "synthetic fiber", "man-made fiber", "wool", "silk", "of felt",
        "artificial fiber"}},
      {Material::kStone, "stone", {{"stone"}, {"marble"}, {"granite"}}, {"stone", "marble"}},
  };
  return kLexicon;
}

// Chapters whose title is a material: the section notes send articles of that material there.
MaterialMask chapter_material(std::string_view chapter) {
  static const std::array<std::pair<const char*, Material>, 18> kChapters = {{
      {"39", Material::kPlastics},
      {"40", Material::kRubber},
      {"41", Material::kLeather},
      {"44", Material::kWood},
      {"47", Material::kPaper},
      {"48", Material::kPaper},
      {"68", Material::kStone},
      {"69", Material::kCeramic},
      {"70", Material::kGlass},
      {"72", Material::kSteel},
      {"73", Material::kSteel},
      {"74", Material::kCopper},
      {"75", Material::kNickel},
      {"76", Material::kAluminum},
      {"79", Material::kZinc},
      {"81", Material::kBaseMetal},
      {"82", Material::kBaseMetal},
      {"83", Material::kBaseMetal},
  }};
  for (const auto& [code, material] : kChapters) {
    if (chapter == code) return bit(material);
  }
  if (chapter >= "50" && chapter <= "60") return bit(Material::kTextile);
  return 0;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Drops "whether or not plated with precious metal" and "(excluding …)" clauses, which name
// materials the candidate does not require.
std::string without_optional_clauses(std::string text) {
  for (const char* marker : {"whether or not", "excluding", "other than", "not of"}) {
    std::size_t pos;
    while ((pos = text.find(marker)) != std::string::npos) {
      std::size_t end = text.find_first_of(",;)", pos);
      text.erase(pos, end == std::string::npos ? std::string::npos : end - pos);
    }
  }
  return text;
}

MaterialMask materials_in_words(const std::vector<std::string>& w) {
  MaterialMask mask = 0;
  for (const auto& entry : lexicon()) {
    for (const auto& phrase : entry.product) {
      if (contains_phrase(w, phrase)) mask |= bit(entry.material);
    }
  }
  if (contains_phrase(w, {"faux", "leather"}) || contains_phrase(w, {"pu", "leather"})) {
    mask = (mask & ~bit(Material::kLeather)) | bit(Material::kPlastics);
  }
  if (mask & bit(Material::kBaseMetal)) mask |= kAnyBaseMetal;  // "metal": which one unknown
  if (mask & kAnyBaseMetal) mask |= bit(Material::kBaseMetal);
  return mask;
}

MaterialMask materials_in_nomenclature(std::string_view text) {
  const std::string t = without_optional_clauses(lower(text));
  MaterialMask mask = 0;
  for (const auto& entry : lexicon()) {
    for (const auto& phrase : entry.nomenclature) {
      if (t.find(phrase) != std::string::npos) mask |= bit(entry.material);
    }
  }
  return mask;
}

bool key_names_material(std::string_view key) {
  const std::string k = lower(key);
  return k.find("material") != std::string::npos || k.find("metals type") != std::string::npos;
}

}  // namespace

std::string material_names(MaterialMask mask) {
  std::string out;
  for (const auto& entry : lexicon()) {
    if (!(mask & bit(entry.material))) continue;
    if (entry.material == Material::kBaseMetal && (mask & ~bit(Material::kBaseMetal))) continue;
    if (!out.empty()) out += " or ";
    out += entry.name;
  }
  return out;
}

ListingTraits listing_traits(const ProductText& product) {
  ListingTraits facts;
  for (const auto& [key, value] : product.attributes) {
    if (!key_names_material(key)) continue;
    const MaterialMask m = materials_in_words(words(value));
    if (m != 0 && facts.materials == 0)
      facts.material_source = "attribute " + key + " = '" + value + "'";
    facts.materials |= m;
  }
  std::string title_text = product.title;
  // "Case for iPhone": what follows "for" is the use, not the article's material.
  if (std::size_t pos = lower(title_text).find(" for "); pos != std::string::npos) {
    title_text.resize(pos);
  }
  std::vector<std::string> title_words = words(title_text);
  if (facts.materials == 0) {
    const std::string raw = lower(product.title);
    facts.materials = materials_in_words(title_words);
    if (raw.find("glasses") != std::string::npos || raw.find("sunglass") != std::string::npos) {
      facts.materials &= ~bit(Material::kGlass);
    }
    if (facts.materials != 0) facts.material_source = "title";
  }
  std::vector<std::string> all = words(product.title + " " + product.description);
  for (const auto& [key, value] : product.attributes) {
    for (auto& w : words(key + " " + value)) all.push_back(std::move(w));
  }
  const std::string raw_all = lower(product.title + " " + product.description);
  const bool knit = contains_phrase(all, {"knit"}) || contains_phrase(all, {"crochet"}) ||
                    contains_phrase(all, {"jersey"});
  const bool woven = (raw_all.find("woven") != std::string::npos &&
                      raw_all.find("non-woven") == std::string::npos &&
                      raw_all.find("nonwoven") == std::string::npos);
  facts.knit = knit && !woven ? 1 : woven && !knit ? -1 : 0;
  facts.is_part = contains_phrase(title_words, {"part"}) ||
                  contains_phrase(title_words, {"replacement"}) ||
                  contains_phrase(title_words, {"spare"});
  for (const char* raw : {"granule", "pellet", "powder", "scrap", "waste", "ingot", "unwrought",
                          "resin", "masterbatch", "ore", "raw"}) {
    facts.is_raw |= contains_phrase(all, {raw});
  }
  facts.is_set = contains_phrase(title_words, {"set"}) || contains_phrase(title_words, {"kit"});
  return facts;
}

CandidateFacts candidate_facts(std::string_view hs6_text, std::string_view heading_text,
                               std::string_view chapter) {
  CandidateFacts facts;
  facts.materials = materials_in_nomenclature(hs6_text);
  if (facts.materials == 0) facts.materials = materials_in_nomenclature(heading_text);
  if (facts.materials == 0) facts.materials = chapter_material(chapter);
  if (facts.materials & kAnyBaseMetal) facts.materials |= bit(Material::kBaseMetal);
  const std::string both = lower(hs6_text) + " | " + lower(heading_text);
  if (both.find("not knitted") != std::string::npos) {
    facts.knit = -1;
  } else if (both.find("knitted or crocheted") != std::string::npos) {
    facts.knit = 1;
  }
  if (chapter == "61") facts.knit = 1;
  if (chapter == "62") facts.knit = -1;
  const std::string own = lower(hs6_text);
  for (const char* state : {"in primary forms", "waste, parings and scrap", "waste and scrap",
                            "unwrought", " ores and concentrates", "parings and scrap"}) {
    facts.raw_state |= own.find(state) != std::string::npos;
  }
  // A subheading for parts: one of its ';'-separated clauses begins with "parts".
  const std::string text = lower(hs6_text);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    std::string clause =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    clause.erase(0, clause.find_first_not_of(' '));
    if (clause.starts_with("parts") || clause.starts_with("part ")) facts.parts_only = true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return facts;
}

RuleOutcome apply_rules(const ListingTraits& product, const CandidateFacts& candidate) {
  RuleOutcome out;
  if (product.materials != 0 && candidate.materials != 0) {
    if ((product.materials & candidate.materials) == 0) {
      // A material the seller states as an attribute is firmer evidence than a title word.
      out.adjustment -= product.material_source == "title" ? kTitleExclusion : kAttributeExclusion;
      out.excluded = true;
      out.reasons.push_back("its text is for articles of " + material_names(candidate.materials) +
                            ", the listing's material is " + material_names(product.materials) +
                            " (" + product.material_source + ")");
    } else {
      out.adjustment += 1.5;
      out.reasons.push_back("material " + material_names(product.materials & candidate.materials) +
                            " (" + product.material_source + ") matches the text");
    }
  }
  if (product.knit != 0 && candidate.knit != 0) {
    if (product.knit == candidate.knit) {
      out.adjustment += 1.5;
      out.reasons.push_back(product.knit > 0 ? "knitted/crocheted fabric, as the text requires"
                                             : "woven (not knitted) fabric, as the text requires");
    } else {
      out.adjustment -= 5.0;
      out.excluded = true;
      out.reasons.push_back(
          product.knit > 0
              ? "its text is for goods not knitted or crocheted; the listing is knitted"
              : "its text is for knitted or crocheted goods; the listing is woven");
    }
  }
  if (candidate.parts_only) {
    if (product.is_part) {
      out.adjustment += 1.5;
      out.reasons.push_back("the listing is a part, and this subheading is for parts");
    } else {
      out.adjustment -= 2.0;
      out.reasons.push_back("subheading for parts, the listing reads as a complete article");
    }
  }
  if (candidate.raw_state && !product.is_raw) {
    out.adjustment -= 6.0;
    out.excluded = true;
    out.reasons.push_back(
        "its text is for a material in primary form, waste or unwrought; "
        "the listing is a finished article");
  }
  return out;
}

SeparatingQuestion separating_question(const std::vector<const CandidateFacts*>& facts,
                                       const std::vector<std::string>& descriptions) {
  SeparatingQuestion q;
  if (facts.size() >= 2) {
    MaterialMask seen = 0;
    for (const CandidateFacts* f : facts) {
      MaterialMask m = f->materials & ~bit(Material::kBaseMetal);
      if (m == 0) m = f->materials;
      if (m == 0 || (m & seen) == m) continue;
      seen |= m;
      q.options.push_back(material_names(m));
    }
    if (q.options.size() >= 2) {
      q.field = "main_material";
      q.text = "What is the main material: ";
      for (std::size_t i = 0; i < q.options.size(); ++i) {
        q.text += (i == 0 ? "" : i + 1 == q.options.size() ? " or " : ", ") + q.options[i];
      }
      q.text += "?";
      return q;
    }
    bool knit = false, woven = false, parts = false, whole = false;
    for (const CandidateFacts* f : facts) {
      knit |= f->knit > 0;
      woven |= f->knit < 0;
      parts |= f->parts_only;
      whole |= !f->parts_only;
    }
    if (knit && woven) {
      return {"fabric",
              "Is the fabric knitted or crocheted, or woven?",
              {"knitted or crocheted", "woven"}};
    }
    if (parts && whole) {
      return {"part_or_article",
              "Is this a complete article, or a part of another machine or article?",
              {"complete article", "part"}};
    }
  }
  q = {"hs_code", "Which describes the goods best: ", {}};
  for (std::size_t i = 0; i < descriptions.size() && i < 3; ++i) {
    q.text += (i == 0 ? "" : " or ") + std::string("(") + static_cast<char>('a' + i) + ") " +
              descriptions[i];
    q.options.push_back(descriptions[i]);
  }
  q.text += "?";
  return q;
}

}  // namespace kontor::compliance
