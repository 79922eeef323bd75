#include "catalog/glossary.h"

#include <algorithm>
#include <cstdlib>

#include "catalog/text.h"
#include "core/csv.h"

namespace kontor::catalog {
namespace {

std::vector<std::string> split_cell(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('|', start);
    if (end == std::string_view::npos) end = cell.size();
    std::string term = normalize_text(cell.substr(start, end - start));
    if (!term.empty()) out.push_back(term);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = line.find('\t', start);
    out.emplace_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::size_t utf8_length(char lead) {
  auto c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

bool is_cjk_lang(std::string_view lang) { return lang == "zh" || lang == "ja"; }

}  // namespace

StatusOr<Glossary> Glossary::load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, read_file(path));
  return parse(text, path);
}

StatusOr<Glossary> Glossary::load_default() {
  const char* dir = std::getenv("KONTOR_REPO_DATA_DIR");
  return load(std::string(dir ? dir : KONTOR_REPO_DATA_DIR) + "/glossary_trade.tsv");
}

namespace {

bool english_plural_applies(const std::string& word) {
  return word.size() > 2 && word.back() != 's' && (word.back() >= 'a' && word.back() <= 'z');
}

std::string plural_suffix(const std::string& word) {
  const bool sibilant =
      word.back() == 'x' || word.back() == 'z' || word.ends_with("ch") || word.ends_with("sh");
  return sibilant ? "es" : "s";
}

}  // namespace

StatusOr<Glossary> Glossary::parse(std::string_view text, const std::string& file) {
  Glossary g;
  std::vector<std::string> header;
  std::size_t start = 0, line_no = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> cells = split_tabs(line);
    if (header.empty()) {
      header = cells;
      if (header.size() < 3 || header[0] != "id" || header[1] != "kind") {
        return data_loss(file + " line " + std::to_string(line_no) +
                         ": header must start id, kind");
      }
      g.languages_.assign(header.begin() + 2, header.end());
      continue;
    }
    if (cells.size() != header.size()) {
      return data_loss(file + " line " + std::to_string(line_no) + ": expected " +
                       std::to_string(header.size()) + " tab-separated cells, found " +
                       std::to_string(cells.size()));
    }
    GlossaryConcept c{cells[0], cells[1], {}};
    for (std::size_t i = 2; i < cells.size(); ++i) c.terms[header[i]] = split_cell(cells[i]);
    g.concepts_.push_back(std::move(c));
  }
  for (std::size_t ci = 0; ci < g.concepts_.size(); ++ci) {
    for (const auto& [lang, terms] : g.concepts_[ci].terms) {
      for (const std::string& term : terms) {
        std::vector<std::string> w = words(term);
        bool cjk = is_cjk_lang(lang) && w.size() <= 1 && term.size() > 0 &&
                   static_cast<unsigned char>(term[0]) >= 0xE0;
        if (cjk)
          g.cjk_by_first_char_[term.substr(0, utf8_length(term[0]))].push_back(
              {{}, ci, lang, term});
        else if (!w.empty())
          g.by_first_word_[w[0]].push_back({w, ci, lang, term});
        // Buyers write plurals ("insulated bottles"); the glossary lists English singulars.
        // The regular plural of the last word is enough: irregular ones are listed explicitly.
        if (lang == "en" && !w.empty() && english_plural_applies(w.back())) {
          std::vector<std::string> plural = w;
          plural.back() += plural_suffix(plural.back());
          g.by_first_word_[plural[0]].push_back({plural, ci, lang, term});
        }
      }
    }
  }
  for (auto& [first, phrases] : g.by_first_word_) {
    std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
      return a.words.size() > b.words.size();
    });
  }
  for (auto& [first, phrases] : g.cjk_by_first_char_) {
    std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
      return a.term.size() > b.term.size();
    });
  }
  return g;
}

const GlossaryConcept* Glossary::find(std::string_view id) const {
  for (const GlossaryConcept& c : concepts_) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::vector<GlossaryMatch> Glossary::match(std::string_view normalized,
                                           std::string_view lang) const {
  return match(normalized, words(normalized), lang);
}

std::vector<GlossaryMatch> Glossary::match(std::string_view normalized,
                                           const std::vector<std::string>& w,
                                           std::string_view lang) const {
  std::vector<GlossaryMatch> out;
  for (std::size_t i = 0; i < w.size();) {
    const Phrase* best = nullptr;
    auto it = by_first_word_.find(w[i]);
    if (it != by_first_word_.end()) {
      for (const Phrase& p : it->second) {
        if (!lang.empty() && p.lang != lang) continue;
        if (i + p.words.size() > w.size()) continue;
        if (std::equal(p.words.begin(), p.words.end(), w.begin() + static_cast<long>(i))) {
          best = &p;
          break;
        }
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    out.push_back({&concepts_[best->concept_index], best->lang, best->term, i, best->words.size()});
    i += best->words.size();
  }
  // CJK: leftmost-longest over the characters; only texts with CJK bytes pay for it.
  for (std::size_t pos = 0; pos < normalized.size();) {
    std::size_t step = utf8_length(normalized[pos]);
    if (static_cast<unsigned char>(normalized[pos]) < 0xE3) {
      pos += step;
      continue;
    }
    auto it = cjk_by_first_char_.find(std::string(normalized.substr(pos, step)));
    const Phrase* best = nullptr;
    if (it != cjk_by_first_char_.end()) {
      for (const Phrase& p : it->second) {
        if ((lang.empty() || p.lang == lang) &&
            normalized.compare(pos, p.term.size(), p.term) == 0) {
          best = &p;
          break;
        }
      }
    }
    if (best == nullptr) {
      pos += step;
      continue;
    }
    out.push_back({&concepts_[best->concept_index], best->lang, best->term, 0, 0});
    pos += best->term.size();
  }
  return out;
}

const GlossaryConcept* Glossary::first_concept(std::string_view normalized, std::string_view kind,
                                               std::string_view lang) const {
  for (const GlossaryMatch& m : match(normalized, lang)) {
    if (kind.empty() || m.concept_entry->kind == kind) return m.concept_entry;
  }
  return nullptr;
}

}  // namespace kontor::catalog
