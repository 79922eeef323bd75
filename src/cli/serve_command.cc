// `kontor serve`: the HTTP API and the web front end on one port (docs/api.md). Opens the
// workspace (store, engines, runner) once, makes a token on first start and prints the address
// with it, and stops gracefully on SIGINT/SIGTERM (no event lost; running cases stay durable).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/context.h"
#include "cli/crew_cli.h"
#include "cli/grant_cli.h"
#include "core/cache_folder.h"
#include "core/csv.h"
#include "server/server.h"

namespace kontor::cli {
namespace {

namespace fs = std::filesystem;

struct ServeFlags {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir;
  std::string db;
  unsigned threads = 0;
  unsigned workers = 2;
  unsigned http_threads = 256;
  std::size_t max_queue = 64;
  std::string grant;  // a grant token, or a file holding one
};

// `--grant` takes the token itself or a file holding it (a token on a command line shows in
// `ps`; a file can be private to the owner).
StatusOr<std::string> grant_token(const std::string& argument) {
  std::error_code error;
  if (argument.empty() || !fs::is_regular_file(argument, error)) return argument;
  auto text = read_file(argument);
  if (!text.ok()) return text.status().with_context("--grant");
  std::string token = *text;
  const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!token.empty() && is_space(token.back())) token.pop_back();
  std::size_t start = 0;
  while (start < token.size() && is_space(token[start])) ++start;
  token.erase(0, start);
  if (token.empty()) return invalid_argument("--grant: " + argument + ": the file is empty");
  return token;
}

// <repo>/web/dist (the repo found like the data dir), else web/ next to the binary.
std::string default_web_dir() {
  const fs::path repo_data = refdata::DataPaths::from_environment().repo_dir;
  const fs::path dist = repo_data.parent_path() / "web" / "dist";
  std::error_code error;
  if (fs::is_directory(dist, error)) return dist.string();
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error && fs::is_directory(exe.parent_path() / "web", error)) {
    return (exe.parent_path() / "web").string();
  }
  return dist.string();
}

int run_serve(Context& context, const ServeFlags& f) {
  if (f.port < 0 || f.port > 65535) {
    return context.fail(invalid_argument("port: expected 0 to 65535"));
  }
  // Signals go to the watcher thread below, not to whichever thread the kernel picks.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto token = grant_token(f.grant);
  if (!token.ok()) return context.fail(token.status());
  auto grant = grant_policy_for(*token, f.db);
  if (!grant.ok()) return context.fail(grant.status());
  const std::unique_ptr<crew::Policy> policy = std::move(*grant);  // outlives the workspace

  crew::WorkspaceOptions options;
  options.policy = policy.get();
  auto store = context.store(f.db);
  if (!store.ok()) return context.fail(store.status());
  options.store = *store;
  fs::path folder = fs::path(Context::store_path(f.db)).parent_path();
  if (folder.empty()) folder = ".";
  options.actions_log = (folder / "actions.log").string();
  auto data = context.data();
  if (!data.ok()) return context.fail(data.status());
  options.engines.reference = *data;
  options.engines.cache_dir = default_cache_dir();
  options.engines.demo = catalog::DemoOptions::current(context.clock().today());
  options.runner.threads = f.threads;
  std::cerr << "kontor serve: loading the engines…\n";
  auto workspace = crew::Workspace::open(std::move(options));
  if (!workspace.ok()) return context.fail(workspace.status());

  server::ServerOptions server_options;
  server_options.host = f.host;
  server_options.port = f.port;
  server_options.web_dir = f.web_dir.empty() ? default_web_dir() : f.web_dir;
  server_options.workers = f.workers;
  server_options.http_threads = f.http_threads;
  server_options.max_queue = f.max_queue;
  server_options.version = KONTOR_VERSION;
  auto server = server::Server::create(**workspace, server_options);
  if (!server.ok()) return context.fail(server.status());
  auto port = (*server)->bind();
  if (!port.ok()) return context.fail(port.status());

  std::string fragment;
  auto has_token = (*server)->tokens().has_valid_token();
  if (!has_token.ok()) return context.fail(has_token.status());
  if (!*has_token) {
    auto made = (*server)->tokens().create("first start");
    if (!made.ok()) return context.fail(made.status());
    fragment = "#token=" + made->token;
  }
  const std::string shown_host = f.host == "0.0.0.0" ? "127.0.0.1" : f.host;
  std::cout << "Kontor is serving " << Context::store_path(f.db) << "\n"
            << "Open http://" << shown_host << ":" << *port << "/" << fragment << "\n";
  if (fragment.empty()) std::cout << "(API tokens: kontor token create | list | revoke)\n";
  std::cout.flush();

  server::Server* running = server->get();
  std::thread watcher([&signals, running] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::cerr << "kontor serve: stopping (signal " << signal << ")…\n";
    running->shutdown();
  });
  Status served = running->serve();
  // serve() also returns when the socket fails: wake the watcher so it can be joined.
  running->shutdown();
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  if (!served.ok()) return context.fail(served);
  std::cerr << "kontor serve: stopped\n";
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, Context& context, std::function<int()>& run) {
  auto f = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the HTTP API and the web front end");
  cmd->add_option("--port", f->port, "port to listen on (default 8080; 0: any free port)");
  cmd->add_option("--host", f->host, "address to listen on (default 127.0.0.1)");
  cmd->add_option("--web-dir", f->web_dir, "the built front end (default <repo>/web/dist)");
  cmd->add_option("--db", f->db,
                  "case store (SQLite); default $KONTOR_HOME/kontor.db or ./.kontor/kontor.db");
  cmd->add_option("--threads", f->threads, "crew worker threads per case (default: one per core)");
  cmd->add_option("--workers", f->workers, "cases run at once (default 2)");
  cmd->add_option("--http-threads", f->http_threads,
                  "connections served at once, event streams included (default 256)");
  cmd->add_option("--max-queue", f->max_queue,
                  "case jobs waiting for a worker; more get 503 (default 64)");
  cmd->add_option("--grant", f->grant,
                  "the crew acts under this capability grant (a token from `kontor grant "
                  "create`, or a file holding one); default: anything that moves money waits "
                  "for a human");
  cmd->callback([&context, &run, f] { run = [&context, f] { return run_serve(context, *f); }; });
}

}  // namespace kontor::cli
