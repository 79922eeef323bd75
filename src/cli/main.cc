// kontor: the command line. Subcommands live in their own files and register on the app.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>

#include "cli/context.h"
#include "cli/crew_cli.h"

namespace kontor::cli {
void add_cache_command(CLI::App& app, Context& context, std::function<int()>& run);     // cache
void add_brief_command(CLI::App& app, Context& context, std::function<int()>& run);     // intake
void add_classify_command(CLI::App& app, Context& context, std::function<int()>& run);  // HS
void add_grant_command(CLI::App& app, Context& context, std::function<int()>& run);     // grants
void add_serve_command(CLI::App& app, Context& context, std::function<int()>& run);     // HTTP
void add_token_command(CLI::App& app, Context& context, std::function<int()>& run);  // its tokens
}  // namespace kontor::cli

int main(int argc, char** argv) {
  CLI::App app{
      "Kontor: an AI agent crew for cross-border trade. Exact landed cost, duty and import tax "
      "from real reference data, with the source of every figure.",
      "kontor"};
  app.set_version_flag("--version", std::string("kontor ") + KONTOR_VERSION);
  app.require_subcommand(1);
  kontor::cli::Context context;
  std::function<int()> run;
  kontor::cli::add_landed_cost_commands(app, context, run);
  kontor::cli::add_data_command(app, context, run);
  kontor::cli::add_demo_command(app, context, run);
  kontor::cli::add_search_command(app, context, run);
  kontor::cli::add_catalog_command(app, context, run);
  kontor::cli::add_brief_command(app, context, run);
  kontor::cli::add_classify_command(app, context, run);
  kontor::cli::add_grant_command(app, context, run);
  kontor::cli::add_crew_commands(app, context, run);
  kontor::cli::add_serve_command(app, context, run);
  kontor::cli::add_token_command(app, context, run);
  kontor::cli::add_cache_command(app, context, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "kontor: error: %s (see kontor --help)\n", e.what());
    return kontor::cli::kExitBadInput;
  }
  return run ? run() : 0;
}
