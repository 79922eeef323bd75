#include "server/static_files.h"

#include <algorithm>
#include <array>
#include <system_error>
#include <utility>

namespace kontor::server {
namespace {

namespace fs = std::filesystem;

bool safe_segment(std::string_view segment) {
  if (segment == "." || segment == "..") return false;
  for (char c : segment) {
    if (c == '\0' || c == '\\') return false;
  }
  return true;
}

bool inside(const fs::path& root, const fs::path& path) {
  auto [root_end, path_it] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

}  // namespace

std::string content_type_for(const fs::path& path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  }};
  const std::string extension = path.extension().string();
  for (const auto& [ext, type] : kTypes) {
    if (extension == ext) return std::string(type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code error;
  if (root.empty() || !fs::is_directory(root, error)) return;
  root_ = fs::canonical(root, error);
  if (error) root_.clear();
}

std::optional<StaticFile> StaticFiles::file(const fs::path& candidate,
                                            std::string_view request_path) const {
  std::error_code error;
  const fs::path real = fs::canonical(candidate, error);
  if (error || !inside(root_, real) || !fs::is_regular_file(real, error)) return std::nullopt;
  StaticFile found{real, content_type_for(real), "no-cache"};
  if (request_path.starts_with("/assets/")) {
    found.cache_control = "public, max-age=31536000, immutable";
  }
  return found;
}

std::optional<StaticFile> StaticFiles::resolve(std::string_view request_path) const {
  if (root_.empty() || !request_path.starts_with("/")) return std::nullopt;
  fs::path candidate = root_;
  std::string_view rest = request_path.substr(1);
  std::string_view last;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (!safe_segment(segment)) return std::nullopt;
    if (!segment.empty()) {
      candidate /= std::string(segment);
      last = segment;
    }
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  if (last.empty()) return file(root_ / "index.html", "/index.html");
  if (auto found = file(candidate, request_path)) return found;
  // An app route (no extension, not a file): the single-page app handles it.
  if (last.find('.') == std::string_view::npos) return file(root_ / "index.html", "/index.html");
  return std::nullopt;
}

}  // namespace kontor::server
