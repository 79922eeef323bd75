// `kontor data`: which reference data sets are loaded, from where, with editions and licences.
#include <fmt/core.h>

#include "cli/context.h"
#include "cli/format.h"

namespace kontor::cli {
namespace {

int run_data(Context& context) {
  auto data = context.data();
  if (!data.ok()) return context.fail(data.status());
  const auto paths = refdata::DataPaths::from_environment();
  fmt::print("Reference data: {} (shared) and {} (authored by the project)\n\n", paths.shared_dir,
             paths.repo_dir);
  for (const DataSource* s : (*data)->sources()) {
    fmt::print("  {} {}\n", pad(s->id, 24), s->file);
    fmt::print("  {} {} — {}\n", pad("", 24), s->title, s->edition);
    fmt::print("  {} licence: {}\n", pad("", 24), s->licence);
  }
  const auto& d = **data;
  fmt::print(
      "\n  {} HS 2022 codes, {} US HTS lines, {} EU CET lines, {} UK tariff lines, {} "
      "currencies, {} countries\n",
      d.hs2022.entries().size(), d.us_hts.lines().size(), d.eu_cet.lines().size(),
      d.uk_gt.lines().size(), d.currencies.size(), d.countries.all().size());
  return 0;
}

}  // namespace

void add_data_command(CLI::App& app, Context& context, std::function<int()>& run) {
  CLI::App* cmd = app.add_subcommand("data", "List the reference data sets in use");
  cmd->callback([&] { run = [&] { return run_data(context); }; });
}

}  // namespace kontor::cli
