#include "core/cache_folder.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <system_error>

#include "core/fingerprint.h"

namespace kontor {
namespace {

namespace fs = std::filesystem;

// A file entry: this line, the key, the payload's size and checksum, one per line, then the
// payload. Bump the version when the layout changes.
constexpr std::string_view kMagic = "kontor-cache 1\n";

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

// Splits the next line off `text` (without its '\n'); false when there is none.
bool next_line(std::string_view& text, std::string_view& line) {
  const std::size_t end = text.find('\n');
  if (end == std::string_view::npos) return false;
  line = text.substr(0, end);
  text.remove_prefix(end + 1);
  return true;
}

}  // namespace

std::string default_cache_dir() {
  if (std::string dir = env("KONTOR_CACHE_DIR"); !dir.empty()) return dir;
  if (std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty()) return xdg + "/kontor";
  if (std::string home = env("HOME"); !home.empty()) return home + "/.cache/kontor";
  return "";
}

std::string program_identity() {
  static const std::string identity = [] {
    Fingerprint f;
    std::error_code error;
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    if (error) return f.add("unknown program").hex();  // every key still holds the inputs
    f.add(program.string());
    f.add(static_cast<std::int64_t>(fs::file_size(program, error)));
    f.add(
        static_cast<std::int64_t>(fs::last_write_time(program, error).time_since_epoch().count()));
    return f.hex();
  }();
  return identity;
}

void add_file_to_key(Fingerprint& key, const std::string& path) {
  std::error_code error;
  const std::uintmax_t bytes = fs::file_size(path, error);
  std::ifstream in(path, std::ios::binary);
  std::string text(error ? 0 : bytes, '\0');
  if (error || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    key.add("absent");
    return;
  }
  key.add(text);
}

std::optional<std::string> CacheFolder::read(const std::string& name, std::string_view key) const {
  std::error_code error;
  const std::uintmax_t bytes = fs::file_size(dir_ / name, error);
  if (error) return std::nullopt;
  std::ifstream in(dir_ / name, std::ios::binary);
  std::string file(bytes, '\0');  // one read of the known size: entries are megabytes
  if (!in.read(file.data(), static_cast<std::streamsize>(bytes))) return std::nullopt;
  std::string_view rest(file);
  if (!rest.starts_with(kMagic)) return std::nullopt;
  rest.remove_prefix(kMagic.size());
  std::string_view stored_key, size, checksum;
  if (!next_line(rest, stored_key) || !next_line(rest, size) || !next_line(rest, checksum)) {
    return std::nullopt;
  }
  if (stored_key != key || size != std::to_string(rest.size())) return std::nullopt;
  if (checksum != Fingerprint().add(rest).hex()) return std::nullopt;
  file.erase(0, file.size() - rest.size());
  return file;
}

Status CacheFolder::write(const std::string& name, std::string_view key,
                          std::string_view payload) const {
  if (key.find('\n') != std::string_view::npos) {
    return invalid_argument("cache key of " + name + ": no line breaks");
  }
  std::error_code error;
  fs::create_directories(dir_, error);
  if (error) return unavailable("cache folder " + dir_.string() + ": " + error.message());
  const fs::path temp = temporary(name);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << kMagic << key << '\n'
        << payload.size() << '\n'
        << Fingerprint().add(payload).hex() << '\n';
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    out.close();
    if (!out) {
      fs::remove(temp, error);
      return unavailable("cache entry " + (dir_ / name).string() + ": cannot write");
    }
  }
  fs::rename(temp, dir_ / name, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return unavailable("cache entry " + (dir_ / name).string() + ": " + error.message());
  }
  return ok_status();
}

fs::path CacheFolder::temporary(const std::string& name) const {
  static std::atomic<unsigned> counter{0};
  return dir_ / (name + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
}

Status CacheFolder::publish(const fs::path& temporary, const std::string& name) const {
  std::error_code error;
  // rename(2) of a directory onto an existing non-empty one fails: the first publisher wins.
  fs::rename(temporary, dir_ / name, error);
  if (!error) return ok_status();
  std::error_code ignored;
  fs::remove_all(temporary, ignored);
  if (fs::exists(dir_ / name, ignored)) return ok_status();
  return unavailable("cache entry " + (dir_ / name).string() + ": " + error.message());
}

void CacheFolder::prune(std::string_view prefix, const std::string& keep) const {
  std::error_code error;
  const auto stale_before = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (fs::directory_iterator it(dir_, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || name == keep) continue;
    const bool temporary = name.find(".tmp-") != std::string::npos;
    std::error_code ignored;
    if (temporary && fs::last_write_time(it->path(), ignored) > stale_before) continue;
    fs::remove_all(it->path(), ignored);
  }
}

}  // namespace kontor
