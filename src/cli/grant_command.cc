// `kontor grant create|attenuate|show`: capability grants (policy/grant.h) for the crew.
//
//   kontor grant create --actions rfq.send,sample.order --max 500EUR --budget 2000EUR
//                       --expires 2026-12-31 [--counterparty ID]... [--case ID]... [--forbid P]...
//   kontor grant attenuate TOKEN [the same restrictions] [--holder NAME]
//   kontor grant show TOKEN [--root-key PUBLIC_KEY] [--json]
//
// create signs with the workspace root key (<store folder>/grant-root.key, made on first use,
// mode 0600) and prints the token alone on stdout; attenuate needs no key (offline); show
// verifies with the workspace's root public key (or --root-key) and prints the effective grant.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "cli/grant_cli.h"
#include "policy/case_grant_policy.h"
#include "policy/grant.h"
#include "policy/grant_policy.h"
#include "policy/root_key.h"

namespace kontor::cli {
namespace {

struct GrantFlags {
  std::string db;
  std::string token;
  std::string holder;
  std::vector<std::string> actions;
  std::vector<std::string> forbid;
  std::vector<std::string> counterparties;
  std::vector<std::string> cases;
  std::string max;
  std::string budget;
  std::string expires;
  std::string root_key;
  bool json = false;
};

std::filesystem::path key_folder(const std::string& db) {
  std::filesystem::path folder = std::filesystem::path(Context::store_path(db)).parent_path();
  return folder.empty() ? std::filesystem::path(".") : folder;
}

void add_restriction_flags(CLI::App& command, GrantFlags& flags) {
  command.add_option("--actions", flags.actions, "action kinds or patterns: rfq.send,payment.*")
      ->delimiter(',');
  command.add_option("--forbid", flags.forbid, "action kinds never allowed")->delimiter(',');
  command.add_option("--counterparty", flags.counterparties, "allowed counterparty (repeatable)");
  command.add_option("--case", flags.cases, "allowed case id (repeatable)");
  command.add_option("--max", flags.max, "per-action cap, e.g. 500EUR");
  command.add_option("--budget", flags.budget, "total budget, e.g. 2000EUR");
  command.add_option("--expires", flags.expires, "YYYY-MM-DD (its last second, UTC) or ISO time");
  command.add_option("--holder", flags.holder, "who the grant is for");
  command.add_option("--db", flags.db, "workspace database (the root key lives next to it)");
}

StatusOr<policy::Block> block_from(const GrantFlags& flags, bool root) {
  policy::Block block;
  block.holder = flags.holder.empty() ? (root ? "workspace" : "delegate") : flags.holder;
  if (!flags.actions.empty()) block.actions = flags.actions;
  block.forbid = flags.forbid;
  if (!flags.counterparties.empty()) block.counterparties = flags.counterparties;
  if (!flags.cases.empty()) block.cases = flags.cases;
  if (!flags.max.empty()) {
    ASSIGN_OR_RETURN(block.max, policy::parse_cap(flags.max));
  }
  if (!flags.budget.empty()) {
    ASSIGN_OR_RETURN(block.budget, policy::parse_cap(flags.budget));
  }
  if (!flags.expires.empty()) {
    auto expires = policy::parse_time(flags.expires);
    if (!expires.ok()) return invalid_argument("--expires: " + expires.status().message());
    block.expires = *expires;
  }
  if (root && !block.actions) return invalid_argument("--actions: required");
  if (root && !block.expires) return invalid_argument("--expires: required");
  return block;
}

std::string list_or(const std::optional<std::vector<std::string>>& items, const char* none) {
  if (!items) return none;
  std::string out;
  for (const std::string& item : *items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

nlohmann::json effective_json(const policy::EffectiveGrant& g, const policy::Grant& grant,
                              std::int64_t now) {
  nlohmann::json j{{"id", g.id},
                   {"holder", g.holder},
                   {"actions", g.actions},
                   {"forbid", g.forbid},
                   {"expires", policy::format_time(g.expires)},
                   {"expired", now > g.expires},
                   {"blocks", grant.size()}};
  if (g.counterparties) j["counterparties"] = *g.counterparties;
  if (g.cases) j["cases"] = *g.cases;
  if (g.max) j["max"] = g.max->to_string();
  for (const auto& b : g.budgets)
    j["budgets"].push_back({{"block", b.block}, {"cap", b.cap.to_string()}});
  return j;
}

int show(Context& context, const GrantFlags& flags) {
  auto grant = policy::Grant::parse(flags.token);
  if (!grant.ok()) return context.fail(grant.status());
  policy::PublicKey root{};
  if (!flags.root_key.empty()) {
    auto key = policy::parse_public_key(flags.root_key, "--root-key");
    if (!key.ok()) return context.fail(key.status());
    root = *key;
  } else {
    auto key = policy::load_root_key(key_folder(flags.db));
    if (!key.ok()) return context.fail(key.status());
    root = key->public_key;
  }
  auto effective = grant->effective(root);
  if (!effective.ok()) {
    return context.fail(effective.status().with_context("grant " + grant->id() + ": invalid"));
  }
  const policy::EffectiveGrant& g = *effective;
  const std::int64_t now = policy::unix_now();
  if (flags.json) {
    std::cout << effective_json(g, *grant, now).dump() << "\n";
    return 0;
  }
  std::string holders;
  for (std::size_t i = 0; i < grant->size(); ++i)
    holders += (i ? " -> " : "") + grant->block(i).holder;
  std::string budgets;
  for (const auto& b : g.budgets) {
    budgets += (budgets.empty() ? "" : ", ") + b.cap.to_string() + " (block " +
               std::to_string(b.block) + ")";
  }
  std::cout << "grant " << g.id << ": signature valid (root key " << policy::base64url(root)
            << ")\n"
            << "  holder          " << g.holder << "\n"
            << "  actions         " << list_or(g.actions, "") << "\n"
            << "  forbid          " << (g.forbid.empty() ? "-" : list_or(g.forbid, "")) << "\n"
            << "  counterparties  " << list_or(g.counterparties, "any") << "\n"
            << "  cases           " << list_or(g.cases, "any") << "\n"
            << "  max per action  " << (g.max ? g.max->to_string() : "none") << "\n"
            << "  budget          " << (budgets.empty() ? "none" : budgets) << "\n"
            << "  expires         " << policy::format_time(g.expires)
            << (now > g.expires ? "  (EXPIRED)" : "") << "\n"
            << "  blocks          " << grant->size() << ": " << holders << "\n";
  return 0;
}

}  // namespace

StatusOr<std::unique_ptr<crew::Policy>> grant_policy_for(const std::string& token,
                                                         const std::string& db) {
  auto root = policy::load_root_key(key_folder(db));
  if (token.empty()) {
    // No root key: no grant was ever made here, so no case can be bound to one.
    if (!root.ok() && root.status().code() == StatusCode::kNotFound) {
      return std::unique_ptr<crew::Policy>();
    }
    if (!root.ok()) return root.status().with_context("workspace root key");
    return std::unique_ptr<crew::Policy>(
        std::make_unique<policy::CaseGrantPolicy>(root->public_key));
  }
  ASSIGN_OR_RETURN(policy::Grant grant, policy::Grant::parse(token));
  if (!root.ok()) return root.status().with_context("--grant: workspace root key");
  auto effective = grant.effective(root->public_key);
  if (!effective.ok()) {
    return effective.status().with_context("--grant: grant " + grant.id() + ": invalid");
  }
  return std::unique_ptr<crew::Policy>(
      std::make_unique<policy::CaseGrantPolicy>(root->public_key, std::move(grant)));
}

Status bind_case_grant(store::Store& store, const std::string& case_id, const std::string& token) {
  if (token.empty()) return ok_status();
  ASSIGN_OR_RETURN(policy::Grant grant, policy::Grant::parse(token));
  ASSIGN_OR_RETURN(auto txn, store.begin());
  RETURN_IF_ERROR(policy::CaseGrantPolicy::bind(*txn, case_id, grant, policy::unix_now()));
  return txn->commit();
}

void add_grant_command(CLI::App& app, Context& context, std::function<int()>& run) {
  CLI::App* grant = app.add_subcommand("grant", "Capability grants: what the crew may do alone");
  grant->require_subcommand(1);

  auto create_flags = std::make_shared<GrantFlags>();
  CLI::App* create =
      grant->add_subcommand("create", "Sign a new grant with the workspace root key");
  add_restriction_flags(*create, *create_flags);
  create->callback([&context, &run, create_flags] {
    run = [&context, create_flags] {
      auto block = block_from(*create_flags, true);
      if (!block.ok()) return context.fail(block.status());
      auto root = policy::load_or_create_root_key(key_folder(create_flags->db));
      if (!root.ok()) return context.fail(root.status());
      auto made = policy::Grant::create(*root, *block);
      if (!made.ok()) return context.fail(made.status());
      std::cout << made->encode() << "\n";
      return 0;
    };
  });

  auto attenuate_flags = std::make_shared<GrantFlags>();
  CLI::App* attenuate =
      grant->add_subcommand("attenuate", "Narrow a grant (offline, no key needed)");
  attenuate->add_option("token", attenuate_flags->token, "the grant to narrow")->required();
  add_restriction_flags(*attenuate, *attenuate_flags);
  attenuate->callback([&context, &run, attenuate_flags] {
    run = [&context, attenuate_flags] {
      auto grant = policy::Grant::parse(attenuate_flags->token);
      if (!grant.ok()) return context.fail(grant.status());
      auto block = block_from(*attenuate_flags, false);
      if (!block.ok()) return context.fail(block.status());
      auto narrowed = grant->attenuate(*block);
      if (!narrowed.ok()) return context.fail(narrowed.status());
      std::cout << narrowed->encode() << "\n";
      return 0;
    };
  });

  auto show_flags = std::make_shared<GrantFlags>();
  CLI::App* show_command = grant->add_subcommand("show", "Verify a grant and print what it allows");
  show_command->add_option("token", show_flags->token, "the grant")->required();
  show_command->add_option("--root-key", show_flags->root_key,
                           "root public key (base64url); default: the workspace's");
  show_command->add_option("--db", show_flags->db, "workspace database (its root key)");
  show_command->add_flag("--json", show_flags->json, "one JSON line");
  show_command->callback([&context, &run, show_flags] {
    run = [&context, show_flags] { return show(context, *show_flags); };
  });
}

}  // namespace kontor::cli
