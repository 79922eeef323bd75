// The catalog query the crew runs for a brief's product. Two things the product phrase alone
// gets wrong: its language, and its inflection. Intake identified the language from the whole
// goal; two or three words ("mochilas", "Tassen") are too few to identify it again, and a wrong
// guess stems and translates them as English. And the trade glossary lists singulars (plus
// regular English plurals), so "mochilas", "Tassen" or "enceintes" match no concept and reach
// only listings in the goal's own language, if any. The query therefore carries the brief's
// language and writes each inflected glossary term in its listed form: a word run whose
// Snowball stems equal those of a glossary term of that language becomes that term.
#pragma once

#include <string>
#include <string_view>

#include "catalog/glossary.h"
#include "catalog/search.h"
#include "crew/brief.h"

namespace kontor::crew {

// `text` (any case) normalised, with each run of words that inflects a glossary term of `lang`
// replaced by the term as the glossary lists it ("enceintes bluetooth", "fr" →
// "enceinte bluetooth"). Words the glossary already matches, and all words when `lang` has no
// stemmer, are kept as written.
std::string glossary_forms(const catalog::Glossary& glossary, std::string_view text,
                           std::string_view lang);

// The search for the brief's product: its text in glossary forms, in the brief's language
// ("" when the brief names none: the index identifies it), `limit` results priced on `fx_date`.
catalog::SearchQuery product_query(const catalog::Glossary& glossary, const Brief& brief, int limit,
                                   Date fx_date);

}  // namespace kontor::crew
