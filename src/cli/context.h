// What every subcommand shares: the reference data (loaded once, on first use), the clock, and
// the rule for errors — one line naming the field and the reason; exit code 2 for bad input,
// 1 for anything else.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "core/date.h"
#include "core/status.h"
#include "refdata/reference_data.h"
#include "store/store.h"

namespace kontor::cli {

inline constexpr int kExitBadInput = 2;
inline constexpr int kExitFailure = 1;

class Context {
 public:
  // The snapshot, loading it on first use; the error names the file, line and field.
  StatusOr<std::shared_ptr<const refdata::ReferenceData>> data();
  const Clock& clock() const { return *clock_; }
  // The workspace database, opened on first use: `path` when given, else $KONTOR_HOME/kontor.db,
  // else ./.kontor/kontor.db (the folder is created). One store per process.
  StatusOr<store::Store*> store(const std::string& path = "");
  // Where store() opens (or opened) the database.
  static std::string store_path(const std::string& path);

  // Prints "kontor: error: <message>" and returns the exit code for the status.
  int fail(const Status& status) const;

 private:
  std::shared_ptr<const refdata::ReferenceData> data_;
  std::unique_ptr<Clock> clock_ = std::make_unique<SystemClock>();
  std::unique_ptr<store::Store> store_;
};

// Each subcommand registers itself on the app; `run` is set to what it executes.
void add_landed_cost_commands(CLI::App& app, Context& context, std::function<int()>& run);
void add_data_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_demo_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_duty_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_search_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_catalog_command(CLI::App& app, Context& context, std::function<int()>& run);

}  // namespace kontor::cli
