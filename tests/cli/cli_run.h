// Test support for the end-to-end CLI suites: runs the real `kontor` binary (KONTOR_CLI_BINARY)
// through the shell and captures its exit code and combined output.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

// Not in namespace kontor: the function is called `kontor`, like the program.
namespace cli_testing {

struct CliRun {
  int exit_code = -1;
  std::string out;  // standard output and standard error, interleaved
};

// Runs `kontor ARGS`; `input`, when given, goes to standard input.
inline CliRun kontor(const std::string& args, const std::string& input = "") {
  std::string command = std::string("'") + KONTOR_CLI_BINARY + "' " + args;
  if (!input.empty()) command = "printf '%s' '" + input + "' | " + command;
  CliRun run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace cli_testing
