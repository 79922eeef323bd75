// Incoterm: the 11 rules of Incoterms® 2020 (ICC publication 723E) and which costs the seller's
// price includes under each. Customs valuation uses this to reach the destination's basis (CIF
// or FOB) from the invoice: add what the price leaves out, remove what it carries beyond it.
#pragma once

#include <string_view>

#include "core/status.h"

namespace kontor {

enum class Incoterm { kEXW, kFCA, kFAS, kFOB, kCFR, kCIF, kCPT, kCIP, kDAP, kDPU, kDDP };

// What the seller pays for under a rule (A9 "allocation of costs" in the ICC text).
struct IncotermCosts {
  bool export_clearance;      // export formalities and duties at origin
  bool origin_delivery;       // carriage to the port/place of shipment and loading
  bool main_carriage;         // international freight to the destination port/place
  bool insurance;             // cargo insurance the seller must buy (CIF: ICC (C), CIP: ICC (A))
  bool destination_delivery;  // carriage beyond the arrival port to the named place
  bool import_clearance;      // import duties, taxes and formalities (DDP only)
};

std::string_view incoterm_name(Incoterm term);
// Accepts "FOB", "fob", "FOB Shanghai" (the named place after the rule is ignored here).
StatusOr<Incoterm> parse_incoterm(std::string_view text);
IncotermCosts incoterm_costs(Incoterm term);
// FAS, FOB, CFR and CIF are for sea and inland waterway transport only.
bool incoterm_sea_only(Incoterm term);

}  // namespace kontor
