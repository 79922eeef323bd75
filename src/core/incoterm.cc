#include "core/incoterm.h"

#include <array>
#include <cctype>
#include <string>

namespace kontor {
namespace {

struct Row {
  Incoterm term;
  std::string_view name;
  IncotermCosts costs;
  bool sea_only;
};

// Columns: export clearance, origin delivery, main carriage, insurance, destination delivery,
// import clearance (ICC Incoterms 2020, A9/B9 of each rule).
constexpr std::array<Row, 11> kRows = {{
    {Incoterm::kEXW, "EXW", {false, false, false, false, false, false}, false},
    {Incoterm::kFCA, "FCA", {true, true, false, false, false, false}, false},
    {Incoterm::kFAS, "FAS", {true, true, false, false, false, false}, true},
    {Incoterm::kFOB, "FOB", {true, true, false, false, false, false}, true},
    {Incoterm::kCFR, "CFR", {true, true, true, false, false, false}, true},
    {Incoterm::kCIF, "CIF", {true, true, true, true, false, false}, true},
    {Incoterm::kCPT, "CPT", {true, true, true, false, false, false}, false},
    {Incoterm::kCIP, "CIP", {true, true, true, true, false, false}, false},
    {Incoterm::kDAP, "DAP", {true, true, true, false, true, false}, false},
    {Incoterm::kDPU, "DPU", {true, true, true, false, true, false}, false},
    {Incoterm::kDDP, "DDP", {true, true, true, false, true, true}, false},
}};

}  // namespace

std::string_view incoterm_name(Incoterm term) { return kRows[static_cast<int>(term)].name; }

StatusOr<Incoterm> parse_incoterm(std::string_view text) {
  std::string head;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (head.empty()) continue;
      break;
    }
    head.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  for (const Row& row : kRows) {
    if (head == row.name) return row.term;
  }
  return invalid_argument(
      "incoterm: expected one of EXW FCA FAS FOB CFR CIF CPT CIP DAP DPU DDP "
      "(Incoterms 2020), got '" +
      std::string(text) + "'");
}

IncotermCosts incoterm_costs(Incoterm term) { return kRows[static_cast<int>(term)].costs; }

bool incoterm_sea_only(Incoterm term) { return kRows[static_cast<int>(term)].sea_only; }

}  // namespace kontor
