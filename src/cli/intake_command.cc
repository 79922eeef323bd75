// `kontor brief "goal"`: the intake alone — the goal read into a Brief, with the questions the
// crew would ask. `--set field=value` fills or corrects a field as an answer would.
#include <fmt/core.h>

#include <iostream>

#include "cli/context.h"
#include "cli/format.h"
#include "crew/intake.h"

namespace kontor::cli {
namespace {

struct BriefFlags {
  std::string goal;
  std::string today;
  std::vector<std::string> sets;
  bool json_output = false;
};

std::string or_dash(const std::string& text) { return text.empty() ? "—" : text; }

template <class T, class F>
std::string join(const std::vector<T>& items, F&& show) {
  std::string out;
  for (const T& item : items) out += (out.empty() ? "" : ", ") + std::string(show(item));
  return or_dash(out);
}

void print_brief(const crew::Brief& b) {
  auto money = [](const std::optional<Money>& m) { return m ? money_text(*m) : "—"; };
  auto code = [](const CountryCode& c) { return c.code(); };
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"product", or_dash(b.product)},
      {"quantity", b.quantity ? b.quantity->to_string() : "—"},
      {"destination", b.destination ? std::string(b.destination->code()) : "—"},
      {"target retail price", money(b.target_retail_price)},
      {"target landed cost", money(b.target_landed_cost)},
      {"budget", money(b.budget)},
      {"deadline", b.deadline ? b.deadline->to_string() : "—"},
      {"channels", join(b.channels, crew::sales_channel_name)},
      {"certifications", join(b.required_certifications, [](const std::string& s) { return s; })},
      {"avoid origins", join(b.avoid_origins, code)},
      {"preferred origins", join(b.preferred_origins, code)},
      {"max MOQ", b.max_moq ? b.max_moq->to_plain_string() : "—"},
  };
  fmt::print("Brief ({}): {}\n", or_dash(b.language), b.goal);
  for (const auto& [label, value] : rows) fmt::print("  {} {}\n", pad(label, 21), value);
  if (b.questions.empty()) {
    fmt::print("No open questions.\n");
    return;
  }
  fmt::print("Open questions ({}):\n", b.questions.size());
  for (std::size_t i = 0; i < b.questions.size(); ++i) {
    const crew::Question& q = b.questions[i];
    fmt::print("  {}. [{}] {}\n", i + 1, q.field, q.text);
    if (!q.options.empty()) {
      fmt::print("     options: {}\n", join(q.options, [](const std::string& s) { return s; }));
    }
  }
  fmt::print("Answer with --set FIELD=VALUE (e.g. --set quantity=\"2000 pcs\").\n");
}

int run_brief(Context& context, const BriefFlags& flags) {
  Date today = context.clock().today();
  if (!flags.today.empty()) {
    auto parsed = Date::parse(flags.today);
    if (!parsed.ok())
      return context.fail(invalid_argument("--today: " + parsed.status().message()));
    today = *parsed;
  }
  auto intake = crew::Intake::load(refdata::DataPaths::from_environment());
  if (!intake.ok()) return context.fail(intake.status());
  auto brief = intake->read_goal(flags.goal, today);
  if (!brief.ok()) return context.fail(brief.status());
  for (const std::string& set : flags.sets) {
    const std::size_t eq = set.find('=');
    if (eq == std::string::npos) {
      return context.fail(invalid_argument("--set: expected FIELD=VALUE, got '" + set + "'"));
    }
    Status applied = intake->apply_field(*brief, set.substr(0, eq), set.substr(eq + 1), today);
    if (!applied.ok()) return context.fail(applied);
  }
  if (flags.json_output) {
    std::cout << crew::to_json(*brief).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    print_brief(*brief);
  }
  return 0;
}

}  // namespace

void add_brief_command(CLI::App& app, Context& context, std::function<int()>& run) {
  static BriefFlags f;
  CLI::App* cmd =
      app.add_subcommand("brief",
                         "Read a goal into a structured brief (product, quantity, market, price, "
                         "deadline…) and list what is missing as questions");
  cmd->add_option("goal", f.goal,
                  "the goal in plain words, e.g. \"Source 2,000 insulated "
                  "bottles for Germany, retail €24.99, in stock by March\"")
      ->required();
  cmd->add_option("--today", f.today, "the date relative deadlines count from (YYYY-MM-DD)");
  cmd->add_option("--set", f.sets,
                  "set a field: product, quantity, destination, target_retail_price, "
                  "target_landed_cost, budget, deadline, channels, required_certifications, "
                  "avoid_origins, preferred_origins, max_moq, price_role (repeatable)");
  cmd->add_flag("--json", f.json_output, "print the brief as JSON");
  cmd->callback([&] { run = [&] { return run_brief(context, f); }; });
}

}  // namespace kontor::cli
