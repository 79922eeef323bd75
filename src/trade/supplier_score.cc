#include "trade/supplier_score.h"

namespace kontor::trade {

StatusOr<SupplierScore> score_supplier(const SupplierScoreInputs&, const ScoreWeights&) {
  return unimplemented("score_supplier");
}
nlohmann::json to_json(const SupplierScore&) { return nlohmann::json::object(); }

}  // namespace kontor::trade
