// JSON and text renderings of route plans (case sections, reports, golden files).
#include <sstream>

#include "logistics/route.h"

namespace kontor::logistics {

namespace {

nlohmann::json money_json(const Money& money) {
  return {{"amount", money.amount_text()}, {"currency", std::string(money.currency().code())}};
}

nlohmann::json port_call_json(const PortCall& call) {
  return {{"country", std::string(call.country.code())},
          {"region", call.region},
          {"port", call.port.unlocode},
          {"port_name", call.port.name},
          {"airport", call.airport.iata},
          {"airport_name", call.airport.name},
          {"chosen_by", call.chosen_by}};
}

std::string where(const Provenance& provenance) {
  if (provenance.source == nullptr) return "";
  return provenance.source->file + " line " + std::to_string(provenance.line);
}

}  // namespace

nlohmann::json to_json(const RouteOption& option) {
  nlohmann::json lines = nlohmann::json::array();
  for (const RouteCostLine& line : option.lines) {
    nlohmann::json j = {{"charge", std::string(charge_kind_name(line.charge))},
                        {"label", line.label},
                        {"amount", money_json(line.amount)},
                        {"quantity", line.quantity.to_plain_string()},
                        {"rate", line.rate.to_plain_string()},
                        {"minimum_applied", line.minimum_applied},
                        {"provenance", line.provenance.to_string()}};
    if (line.converted) j["converted"] = money_json(*line.converted);
    lines.push_back(std::move(j));
  }
  nlohmann::json fx = nlohmann::json::array();
  for (const FxRate& rate : option.fx) {
    fx.push_back({{"from", std::string(rate.from.code())},
                  {"to", std::string(rate.to.code())},
                  {"rate", rate.rate.to_plain_string()},
                  {"date", rate.date.to_string()},
                  {"provenance", rate.provenance.to_string()}});
  }
  nlohmann::json j = {{"mode", std::string(freight_mode_name(option.mode))},
                      {"label", std::string(freight_mode_label(option.mode))},
                      {"from", port_call_json(option.from)},
                      {"to", port_call_json(option.to)},
                      {"total", money_json(option.total)},
                      {"transit_days_min", option.transit_days_min},
                      {"transit_days_max", option.transit_days_max},
                      {"arrival_earliest", option.arrival_earliest.to_string()},
                      {"arrival_latest", option.arrival_latest.to_string()},
                      {"pareto", option.pareto},
                      {"note", option.note},
                      {"lines", std::move(lines)},
                      {"fx", std::move(fx)}};
  if (option.containers > 0) j["containers"] = option.containers;
  if (option.meets_deadline) j["meets_deadline"] = *option.meets_deadline;
  if (option.sea_distance_nm) j["sea_distance_nm"] = *option.sea_distance_nm;
  return j;
}

nlohmann::json to_json(const RoutePlan& plan) {
  nlohmann::json options = nlohmann::json::array();
  for (const RouteOption& option : plan.options) options.push_back(to_json(option));
  const Cargo& cargo = plan.request.cargo;
  nlohmann::json j = {{"from", port_call_json(plan.from)},
                      {"to", port_call_json(plan.to)},
                      {"ship_date", plan.request.ship_date.to_string()},
                      {"cargo",
                       {{"units", cargo.units},
                        {"cartons", cargo.cartons},
                        {"gross_kg", cargo.gross_kg.to_plain_string()},
                        {"volume_m3", cargo.volume_m3.to_plain_string()},
                        {"air_chargeable_kg", cargo.air_chargeable_kg.to_plain_string()},
                        {"express_chargeable_kg", cargo.express_chargeable_kg.to_plain_string()},
                        {"suggested", std::string(container_choice_name(cargo.suggested))},
                        {"explanation", cargo.explanation}}},
                      {"options", std::move(options)},
                      {"warnings", plan.warnings}};
  if (plan.request.deadline) j["deadline"] = plan.request.deadline->to_string();
  if (plan.recommended) j["recommended"] = *plan.recommended;
  return j;
}

std::string to_text(const RoutePlan& plan) {
  std::ostringstream out;
  out << "From " << plan.from.port.unlocode << " " << plan.from.port.name << " / "
      << plan.from.airport.iata << " (" << plan.from.region << "; " << plan.from.chosen_by << ")\n";
  out << "To   " << plan.to.port.unlocode << " " << plan.to.port.name << " / "
      << plan.to.airport.iata << " (" << plan.to.region << "; " << plan.to.chosen_by << ")\n";
  out << "Cargo: " << plan.request.cargo.explanation << "\n";
  out << "Ship " << plan.request.ship_date.to_string();
  if (plan.request.deadline) out << ", deadline " << plan.request.deadline->to_string();
  out << "\n";
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    const RouteOption& o = plan.options[i];
    out << "\n"
        << (plan.recommended == i ? "* " : "  ") << freight_mode_name(o.mode) << "  "
        << o.total.to_string() << "  " << o.transit_days_min << "-" << o.transit_days_max
        << " days  arrives " << o.arrival_earliest.to_string() << ".."
        << o.arrival_latest.to_string();
    if (o.meets_deadline) out << (*o.meets_deadline ? "  meets deadline" : "  LATE");
    if (o.pareto) out << "  pareto";
    out << "\n    " << o.note;
    if (o.sea_distance_nm) out << "; " << *o.sea_distance_nm << " nm port to port";
    out << "\n";
    for (const RouteCostLine& line : o.lines) {
      out << "    " << charge_kind_name(line.charge) << ": " << line.label << " = "
          << line.amount.to_string();
      if (line.converted) out << " = " << line.converted->to_string();
      out << "  [" << where(line.provenance) << "]\n";
    }
    for (const FxRate& rate : o.fx) {
      out << "    fx: 1 " << rate.from.code() << " = " << rate.rate.to_plain_string() << " "
          << rate.to.code() << " on " << rate.date.to_string() << "\n";
    }
  }
  for (const std::string& warning : plan.warnings) out << "\nnote: " << warning;
  if (!plan.warnings.empty()) out << "\n";
  return out.str();
}

}  // namespace kontor::logistics
