#include "logistics/route.h"

namespace kontor::logistics {

StatusOr<RoutePlan> plan_routes(const RateCard&, const PortDirectory&, const RouteRequest&,
                                const FxLookup&) {
  return unimplemented("plan_routes");
}
void mark_pareto(std::vector<RouteOption>&) {}
nlohmann::json to_json(const RouteOption&) { return nlohmann::json::object(); }
nlohmann::json to_json(const RoutePlan&) { return nlohmann::json::object(); }
std::string to_text(const RoutePlan&) { return ""; }

}  // namespace kontor::logistics
