// Bilingual dictionaries from FreeDict, as Debian installs them (dict-freedict-por-eng and
// friends: /usr/share/dictd/freedict-X-eng.index + .dict.dz, GPL data). Used for query words the
// trade glossary does not know: "garrafa" → bottle, carafe. Loaded on first use per language;
// a missing dictionary is not an error (the glossary alone still translates product words).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace kontor::catalog {

class BilingualDictionary {
 public:
  // Reads X-eng from `directory` ("" = $KONTOR_FREEDICT_DIR or /usr/share/dictd).
  static StatusOr<BilingualDictionary> load_to_english(std::string_view lang,
                                                       const std::string& directory = "");
  // Up to `limit` English translations of a normalised headword, most common sense first.
  std::vector<std::string> translate(std::string_view word, std::size_t limit = 3) const;
  const std::string& source() const { return source_; }  // "freedict-por-eng"
  std::size_t headwords() const { return entries_.size(); }

 private:
  std::string source_;
  std::string data_;  // the uncompressed .dict text; senses are parsed on lookup
  std::unordered_map<std::string, std::vector<std::pair<std::uint64_t, std::uint64_t>>> entries_;
};

// Dictionaries by language, loaded lazily and shared between threads.
class DictionaryShelf {
 public:
  explicit DictionaryShelf(std::string directory = "") : directory_(std::move(directory)) {}
  // null when no dictionary exists for the language (or for English itself).
  const BilingualDictionary* to_english(std::string_view lang) const;

 private:
  std::string directory_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<BilingualDictionary>, std::less<>> loaded_;
};

}  // namespace kontor::catalog
