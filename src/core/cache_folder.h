// CacheFolder: where Kontor keeps data it derives from its inputs and can always rebuild (the
// trained HS classifier, the catalog's search index), so that a new process reuses the work of
// an earlier one instead of redoing it. Nothing in it is the only copy of anything: deleting
// the folder is always safe (`kontor cache clear`), and a missing, stale or damaged entry is
// rebuilt, never an error.
//
// Entries are keyed by a digest of everything they were derived from (core/fingerprint.h):
// a file entry stores its key and a checksum of its payload, and read() returns it only when
// both match. Writes never expose half an entry: the payload goes to a private temporary file
// in the folder and is renamed over the entry (atomic on POSIX), so a concurrent or killed
// process leaves either the old entry, the new one or a temporary file nobody reads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/fingerprint.h"
#include "core/status.h"

namespace kontor {

// $KONTOR_CACHE_DIR, else $XDG_CACHE_HOME/kontor, else $HOME/.cache/kontor (the XDG base
// directory rule); "" when none of them is set (then nothing is cached).
std::string default_cache_dir();

// A digest of the running program (its path, size and modification time). Derived data
// keyed by it is rebuilt once after the program changes, so that no code change (a tokenizer,
// a loader) ever reuses what older code derived, even when no format version was bumped.
std::string program_identity();

// The bytes of `path` added to `key` ("absent" for a file that cannot be read: its later
// appearance changes the key).
void add_file_to_key(Fingerprint& key, const std::string& path);

class CacheFolder {
 public:
  explicit CacheFolder(std::filesystem::path dir) : dir_(std::move(dir)) {}
  const std::filesystem::path& dir() const { return dir_; }

  // The payload stored as `name` with this key; nullopt when there is none, it was derived
  // from other inputs (another key), or it is truncated or corrupt (checksum).
  std::optional<std::string> read(const std::string& name, std::string_view key) const;
  // Stores `payload` as `name` with `key` (creates the folder). An error (unwritable folder,
  // disk full) leaves any previous entry intact; callers treat it as a warning.
  Status write(const std::string& name, std::string_view key, std::string_view payload) const;

  // A new, private path in the folder for building an entry that is a directory (a search
  // index): "<name>.tmp-<pid>-<n>". Not created.
  std::filesystem::path temporary(const std::string& name) const;
  // Renames the built `temporary` to `name`. When `name` already exists (another process
  // published the same key first) the temporary is removed and the existing entry kept.
  Status publish(const std::filesystem::path& temporary, const std::string& name) const;
  // Removes the entries whose names start with `prefix` other than `keep`, and temporaries
  // of them left by a killed process (older than an hour). Errors are ignored: a process that
  // still has one open keeps reading it (POSIX keeps unlinked files readable).
  void prune(std::string_view prefix, const std::string& keep) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace kontor
