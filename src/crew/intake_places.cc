// GoalReader: countries (destination, origins to prefer or avoid), sales channels and
// certifications. A country's role comes from the cue before it; ties between languages ("no"
// is "not" in English and Spanish, "in the" in Portuguese) go to the goal's language.
#include <algorithm>
#include <array>
#include <utility>

#include "catalog/text.h"
#include "crew/detail/intake_reader.h"

namespace kontor::crew::detail {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kAmazonDomains = {{
    {"de", "DE"},     {"fr", "FR"},    {"es", "ES"},     {"it", "IT"},     {"nl", "NL"},
    {"se", "SE"},     {"pl", "PL"},    {"co.uk", "GB"},  {"com", "US"},    {"ca", "CA"},
    {"com.au", "AU"}, {"co.jp", "JP"}, {"com.br", "BR"}, {"com.mx", "MX"}, {"com.be", "BE"},
    {"com.tr", "TR"}, {"ae", "AE"},    {"sa", "SA"},     {"sg", "SG"},     {"in", "IN"},
}};

bool is_upper_pair(std::string_view text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

}  // namespace

std::size_t GoalReader::country_at(std::size_t i, std::string& code, bool& generic) const {
  generic = false;
  const LexEntry* named = nullptr;
  const LexEntry* abbreviated = nullptr;
  const std::size_t n1 = t_.lexicon.longest(tok_, i, "country", &named);
  const std::size_t n2 = t_.lexicon.longest(tok_, i, "code", &abbreviated);
  if (n1 > 0 || n2 > 0) {
    code = n1 >= n2 ? named->value : abbreviated->value;
    return std::max(n1, n2);
  }
  if (i < tok_.size() && !tok_[i].used && is_upper_pair(tok_[i].text)) {
    auto parsed = CountryCode::parse(tok_[i].text);
    if (parsed.ok() && t_.countries.find(*parsed).ok()) {
      code = tok_[i].text;
      generic = true;
      return 1;
    }
  }
  return 0;
}

// The cue right before a country (an article may sit between: "para o Brasil"). Moves `begin`
// to the cue's first token when there is one.
CountryMention::How GoalReader::cue_before(std::size_t& begin) const {
  struct Best {
    std::size_t n = 0;
    int lang = 0, priority = 0;
    std::size_t start = 0;
    CountryMention::How how = CountryMention::How::kBare;
  } best;
  constexpr std::array<std::pair<std::string_view, CountryMention::How>, 3> kCues = {{
      {"avoid_cue", CountryMention::How::kAvoid},
      {"origin_cue", CountryMention::How::kOrigin},
      {"dest_cue", CountryMention::How::kDestination},
  }};
  // "made in Italy or in Portugal", "not from China or India": a country after a word
  // conjunction (and a cue or article at most) shares the previous country's role.
  if (!countries_.empty() && countries_.back().how != CountryMention::How::kBare) {
    const std::size_t prev_end = countries_.back().end;
    const std::size_t gap = begin > prev_end ? begin - prev_end : 0;
    if ((gap == 1 || gap == 2) && tok_[prev_end].kind == TokenKind::kWord &&
        t_.lexicon.is(tok_[prev_end], "conj")) {
      begin = prev_end;
      return countries_.back().how;
    }
  }
  std::vector<std::size_t> ends{begin};
  if (begin > 0 && !tok_[begin - 1].used && t_.lexicon.is(tok_[begin - 1], "article")) {
    ends.push_back(begin - 1);
  }
  for (std::size_t end : ends) {
    for (std::size_t n = 1; n <= Lexicon::kMaxPhraseTokens && n <= end; ++n) {
      if (tok_[end - n].used) break;
      for (std::size_t k = 0; k < kCues.size(); ++k) {
        for (const LexEntry* e : t_.lexicon.at(tok_, end - n, n, kCues[k].first)) {
          const int lang = e->lang == b_.language || e->lang == "*" ? 1 : 0;
          const int priority = static_cast<int>(kCues.size() - k);
          if (std::tie(n, lang, priority) > std::tie(best.n, best.lang, best.priority)) {
            best = {n, lang, priority, end - n, kCues[k].second};
          }
        }
      }
    }
  }
  if (best.n > 0) {
    begin = best.start;
    return best.how;
  }
  // "Amazon DE", "Amazon UK": the marketplace's country.
  if (begin > 0 && tok_[begin - 1].key == "amazon") return CountryMention::How::kDestination;
  // "not from China or Vietnam": a country joined to the previous one shares its role.
  if (begin > 0 && !countries_.empty() && t_.lexicon.is(tok_[begin - 1], "conj") &&
      countries_.back().end == begin - 1 && countries_.back().how != CountryMention::How::kBare) {
    begin -= 1;
    return countries_.back().how;
  }
  return CountryMention::How::kBare;
}

void GoalReader::read_countries() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    if (tok_[i].used) continue;
    CountryMention m;
    if (tok_[i].key.rfind("amazon.", 0) == 0) {
      for (const auto& [domain, code] : kAmazonDomains) {
        if (tok_[i].key.substr(7) == domain) m.code = std::string(code);
      }
      if (m.code.empty()) continue;
      m.how = CountryMention::How::kDestination;
      m.begin = i, m.end = i + 1;
      tok_[i].used = true;
      if (std::find(b_.channels.begin(), b_.channels.end(), SalesChannel::kAmazon) ==
          b_.channels.end()) {
        b_.channels.push_back(SalesChannel::kAmazon);
      }
      countries_.push_back(std::move(m));
      continue;
    }
    bool generic = false;
    const std::size_t n = country_at(i, m.code, generic);
    if (n == 0) continue;
    std::size_t begin = i;
    m.how = cue_before(begin);
    if (generic && m.how == CountryMention::How::kBare) continue;
    m.capitalized = catalog::normalize_text(tok_[i].text) != tok_[i].text;
    m.begin = begin, m.end = i + n;
    if (m.how != CountryMention::How::kBare || m.capitalized) consume(m.begin, m.end);
    countries_.push_back(std::move(m));
    i += n - 1;
  }
}

// "the German market", "mercado alemán", "für den deutschen Markt", "marché français".
void GoalReader::read_adjectives() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    const LexEntry* adjective = nullptr;
    const std::size_t n = t_.lexicon.longest(tok_, i, "adjective", &adjective);
    if (n == 0) continue;
    std::optional<std::size_t> market;
    for (std::size_t k = i > 2 ? i - 2 : 0; k < std::min(tok_.size(), i + n + 2); ++k) {
      if (k >= i && k < i + n) continue;
      if (!tok_[k].used && t_.lexicon.is(tok_[k], "market")) market = k;
    }
    if (!market) continue;
    std::size_t begin = std::min(i, *market);
    const std::size_t end = std::max(i + n, *market + 1);
    CountryMention m;
    m.code = adjective->value;
    m.how = cue_before(begin);
    if (m.how == CountryMention::How::kBare || m.how == CountryMention::How::kOrigin) {
      m.how = CountryMention::How::kDestination;
    }
    m.begin = begin, m.end = end;
    consume(begin, end);
    countries_.push_back(std::move(m));
  }
}

void GoalReader::read_channels() {
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    const LexEntry* entry = nullptr;
    const std::size_t n = t_.lexicon.longest(tok_, i, "channel", &entry);
    if (n == 0) continue;
    auto channel = parse_sales_channel(entry->value);
    if (!channel) continue;
    if (std::find(b_.channels.begin(), b_.channels.end(), *channel) == b_.channels.end()) {
      b_.channels.push_back(*channel);
    }
    std::size_t begin = i;
    if (last_end > 0 && begin == last_end + 1 && t_.lexicon.is(tok_[last_end], "conj")) {
      consume(last_end, begin);
    } else {
      consume_kind_before(begin, "channel_cue");
    }
    consume(i, i + n);
    last_end = i + n;
    i += n - 1;
  }
}

void GoalReader::read_certifications() {
  std::size_t last_end = 0;
  auto add = [&](const std::string& name) {
    if (std::find(b_.required_certifications.begin(), b_.required_certifications.end(), name) ==
        b_.required_certifications.end()) {
      b_.required_certifications.push_back(name);
    }
  };
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    const LexEntry* exact = nullptr;
    const LexEntry* folded = nullptr;
    const std::size_t n1 = t_.lexicon.longest(tok_, i, "cert", &exact);
    const std::size_t n2 = t_.lexicon.longest(tok_, i, "cert_i", &folded);
    std::size_t n = std::max(n1, n2);
    if (n > 0) {
      add(n1 >= n2 ? exact->value : folded->value);
    } else if (!tok_[i].used && tok_[i].text.find('-') != std::string::npos) {
      // "CE-certified", "CE-zertifiziert", "LFGB-konform"
      GoalToken head = tok_[i];
      head.text = head.text.substr(0, head.text.find('-'));
      head.key = fold_key(head.text);
      GoalToken tail = tok_[i];
      tail.text = tail.text.substr(tail.text.find('-') + 1);
      tail.key = fold_key(tail.text);
      std::vector<GoalToken> parts{head};
      const LexEntry* entry = nullptr;
      if (t_.lexicon.longest(parts, 0, "cert", &entry) == 0 || !t_.lexicon.is(tail, "cert_cue")) {
        continue;
      }
      add(entry->value);
      n = 1;
    } else {
      continue;
    }
    std::size_t begin = i, end = i + n;
    if (last_end > 0 && begin == last_end + 1 && t_.lexicon.is(tok_[last_end], "conj")) {
      consume(last_end, begin);
    } else {
      consume_kind_before(begin, "cert_cue");
    }
    consume(i, end);
    consume_kind_after(end, "cert_cue");
    last_end = end;
    i = end - 1;
  }
}

}  // namespace kontor::crew::detail
