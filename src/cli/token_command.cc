// `kontor token create|list|revoke`: the workspace's API tokens for `kontor serve` (stored
// hashed; the clear token is printed once, at creation).
#include <iostream>

#include "cli/context.h"
#include "cli/format.h"
#include "server/tokens.h"

namespace kontor::cli {
namespace {

struct TokenFlags {
  std::string db;
  std::string name;
  std::string id;
};

int with_book(Context& context, const std::string& db,
              const std::function<int(server::TokenBook&)>& body) {
  auto store = context.store(db);
  if (!store.ok()) return context.fail(store.status());
  server::TokenBook book(**store);
  return body(book);
}

}  // namespace

void add_token_command(CLI::App& app, Context& context, std::function<int()>& run) {
  auto f = std::make_shared<TokenFlags>();
  CLI::App* cmd = app.add_subcommand("token", "API tokens of the workspace (kontor serve)");
  cmd->require_subcommand(1);
  auto add_db = [f](CLI::App* sub) {
    sub->add_option("--db", f->db,
                    "case store (SQLite); default $KONTOR_HOME/kontor.db or ./.kontor/kontor.db");
  };
  CLI::App* create = cmd->add_subcommand("create", "Make a token and print it (shown once)");
  create->add_option("--name", f->name, "what the token is for, e.g. 'phone'");
  add_db(create);
  create->callback([&context, &run, f] {
    run = [&context, f] {
      return with_book(context, f->db, [&](server::TokenBook& book) {
        auto made = book.create(f->name);
        if (!made.ok()) return context.fail(made.status());
        std::cout << made->token << "\n";
        std::cerr << "token " << made->info.id << " (" << made->info.name
                  << "): keep it; it is not shown again\n";
        return 0;
      });
    };
  });
  CLI::App* list = cmd->add_subcommand("list", "List the tokens (ids, names, dates)");
  add_db(list);
  list->callback([&context, &run, f] {
    run = [&context, f] {
      return with_book(context, f->db, [&](server::TokenBook& book) {
        auto tokens = book.list();
        if (!tokens.ok()) return context.fail(tokens.status());
        if (tokens->empty()) std::cout << "No tokens: kontor token create\n";
        for (const server::TokenInfo& t : *tokens) {
          std::cout << t.id << "  " << pad(t.name, 16) << " created " << t.created_at
                    << (t.revoked_at.empty() ? "" : "  revoked " + t.revoked_at) << "\n";
        }
        return 0;
      });
    };
  });
  CLI::App* revoke = cmd->add_subcommand("revoke", "Revoke a token by its id");
  revoke->add_option("id", f->id, "the 8-character id shown by kontor token list")->required();
  add_db(revoke);
  revoke->callback([&context, &run, f] {
    run = [&context, f] {
      return with_book(context, f->db, [&](server::TokenBook& book) {
        Status revoked = book.revoke(f->id);
        if (!revoked.ok()) return context.fail(revoked);
        std::cout << "token " << f->id << " revoked\n";
        return 0;
      });
    };
  });
}

}  // namespace kontor::cli
