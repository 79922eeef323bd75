// `kontor audit verify [--case ID]` and `kontor audit export [--case ID] --out FILE
// [--format jsonl|csv]`: the tamper-evident audit log (policy/audit.h, docs/audit.md) checked
// and written out for an accountant or customs. Verify exits 1 when a chain is broken and names
// the first bad entry; export writes the entries as stored and says whether they verify.
#include <fstream>
#include <iostream>

#include "cli/crew_cli.h"
#include "policy/audit.h"

namespace kontor::cli {
namespace {

using nlohmann::json;

struct AuditFlags {
  std::string db;
  std::string case_id;
  std::string out;
  std::string format = "jsonl";
  bool json = false;
};

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

StatusOr<std::vector<std::string>> selected_cases(policy::AuditLog& log, const AuditFlags& flags) {
  if (!flags.case_id.empty()) return std::vector<std::string>{flags.case_id};
  return log.cases();
}

// Prints one line per case; returns the number of broken chains.
StatusOr<int> verify_cases(policy::AuditLog& log, const std::vector<std::string>& cases,
                           bool json_output, std::ostream& out) {
  int broken = 0;
  for (const std::string& id : cases) {
    ASSIGN_OR_RETURN(policy::AuditVerdict v, log.verify(id));
    broken += v.ok ? 0 : 1;
    if (json_output) {
      out << json{{"case", id},           {"ok", v.ok},
                  {"entries", v.entries}, {"first_bad", v.first_bad},
                  {"problem", v.problem}, {"head", v.head_hash}}
                 .dump()
          << "\n";
    } else if (v.ok) {
      out << id << ": ok, " << v.entries << " entries, head " << v.head_hash << "\n";
    } else {
      out << id << ": BROKEN at entry " << v.first_bad << ": " << v.problem << "\n";
    }
  }
  return broken;
}

int run_verify(Context& context, const AuditFlags& flags) {
  auto store = context.store(flags.db);
  if (!store.ok()) return context.fail(store.status());
  policy::AuditLog log(**store);
  auto cases = selected_cases(log, flags);
  if (!cases.ok()) return context.fail(cases.status());
  auto broken = verify_cases(log, *cases, flags.json, std::cout);
  if (!broken.ok()) return context.fail(broken.status());
  return *broken > 0 ? kExitFailure : 0;
}

Status write_entries(policy::AuditLog& log, const std::vector<std::string>& cases,
                     const std::string& format, std::ostream& out) {
  if (format == "csv") out << "seq,at,case,kind,body,prev,hash\n";
  for (const std::string& id : cases) {
    RETURN_IF_ERROR(log.read(id, [&](const policy::AuditEntry& e) {
      if (format == "csv") {
        out << e.seq << "," << csv_field(e.at) << "," << csv_field(e.case_id) << ","
            << csv_field(e.kind) << ","
            << csv_field(e.body.dump(-1, ' ', false, json::error_handler_t::replace)) << ","
            << e.prev << "," << e.hash << "\n";
      } else {
        out << policy::to_json(e).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
      }
      return ok_status();
    }));
  }
  return ok_status();
}

int run_export(Context& context, const AuditFlags& flags) {
  if (flags.format != "jsonl" && flags.format != "csv") {
    return context.fail(invalid_argument("--format: '" + flags.format + "' (jsonl or csv)"));
  }
  auto store = context.store(flags.db);
  if (!store.ok()) return context.fail(store.status());
  policy::AuditLog log(**store);
  auto cases = selected_cases(log, flags);
  if (!cases.ok()) return context.fail(cases.status());
  std::ofstream file(flags.out, std::ios::binary | std::ios::trunc);
  if (!file) return context.fail(failed_precondition("--out: cannot write " + flags.out));
  Status written = write_entries(log, *cases, flags.format, file);
  file.close();
  if (!written.ok()) return context.fail(written);
  if (!file) return context.fail(failed_precondition("--out: write failed: " + flags.out));
  std::cout << "wrote " << flags.out << " (" << flags.format << ")\n";
  auto broken = verify_cases(log, *cases, flags.json, std::cout);
  if (!broken.ok()) return context.fail(broken.status());
  return *broken > 0 ? kExitFailure : 0;
}

}  // namespace

void add_audit_command(CLI::App& app, Context& context, std::function<int()>& run) {
  auto flags = std::make_shared<AuditFlags>();
  CLI::App* audit = app.add_subcommand("audit", "Verify or export the tamper-evident audit log");
  audit->require_subcommand(1);
  CLI::App* verify = audit->add_subcommand("verify", "Check every hash chain (exit 1: broken)");
  CLI::App* exported = audit->add_subcommand("export", "Write the audit entries to a file");
  for (CLI::App* command : {verify, exported}) {
    command->add_option(
        "--db", flags->db,
        "case store (SQLite); default $KONTOR_HOME/kontor.db or ./.kontor/kontor.db");
    command->add_option("--case", flags->case_id, "one case (default: all)");
    command->add_flag("--json", flags->json, "one JSON line per case");
  }
  exported->add_option("--out", flags->out, "output file")->required();
  exported->add_option("--format", flags->format, "jsonl (default) or csv");
  verify->callback(
      [&context, &run, flags] { run = [&context, flags] { return run_verify(context, *flags); }; });
  exported->callback(
      [&context, &run, flags] { run = [&context, flags] { return run_export(context, *flags); }; });
}

}  // namespace kontor::cli
