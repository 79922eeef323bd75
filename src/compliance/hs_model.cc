#include "compliance/hs_model.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_set>

#include "compliance/hs_vocabulary.h"

namespace kontor::compliance {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Attribute keys that describe the offer or the shipment, not the goods.
bool ignored_attribute(std::string_view key) {
  static const std::unordered_set<std::string> kIgnored = {"origin",
                                                           "brand name",
                                                           "measurement unit",
                                                           "each pack",
                                                           "sold in",
                                                           "package weight",
                                                           "model number",
                                                           "cn",
                                                           "hign-concerned chemical",
                                                           "high-concerned chemical",
                                                           "is_customized",
                                                           "certification",
                                                           "place of origin",
                                                           "size",
                                                           "color",
                                                           "package",
                                                           "item weight",
                                                           "semi_choice",
                                                           "choice",
                                                           "release date",
                                                           "warranty"};
  const std::string k = lower(key);
  return kIgnored.contains(k) || k.starts_with("package size");
}

Postings to_postings(const std::unordered_map<std::string, std::map<int, double>>& counts) {
  Postings out;
  out.reserve(counts.size());
  for (const auto& [term, by_class] : counts) {
    auto& list = out[term];
    for (const auto& [c, n] : by_class) list.emplace_back(c, static_cast<float>(n));
  }
  return out;
}

void add_national_options(const HsTexts& texts, NomenclatureIndex& index) {
  std::unordered_map<std::string, double> df;
  std::size_t documents = 0;
  for (const HsNationalText& line : texts.national) {
    if (line.code.size() != 10) continue;
    auto it = index.class_of.find(line.code.substr(0, 6));
    if (it == index.class_of.end()) continue;
    NationalOption option{line.code, "", {}};
    for (const std::string& parent : line.parents) option.description += parent + " ";
    option.description += line.description;
    TermWeights terms;
    add_terms(strip_exclusions(option.description), 1.0, terms);
    option.terms.assign(terms.begin(), terms.end());  // the map's order: the same sums below
    for (const auto& [t, w] : option.terms) df[t] += 1;
    ++documents;
    index.national[it->second].push_back(std::move(option));
  }
  for (const auto& [t, n] : df) {
    index.national_idf[t] = std::log((documents + 1.0) / (n + 0.5));
  }
}

}  // namespace

std::shared_ptr<const NomenclatureIndex> build_index(const HsTexts& texts,
                                                     const HsModelOptions& options) {
  auto index = std::make_shared<NomenclatureIndex>();
  std::unordered_map<std::string, std::string> section_names(texts.sections.begin(),
                                                             texts.sections.end());
  std::unordered_map<std::string, std::string> section_of;
  for (const HsTextEntry& e : texts.entries) {
    index->texts[e.code] = e.description;
    section_of[e.code] = e.section;
  }
  for (const HsTextEntry& e : texts.entries) {
    if (e.code.size() != 6) continue;
    const int c = static_cast<int>(index->hs6.size());
    index->hs6.push_back(e.code);
    index->description.push_back(e.description);
    index->class_of[e.code] = c;
    const std::string heading = e.code.substr(0, 4), chapter = e.code.substr(0, 2);
    auto [h, new_h] = index->heading_index.try_emplace(heading, index->headings.size());
    if (new_h) {
      index->headings.push_back(heading);
      index->heading_classes.emplace_back();
    }
    auto [ch, new_ch] = index->chapter_index.try_emplace(chapter, index->chapters.size());
    if (new_ch) {
      index->chapters.push_back(chapter);
      index->chapter_classes.emplace_back();
    }
    index->heading_of.push_back(h->second);
    index->chapter_of.push_back(ch->second);
    index->heading_classes[h->second].push_back(c);
    index->chapter_classes[ch->second].push_back(c);
    index->facts.push_back(candidate_facts(e.description, index->texts[heading], chapter));
  }
  index->national.resize(index->hs6.size());
  add_national_options(texts, *index);

  std::unordered_map<std::string, std::map<int, double>> counts;
  index->mass.assign(index->hs6.size(), 0.0);
  for (std::size_t c = 0; c < index->hs6.size(); ++c) {
    const std::string& code = index->hs6[c];
    TermWeights doc;
    add_terms(strip_exclusions(index->description[c]), 1.0, doc);
    add_terms(strip_exclusions(index->texts[code.substr(0, 4)]), 0.5, doc);
    add_terms(strip_exclusions(index->texts[code.substr(0, 2)]), 0.3, doc);
    add_terms(section_names[section_of[code]], 0.15, doc);
    TermWeights national;
    for (const NationalOption& option : index->national[c]) {
      for (const auto& [t, w] : option.terms) national[t] += w;
    }
    for (const auto& [t, w] : national) doc[t] += options.national_weight * std::min(w, 3.0);
    for (const auto& [t, w] : doc) {
      counts[t][static_cast<int>(c)] += w;
      index->mass[c] += w;
      index->totals[t] += w;
      index->total += w;
    }
  }
  index->postings = to_postings(counts);
  double sum = 0;
  for (double v : index->mass) sum += v;
  index->average_mass = index->mass.empty() ? 1.0 : sum / static_cast<double>(index->mass.size());
  return index;
}

namespace {

// Every distinct level of the path, joined broad → narrow, is one token per prefix; a
// deeper prefix is rarer, so its idf makes it count more when the training listings know it.
void add_category_tokens(const std::vector<std::string>& path, double weight, TermWeights& out) {
  std::unordered_set<std::string> seen;
  std::string key = "cat:";
  for (const std::string& level : path) {
    const std::string low = lower(level);
    if (low.empty() || !seen.insert(low).second) continue;
    key += low + ">";
    out[key] += weight;
  }
}

}  // namespace

TermWeights product_terms(const ProductText& product, const HsModelOptions& options) {
  TermWeights terms;
  std::string title = product.title;
  const std::string low = lower(title);
  std::size_t cut = std::min(low.find(" for "), low.find(" compatible with "));
  if (cut != std::string::npos) {
    add_terms(std::string_view(title).substr(cut), 0.35, terms);
    title.resize(cut);
  }
  add_terms(title, 1.0, terms);
  // Listing titles end with the goods ("… Dragon Magnetic Pendant"); the words before it
  // are adjectives, styles and materials.
  if (options.head_weight > 0) {
    const std::vector<std::string> title_words = words(title);
    if (!title_words.empty()) terms[title_words.back()] += options.head_weight;
  }
  if (options.category_weight > 0) {
    add_category_tokens(product.category_path, options.category_weight, terms);
  }
  add_terms(product.description, 0.5, terms);
  // The narrowest category names the goods; the broad ones ("Home & Garden") much less.
  std::unordered_set<std::string> seen;
  const std::size_t n = product.category_path.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& level = product.category_path[n - 1 - i];
    if (seen.insert(lower(level)).second) add_terms(level, seen.size() <= 2 ? 0.8 : 0.4, terms);
  }
  for (const auto& [key, value] : product.attributes) {
    if (ignored_attribute(key)) continue;
    const bool material = lower(key).find("material") != std::string::npos;
    add_terms(value, material ? 1.0 : 0.5, terms);
  }
  for (auto& [t, w] : terms) w = std::min(w, 2.5);
  expand_retail_terms(terms, 0.6);
  return terms;
}

namespace {

double average_nonzero(const std::vector<double>& v) {
  double seen = 0, total = 0;
  for (double x : v) {
    if (x > 0) {
      seen += 1;
      total += x;
    }
  }
  return seen > 0 ? total / seen : 1.0;
}

}  // namespace

std::unique_ptr<HsClassifier::Model> learn_model(std::shared_ptr<const NomenclatureIndex> index,
                                                 const std::vector<LabeledProduct>& training,
                                                 const HsModelOptions& options) {
  auto model = std::make_unique<HsClassifier::Model>();
  model->options = options;
  model->index = index;
  const NomenclatureIndex& ix = *index;
  const std::size_t n_classes = ix.hs6.size();
  model->mass6.assign(n_classes, 0);
  model->mass4.assign(ix.headings.size(), 0);
  model->mass2.assign(ix.chapters.size(), 0);
  model->count6.assign(n_classes, 0);
  model->count4.assign(ix.headings.size(), 0);
  model->count2.assign(ix.chapters.size(), 0);
  std::unordered_map<std::string, std::map<int, double>> c6, c4, c2, listings;
  for (const LabeledProduct& item : training) {
    if (item.codes.empty() || item.codes[0].size() < 6) continue;
    const std::string& code = item.codes[0];
    auto ch = ix.chapter_index.find(code.substr(0, 2));
    if (ch == ix.chapter_index.end()) continue;
    auto h = ix.heading_index.find(code.substr(0, 4));
    auto c = ix.class_of.find(code.substr(0, 6));
    ++model->training_size;
    if (code.size() >= 10) ++model->hs10_count[code.substr(0, 10)];
    ++model->count2[ch->second];
    if (h != ix.heading_index.end()) ++model->count4[h->second];
    if (c != ix.class_of.end()) ++model->count6[c->second];
    const int listing = static_cast<int>(model->listing_class.size());
    model->listing_class.push_back(c != ix.class_of.end() ? c->second : -1);
    model->listing_mass.push_back(0);
    for (const auto& [t, w0] : product_terms(item.product, options)) {
      const double w = w0;
      if (c != ix.class_of.end()) {
        listings[t][listing] += w;
        model->listing_mass.back() += w;
      }
      model->item_df[t] += 1;
      c2[t][ch->second] += w;
      model->mass2[ch->second] += w;
      if (h != ix.heading_index.end()) {
        c4[t][h->second] += w;
        model->mass4[h->second] += w;
      }
      if (c != ix.class_of.end()) {
        c6[t][c->second] += w;
        model->mass6[c->second] += w;
      }
      model->item_totals[t] += w;
      model->item_total += w;
    }
  }
  model->average_mass6 = average_nonzero(model->mass6);
  model->average_mass4 = average_nonzero(model->mass4);
  model->average_mass2 = average_nonzero(model->mass2);
  model->average_listing_mass = average_nonzero(model->listing_mass);
  model->listing_postings = to_postings(listings);
  model->items6 = to_postings(c6);
  model->items4 = to_postings(c4);
  model->items2 = to_postings(c2);
  // Class prior, shrunk from heading and chapter counts so unseen subheadings keep some mass.
  model->log_prior.assign(n_classes, 0.0);
  if (model->training_size > 0) {
    std::vector<double> p(n_classes);
    double z = 0;
    for (std::size_t c = 0; c < n_classes; ++c) {
      const int h = ix.heading_of[c], ch = ix.chapter_of[c];
      p[c] = model->count6[c] +
             0.5 * model->count4[h] / static_cast<double>(ix.heading_classes[h].size()) +
             0.5 * model->count2[ch] / static_cast<double>(ix.chapter_classes[ch].size()) + 0.05;
      z += p[c];
    }
    for (std::size_t c = 0; c < n_classes; ++c) {
      model->log_prior[c] = options.prior_weight * std::log(p[c] / z * n_classes);
    }
  }
  return model;
}

namespace {

// BM25 saturation of a term count n in a document of length `mass` (average `avg`): unmatched
// query words cost nothing, so a listing full of brand names and sizes is not penalised.
double bm25(double n, double mass, double avg, const HsModelOptions& o) {
  return n * (o.bm25_k1 + 1) / (n + o.bm25_k1 * (1 - o.bm25_b + o.bm25_b * mass / avg));
}

double idf(double documents, double df) {
  return std::log(1 + (documents - df + 0.5) / (df + 0.5));
}

// How far to trust a class learned from n listings: one listing's brand words and broad
// category names should not outweigh the nomenclature text.
double reliability(int n, const HsModelOptions& o) { return n / (n + o.listing_reliability); }

struct TermGain {
  double text = 0, listings = 0;
};

// The two gains of term t for every class with evidence; calls f(c, gain).
template <typename F>
void for_each_gain(const HsClassifier::Model& m, const std::string& t, double q, F f) {
  const NomenclatureIndex& ix = *m.index;
  const HsModelOptions& o = m.options;
  if (auto it = ix.postings.find(t); it != ix.postings.end()) {
    const double w =
        o.nomenclature_weight * q *
        idf(static_cast<double>(ix.hs6.size()), static_cast<double>(it->second.size()));
    for (const auto& [c, n] : it->second) {
      f(c, TermGain{w * bm25(n, ix.mass[c], ix.average_mass, o), 0});
    }
  }
  auto df = m.item_df.find(t);
  if (df == m.item_df.end()) return;
  // Listings speak at three levels: the subheading, its heading and its chapter, each a
  // document of its own, so a category seen only under a heading still points there.
  const double w = o.item_weight * q * idf(static_cast<double>(m.training_size), df->second);
  if (auto it = m.items6.find(t); it != m.items6.end()) {
    for (const auto& [c, n] : it->second) {
      f(c, TermGain{0, w * reliability(m.count6[c], o) * bm25(n, m.mass6[c], m.average_mass6, o)});
    }
  }
  if (auto it = m.items4.find(t); it != m.items4.end()) {
    for (const auto& [h, n] : it->second) {
      const double g = o.heading_share * w * reliability(m.count4[h], o) *
                       bm25(n, m.mass4[h], m.average_mass4, o);
      for (int c : ix.heading_classes[h]) f(c, TermGain{0, g});
    }
  }
  if (auto it = m.items2.find(t); it != m.items2.end()) {
    for (const auto& [ch, n] : it->second) {
      const double g = o.chapter_share * w * reliability(m.count2[ch], o) *
                       bm25(n, m.mass2[ch], m.average_mass2, o);
      for (int c : ix.chapter_classes[ch]) f(c, TermGain{0, g});
    }
  }
}

// The nearest training listings vote for their subheadings with their similarity: a class
// centroid blurs listings of different goods filed under one "Other" subheading, a
// neighbour does not.
void add_neighbor_votes(const HsClassifier::Model& m, const TermWeights& query,
                        std::vector<double>& score) {
  const HsModelOptions& o = m.options;
  if (o.neighbor_weight <= 0 || o.neighbors <= 0 || m.listing_class.empty()) return;
  std::vector<double> sim(m.listing_class.size(), 0.0);
  for (const auto& [t, q] : query) {
    auto it = m.listing_postings.find(t);
    if (it == m.listing_postings.end()) continue;
    const double w = q * idf(static_cast<double>(m.training_size), it->second.size());
    for (const auto& [d, n] : it->second) {
      sim[d] += w * bm25(n, m.listing_mass[d], m.average_listing_mass, o);
    }
  }
  std::vector<int> order(sim.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  const std::size_t k = std::min<std::size_t>(o.neighbors, order.size());
  std::partial_sort(order.begin(), order.begin() + k, order.end(),
                    [&](int a, int b) { return sim[a] > sim[b]; });
  for (std::size_t i = 0; i < k; ++i) {
    const int d = order[i];
    if (sim[d] > 0 && m.listing_class[d] >= 0)
      score[m.listing_class[d]] += o.neighbor_weight * sim[d];
  }
}

}  // namespace

std::vector<double> score_classes(const HsClassifier::Model& m, const TermWeights& query) {
  std::vector<double> score = m.log_prior;
  for (const auto& [t, q] : query) {
    for_each_gain(m, t, q, [&](int c, const TermGain& g) { score[c] += g.text + g.listings; });
  }
  add_neighbor_votes(m, query, score);
  return score;
}

std::vector<std::pair<std::string, std::string>> top_terms(const HsClassifier::Model& m,
                                                           const TermWeights& query, int c, int n) {
  std::vector<std::tuple<double, std::string, std::string>> found;
  for (const auto& [t, q] : query) {
    TermGain sum;
    for_each_gain(m, t, q, [&](int k, const TermGain& g) {
      if (k != c) return;
      sum.text += g.text;
      sum.listings += g.listings;
    });
    if (sum.text + sum.listings <= 0.05) continue;
    found.emplace_back(sum.text + sum.listings, t,
                       sum.text >= sum.listings ? "nomenclature" : "listings");
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [gain, t, where] : found) {
    if (static_cast<int>(out.size()) >= n) break;
    out.emplace_back(t, where);
  }
  return out;
}

}  // namespace kontor::compliance
