// `kontor catalog import|export|stats`: the workspace's supplier catalog (CSV or JSON Lines).
// An import is atomic and idempotent: a file with one bad row changes nothing, and importing the
// same file twice reports every record unchanged.
#include <fmt/core.h>

#include "catalog/catalog.h"
#include "cli/context.h"

namespace kontor::cli {
namespace {

struct CatalogFlags {
  std::vector<std::string> files;
  std::string db, out;
  bool csv = false;
};

int run_import(Context& context, const CatalogFlags& f) {
  auto store = context.store(f.db);
  if (!store.ok()) return context.fail(store.status());
  auto report = catalog::import_files(**store, f.files);
  if (!report.ok()) return context.fail(report.status());
  fmt::print("imported {} records into {}: {} new, {} updated, {} unchanged\n", report->records,
             Context::store_path(f.db), report->inserted, report->updated, report->unchanged);
  return 0;
}

int run_export(Context& context, const CatalogFlags& f) {
  auto store = context.store(f.db);
  if (!store.ok()) return context.fail(store.status());
  auto catalog = catalog::load_catalog(**store);
  if (!catalog.ok()) return context.fail(catalog.status());
  Status written =
      f.csv ? catalog::export_csv(*catalog, f.out) : catalog::export_jsonl(*catalog, f.out);
  if (!written.ok()) return context.fail(written);
  fmt::print("exported {} suppliers, {} products, {} offers to {}\n", catalog->suppliers().size(),
             catalog->products().size(), catalog->offers().size(), f.out);
  return 0;
}

}  // namespace

void add_catalog_command(CLI::App& app, Context& context, std::function<int()>& run) {
  static CatalogFlags f;
  CLI::App* cmd = app.add_subcommand("catalog", "Import or export the supplier catalog");
  cmd->require_subcommand(1);
  CLI::App* import = cmd->add_subcommand(
      "import", "Import suppliers, products and offers (CSV or JSON Lines; all rows or none)");
  import->add_option("files", f.files, "CSV or .jsonl files")->required();
  import->add_option("--db", f.db, "workspace database (default $KONTOR_HOME/kontor.db)");
  import->callback([&] { run = [&] { return run_import(context, f);
};
}  // namespace kontor::cli
);
CLI::App* exp = cmd->add_subcommand("export", "Export the catalog");
exp->add_option("out", f.out, "a .jsonl file, or a folder with --csv")->required();
exp->add_flag("--csv", f.csv, "write suppliers.csv, products.csv and offers.csv");
exp->add_option("--db", f.db, "workspace database (default $KONTOR_HOME/kontor.db)");
exp->callback([&] { run = [&] { return run_export(context, f); }; });
}

}  // namespace kontor::cli
