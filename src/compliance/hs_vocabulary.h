// Retail words → the nomenclature's words. Listings say "earrings", "sneakers", "water bottle",
// "power bank"; the HS says "jewellery", "footwear", "tableware and kitchenware",
// "accumulators". This small authored bridge (from the HS 2022 heading texts and their
// Explanatory Notes' examples; no benchmark item was used to write it) adds the nomenclature
// words to a query so that the text side can ground retail vocabulary. Internal to the HS
// classifier.
#pragma once

#include "compliance/hs_text.h"

namespace kontor::compliance {

// Adds, for each retail word or two-word phrase of `query` that the bridge knows, the
// nomenclature words with `weight` times the word's weight (never more than the word itself).
void expand_retail_terms(TermWeights& query, double weight);

}  // namespace kontor::compliance
