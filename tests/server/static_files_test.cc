// Static files: the front end is served from its folder and nothing outside it is reachable —
// neither by "..", nor by its percent-encoded form, nor through a symlink pointing out.
#include "server/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "server_test_util.h"

namespace kontor::server::testing {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// <tmp>/site/web/{index.html, assets/app-1a2b.js, link → ../secret.txt}, <tmp>/site/secret.txt
fs::path make_site() {
  const fs::path root = fs::temp_directory_path() / ("kontor-static-" + std::to_string(getpid()));
  fs::remove_all(root);
  write(root / "web" / "index.html", "<!doctype html><title>Kontor</title>");
  write(root / "web" / "assets" / "app-1a2b.js", "console.log(1)");
  write(root / "secret.txt", "secret");
  fs::create_symlink(root / "secret.txt", root / "web" / "link.txt");
  return root;
}

TEST(StaticFilesTest, ResolvesIndexAndAssets) {
  const fs::path root = make_site();
  StaticFiles files(root / "web");
  auto index = files.resolve("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->path.filename(), "index.html");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->cache_control, "no-cache");
  auto js = files.resolve("/assets/app-1a2b.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js->cache_control, "public, max-age=31536000, immutable");
}

TEST(StaticFilesTest, AppRoutesFallBackToIndex) {
  const fs::path root = make_site();
  StaticFiles files(root / "web");
  auto route = files.resolve("/cases/K20261123-1a2b3c");
  ASSERT_TRUE(route);
  EXPECT_EQ(route->path.filename(), "index.html");
  EXPECT_FALSE(files.resolve("/assets/missing.js"));
}

TEST(StaticFilesTest, RefusesDotDotAndSymlinksOut) {
  const fs::path root = make_site();
  StaticFiles files(root / "web");
  EXPECT_FALSE(files.resolve("/../secret.txt"));
  EXPECT_FALSE(files.resolve("/assets/../../secret.txt"));
  EXPECT_FALSE(files.resolve("/link.txt"));
  EXPECT_FALSE(files.resolve("/assets\\..\\..\\secret.txt"));
}

TEST(StaticFilesTest, ServerRefusesTraversalOverHttp) {
  const fs::path root = make_site();
  TestServerOptions options;
  options.web_dir = (root / "web").string();
  TestServer server(options);
  httplib::Client c = server.client();
  auto index = c.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>Kontor</title>");
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt",
                           "/assets/%2E%2E/%2e%2e/secret.txt", "/link.txt", "/..%2fsecret.txt"}) {
    auto res = c.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->body, "secret") << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " " << res->status;
  }
  auto spa = c.Get("/inbox");
  ASSERT_TRUE(spa);
  EXPECT_EQ(spa->status, 200);
  EXPECT_EQ(spa->get_header_value("Content-Type"), "text/html; charset=utf-8");
}

}  // namespace
}  // namespace kontor::server::testing
