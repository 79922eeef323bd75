#include "catalog/dictionary.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "catalog/text.h"
#include "core/csv.h"

namespace kontor::catalog {
namespace {

const std::map<std::string_view, std::string_view> kFreedictCodes = {
    {"pt", "por"}, {"es", "spa"}, {"de", "deu"}, {"fr", "fra"}, {"it", "ita"},
    {"tr", "tur"}, {"nl", "nld"}, {"pl", "pol"}, {"sv", "swe"}, {"ja", "jpn"}};

std::uint64_t base64_number(std::string_view s) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::uint64_t n = 0;
  for (char c : s) n = n * 64 + kAlphabet.find(c);
  return n;
}

StatusOr<std::string> gunzip_file(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return not_found("cannot open " + path);
  std::string out;
  char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0)
    out.append(buffer, static_cast<std::size_t>(n));
  bool failed = n < 0;
  gzclose(file);
  if (failed) return data_loss(path + ": corrupt dictzip data");
  return out;
}

// "garrafa /ɡɐ/\n1. bottle\n2. carafe, decanter\n" → bottle, carafe, decanter.
std::vector<std::string> senses(std::string_view entry) {
  std::vector<std::string> out;
  std::size_t start = entry.find('\n');
  while (start != std::string_view::npos && start + 1 < entry.size()) {
    std::size_t end = entry.find('\n', start + 1);
    std::string_view line =
        entry.substr(start + 1, end == std::string_view::npos ? end : end - start - 1);
    start = end;
    std::size_t dot = line.find(". ");
    if (dot != std::string_view::npos && dot <= 3) line.remove_prefix(dot + 2);
    std::string cleaned;
    int depth = 0;
    for (char c : line) {
      if (c == '(' || c == '<' || c == '[')
        ++depth;
      else if (c == ')' || c == '>' || c == ']')
        depth = depth > 0 ? depth - 1 : 0;
      else if (depth == 0)
        cleaned += c;
    }
    std::size_t pos = 0;
    while (pos <= cleaned.size()) {
      std::size_t next = cleaned.find_first_of(",;", pos);
      if (next == std::string::npos) next = cleaned.size();
      std::string sense = normalize_text(cleaned.substr(pos, next - pos));
      while (!sense.empty() && sense.front() == ' ') sense.erase(0, 1);
      while (!sense.empty() && sense.back() == ' ') sense.pop_back();
      if (sense.rfind("to ", 0) == 0) sense.erase(0, 3);
      if (!sense.empty() && sense.size() < 40) out.push_back(sense);
      pos = next + 1;
    }
  }
  return out;
}

// Headwords are folded like query words; plain ASCII (most of them) without a trip through ICU.
std::string fold_headword(std::string_view word) {
  bool ascii = std::all_of(word.begin(), word.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return normalize_text(word);
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

StatusOr<BilingualDictionary> BilingualDictionary::load_to_english(std::string_view lang,
                                                                   const std::string& directory) {
  auto code = kFreedictCodes.find(lang);
  if (code == kFreedictCodes.end())
    return not_found("no FreeDict code for language " + std::string(lang));
  std::string dir = directory;
  if (dir.empty()) {
    const char* env = std::getenv("KONTOR_FREEDICT_DIR");
    dir = env ? env : "/usr/share/dictd";
  }
  BilingualDictionary d;
  d.source_ = "freedict-" + std::string(code->second) + "-eng";
  ASSIGN_OR_RETURN(std::string index, read_file(dir + "/" + d.source_ + ".index"));
  ASSIGN_OR_RETURN(std::string data, gunzip_file(dir + "/" + d.source_ + ".dict.dz"));
  std::size_t start = 0;
  while (start < index.size()) {
    std::size_t end = index.find('\n', start);
    if (end == std::string::npos) end = index.size();
    std::string_view line = std::string_view(index).substr(start, end - start);
    start = end + 1;
    std::size_t t1 = line.find('\t'), t2 = line.rfind('\t');
    if (t1 == std::string_view::npos || t2 == t1 || line.substr(0, 2) == "00") continue;
    std::uint64_t offset = base64_number(line.substr(t1 + 1, t2 - t1 - 1));
    std::uint64_t length = base64_number(line.substr(t2 + 1));
    if (offset + length > data.size())
      return data_loss(d.source_ + ".index: entry beyond the data");
    d.entries_[fold_headword(line.substr(0, t1))].push_back({offset, length});
  }
  d.data_ = std::move(data);
  return d;
}

std::vector<std::string> BilingualDictionary::translate(std::string_view word,
                                                        std::size_t limit) const {
  auto it = entries_.find(std::string(word));
  if (it == entries_.end()) return {};
  std::vector<std::string> out;
  for (const auto& [offset, length] : it->second) {
    for (std::string& s : senses(std::string_view(data_).substr(offset, length))) {
      if (out.size() >= limit) return out;
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    }
  }
  return out;
}

const BilingualDictionary* DictionaryShelf::to_english(std::string_view lang) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = loaded_.find(lang);
  if (it == loaded_.end()) {
    auto d = BilingualDictionary::load_to_english(lang, directory_);
    it =
        loaded_
            .emplace(std::string(lang),
                     d.ok() ? std::make_unique<BilingualDictionary>(std::move(d).value()) : nullptr)
            .first;
  }
  return it->second.get();
}

}  // namespace kontor::catalog
