// `kontor cache`: where the derived data lives (the trained HS classifier, the catalog's search
// index; core/cache_folder.h) and `kontor cache clear` to remove it. Everything in the folder
// is rebuilt on the next run, so clearing it loses nothing but time.
#include <fmt/core.h>

#include <filesystem>
#include <system_error>

#include "cli/context.h"
#include "core/cache_folder.h"

namespace kontor::cli {
namespace {

int run_cache(const Context& context, bool clear) {
  const std::string dir = default_cache_dir();
  if (dir.empty()) {
    return context.fail(
        failed_precondition("cache: no folder (set KONTOR_CACHE_DIR, XDG_CACHE_HOME or HOME)"));
  }
  if (!clear) {
    fmt::print("{}\n", dir);
    return 0;
  }
  std::error_code error;
  const std::uintmax_t removed = std::filesystem::remove_all(dir, error);
  if (error)
    return context.fail(unavailable("cache: cannot remove " + dir + ": " + error.message()));
  fmt::print("removed {} ({} files and folders); the next run rebuilds it\n", dir, removed);
  return 0;
}

}  // namespace

void add_cache_command(CLI::App& app, Context& context, std::function<int()>& run) {
  CLI::App* cmd = app.add_subcommand(
      "cache",
      "Print the cache folder of derived data ($KONTOR_CACHE_DIR, else $XDG_CACHE_HOME/kontor, "
      "else ~/.cache/kontor)");
  CLI::App* clear =
      cmd->add_subcommand("clear", "Remove the cache folder (rebuilt on the next run)");
  cmd->callback([&context, &run, clear] {
    run = [&context, clear] { return run_cache(context, clear->parsed()); };
  });
}

}  // namespace kontor::cli
