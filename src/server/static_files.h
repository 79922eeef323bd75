// StaticFiles: the built front end served from one folder, without ever reading outside it.
// A request path is decoded once (by the HTTP layer), split on '/', and refused when a segment is
// "..", ".", empty-with-backslash tricks or contains a NUL or backslash; the file found is then
// canonicalised (resolving symlinks) and must still lie inside the folder's canonical path, which
// also stops a symlink that points out of it. Paths that name no file and have no extension get
// index.html (single-page-app routes); hashed assets under /assets/ are cached for a year.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kontor::server {

struct StaticFile {
  std::filesystem::path path;
  std::string content_type;
  std::string cache_control;
};

class StaticFiles {
 public:
  // `root` may be empty or missing: then nothing is found and available() is false.
  explicit StaticFiles(const std::filesystem::path& root);
  bool available() const { return !root_.empty(); }
  const std::filesystem::path& root() const { return root_; }
  // The file for a decoded request path ("/", "/assets/index-3f2a.js", "/cases/K1"), or nullopt
  // (404) when it does not exist or the path tries to leave the folder.
  std::optional<StaticFile> resolve(std::string_view request_path) const;

 private:
  std::optional<StaticFile> file(const std::filesystem::path& candidate,
                                 std::string_view request_path) const;
  std::filesystem::path root_;  // canonical; empty when unavailable
};

// "text/html; charset=utf-8" for ".html", …; "application/octet-stream" when unknown.
std::string content_type_for(const std::filesystem::path& path);

}  // namespace kontor::server
