// HsClassifier::create from the loaded reference data: copies the HS 2022 texts and the US
// HTS lines into the builder's input (kept apart so the model does not depend on refdata's
// loaders).
#include "compliance/hs_classifier.h"
#include "compliance/hs_model.h"
#include "refdata/reference_data.h"

namespace kontor::compliance {

HsTexts hs_texts_from(const refdata::ReferenceData& data) {
  HsTexts texts;
  for (const refdata::HsEntry& e : data.hs2022.entries()) {
    if (e.level == 2 || e.level == 4 || e.level == 6) {
      texts.entries.push_back({e.code, e.description, e.section});
    }
  }
  for (const refdata::HsSection& s : data.hs2022.sections()) {
    texts.sections.emplace_back(s.numeral, s.name);
  }
  for (const refdata::TariffLine& line : data.us_hts.lines()) {
    if (line.code.size() != 10) continue;
    HsNationalText text{line.code, line.description, {}};
    for (const refdata::TariffLine* parent : data.us_hts.ancestors(line)) {
      if (parent->code.size() > 4 || parent->code.empty())
        text.parents.push_back(parent->description);
    }
    texts.national.push_back(std::move(text));
  }
  return texts;
}

StatusOr<HsClassifier> HsClassifier::create(const refdata::ReferenceData& data,
                                            std::vector<LabeledProduct> training,
                                            HsModelOptions options) {
  HsTexts texts = hs_texts_from(data);
  if (texts.entries.empty()) {
    return failed_precondition("HS classifier: the HS 2022 nomenclature has no entries");
  }
  auto index = build_index(texts, options);
  return classifier_from_index(std::move(index), training, options);
}

}  // namespace kontor::compliance
