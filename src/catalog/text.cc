#include "catalog/text.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>

namespace kontor::catalog {
namespace {

bool is_cjk(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL || c == 0x30FC;  // ー prolonged sound mark is "common"
}

void append_cjk_run(const icu::UnicodeString& run, std::vector<Token>& out) {
  std::vector<std::string> chars;
  for (int32_t i = 0; i < run.length();) {
    UChar32 c = run.char32At(i);
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    chars.push_back(std::move(s));
    i += U16_LENGTH(c);
  }
  for (std::size_t i = 0; i < chars.size(); ++i) {
    out.push_back({chars[i], true});
    if (i + 1 < chars.size()) out.push_back({chars[i] + chars[i + 1], true});
  }
}

// The word break iterator is costly to create; one per thread, cloned from a prototype.
icu::BreakIterator* word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker;
  if (!breaker) {
    UErrorCode status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }
  return breaker.get();
}

template <typename Emit>
void for_each_word(const icu::UnicodeString& text, Emit emit) {
  icu::BreakIterator* bi = word_breaker();
  bi->setText(text);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    int32_t status = bi->getRuleStatus();
    if (status == UBRK_WORD_NONE) continue;  // spaces and punctuation
    emit(text.tempSubStringBetween(start, end));
  }
}

}  // namespace

std::string normalize_text(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out = U_SUCCESS(status) ? nfkc_cf->normalize(in, status) : in;
  std::string result;
  (U_SUCCESS(status) ? out : in).toUTF8String(result);
  return result;
}

std::vector<Token> tokenize(std::string_view normalized) {
  std::vector<Token> out;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(normalized.data(), static_cast<int32_t>(normalized.size())));
  for_each_word(text, [&](const icu::UnicodeString& word) {
    icu::UnicodeString latin, cjk;
    auto flush_latin = [&] {
      if (latin.isEmpty()) return;
      std::string s;
      latin.toUTF8String(s);
      out.push_back({std::move(s), false});
      latin.remove();
    };
    for (int32_t i = 0; i < word.length();) {
      UChar32 c = word.char32At(i);
      i += U16_LENGTH(c);
      if (is_cjk(c)) {
        flush_latin();
        cjk.append(c);
      } else {
        if (!cjk.isEmpty()) append_cjk_run(cjk, out), cjk.remove();
        if (u_isalnum(c) || c == '\'' || c == 0x2019)
          latin.append(c);
        else
          flush_latin();
      }
    }
    flush_latin();
    if (!cjk.isEmpty()) append_cjk_run(cjk, out);
  });
  return out;
}

std::vector<std::string> words(std::string_view normalized) {
  std::vector<std::string> out;
  for (Token& t : tokenize(normalized)) {
    if (!t.cjk) out.push_back(std::move(t.text));
  }
  return out;
}

std::string identify_language(std::string_view text, std::string_view glossary_hint) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  int han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, thai = 0, latin = 0;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_HAN: ++han; break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA: ++kana; break;
      case USCRIPT_HANGUL: ++hangul; break;
      case USCRIPT_CYRILLIC: ++cyrillic; break;
      case USCRIPT_ARABIC: ++arabic; break;
      case USCRIPT_THAI: ++thai; break;
      case USCRIPT_LATIN: ++latin; break;
      default: break;
    }
  }
  if (kana > 0 && kana + han >= latin) return "ja";
  if (han > 0 && han >= latin / 3) return "zh";
  if (hangul > latin) return "ko";
  if (cyrillic > latin) return "ru";
  if (arabic > latin) return "ar";
  if (thai > latin) return "th";
  return identify_latin_language(normalize_text(text), glossary_hint);
}

}  // namespace kontor::catalog
