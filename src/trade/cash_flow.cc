#include "trade/cash_flow.h"

namespace kontor::trade {

std::string_view cash_event_kind_name(CashEventKind) { return ""; }
StatusOr<CashFlow> project_cash_flow(const CashFlowInputs&) {
  return unimplemented("project_cash_flow");
}
nlohmann::json to_json(const CashFlow&) { return nlohmann::json::object(); }

}  // namespace kontor::trade
