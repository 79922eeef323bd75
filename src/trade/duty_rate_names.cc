// Names and descriptions of parsed duty rates, for reports, tests and error messages.
#include <string>

#include "trade/duty_rate.h"

namespace kontor::trade {

std::string_view duty_form_name(DutyForm form) {
  switch (form) {
    case DutyForm::kFree: return "free";
    case DutyForm::kAdValorem: return "ad_valorem";
    case DutyForm::kSpecific: return "specific";
    case DutyForm::kCompound: return "compound";
    case DutyForm::kSeasonal: return "seasonal";
    case DutyForm::kAdditional: return "additional";
    case DutyForm::kNotComputable: return "not_computable";
  }
  return "unknown";
}

std::string_view not_computable_reason_name(NotComputableReason reason) {
  switch (reason) {
    case NotComputableReason::kNone: return "";
    case NotComputableReason::kSeeNote: return "refers to a note or another heading of the tariff";
    case NotComputableReason::kRateOfOtherArticle: return "the rate of another article applies";
    case NotComputableReason::kEnsembleGarments:
      return "the rate of each garment of the ensemble if entered separately";
    case NotComputableReason::kChapter98Value:
      return "a duty on a value the tariff defines case by case (US chapter 98)";
    case NotComputableReason::kSugarPolarity:
      return "a sliding scale by polarimeter degree of the sugar";
    case NotComputableReason::kMovementParts:
      return "per jewel and per other piece, capped at the duty of the complete movement";
    case NotComputableReason::kButtonLines: return "per line of button size per gross";
    case NotComputableReason::kEuAgriculturalComponent:
      return "an EU agricultural component (EA, ADSZ, ADFM) whose amount is not in the data";
    case NotComputableReason::kEntryPrice:
      return "the EU entry price system: the duty depends on the consignment's entry price";
    case NotComputableReason::kNoRatePrinted: return "the schedule prints no rate";
  }
  return "unknown";
}

std::string_view duty_basis_name(DutyBasis basis) {
  switch (basis) {
    case DutyBasis::kDeclared: return "";
    case DutyBasis::kDrainedWeight: return "drained weight";
    case DutyBasis::kGrossWeight: return "gross weight (contents and container)";
    case DutyBasis::kEntireContents: return "weight of the entire contents of the container";
    case DutyBasis::kCleanWeight: return "clean weight";
    case DutyBasis::kTotalSugars: return "weight of total sugars";
    case DutyBasis::kLacticMatter: return "weight of lactic matter";
    case DutyBasis::kDryLacticMatter: return "weight of dry lactic matter";
    case DutyBasis::kDryMatter: return "net dry matter weight";
    case DutyBasis::kStandardQuality: return "weight in standard quality sugar";
    case DutyBasis::kTotalAlcohol: return "weight of total alcohol";
    case DutyBasis::kProofLitres: return "proof litres";
    case DutyBasis::kLeadContent: return "lead content";
    case DutyBasis::kCopperContent: return "copper content";
    case DutyBasis::kZincContent: return "zinc content";
    case DutyBasis::kTungstenContent: return "tungsten content";
    case DutyBasis::kMolybdenumContent: return "molybdenum content";
    case DutyBasis::kManganeseContent: return "manganese content";
    case DutyBasis::kMagnesiumContent: return "magnesium content";
    case DutyBasis::kSiliconContent: return "silicon content";
    case DutyBasis::kAnhydrousMorphine: return "anhydrous morphine content";
    case DutyBasis::kRecordingSurface: return "recording surface";
    case DutyBasis::kImmediateContainers: return "number of immediate containers";
    case DutyBasis::kJewels: return "number of jewels";
    case DutyBasis::kPins: return "number of pins";
    case DutyBasis::kPacks: return "number of packs";
    case DutyBasis::kCaseValue: return "value of the case";
    case DutyBasis::kStrapValue: return "value of the strap, band or bracelet";
    case DutyBasis::kBatteryValue: return "value of the battery";
    case DutyBasis::kMovementValue: return "value of the movement";
    case DutyBasis::kMovementAndCaseValue: return "value of the movement and case";
    case DutyBasis::kCaseAndStrapValue: return "value of the case and strap, band or bracelet";
    case DutyBasis::kApparatusValue: return "value of the apparatus";
    case DutyBasis::kLeadContentValue: return "value of the lead content";
    case DutyBasis::kRifleValue: return "value of the rifle";
    case DutyBasis::kTelescopicSightValue: return "value of the telescopic sight";
    case DutyBasis::kFairRetailValue: return "fair retail value";
    case DutyBasis::kCostOfRepairs: return "cost of the goods or repairs";
    case DutyBasis::kCostOfParts: return "cost of the parts or materials";
  }
  return "unknown";
}

bool is_value_basis(DutyBasis basis) { return basis >= DutyBasis::kCaseValue; }
namespace {

std::string two_digits(int v) { return std::string(1, char('0' + v / 10)) + char('0' + v % 10); }

std::string describe_range(const SeasonRange& r) {
  return two_digits(r.from_month) + "-" + two_digits(r.from_day) + ".." + two_digits(r.to_month) +
         "-" + two_digits(r.to_day);
}

}  // namespace

std::string describe(const DutyComponent& c) {
  std::string out;
  if (c.is_ad_valorem()) {
    out = (c.rate * Decimal(100)).to_plain_string() + "%";
  } else {
    out = c.rate.to_plain_string() + " " + std::string(c.currency()) + "/";
    if (c.per_exp10 > 0) out += std::to_string(c.per()) + " ";
    out += unit_symbol(c.unit);
    if (c.per_percent == PerPercent::kAlcoholByVolume) out += "/% vol";
    if (c.per_percent == PerPercent::kSucrose) out += "/% sucrose";
    if (c.excess_over > 0) out += " over " + std::to_string(c.excess_over);
  }
  if (c.basis != DutyBasis::kDeclared) out += " (" + std::string(duty_basis_name(c.basis)) + ")";
  return out;
}

std::string describe(const DutyRate& rate) {
  switch (rate.form) {
    case DutyForm::kFree:
      return rate.condition.empty() ? "free" : "free (" + std::string(rate.condition) + ")";
    case DutyForm::kNotComputable:
      return "not computable (" + std::string(not_computable_reason_name(rate.reason)) + ")";
    default: break;
  }
  std::string out = rate.form == DutyForm::kAdditional ? "base duty" : "";
  int seasons = rate.season_count > 0 ? rate.season_count : 1;
  for (int s = 0; s < seasons; ++s) {
    if (rate.season_count > 0) {
      if (s > 0) out += " ; ";
      out += "[";
      const DutySeason& season = rate.seasons[s];
      for (int k = 0; k < season.range_count; ++k) {
        if (k > 0) out += ", ";
        out += describe_range(season.ranges[k]);
      }
      if (season.range_count == 0) out += "otherwise";
      out += "] ";
    }
    DutyClause clause = DutyClause::kMain;
    bool first = true;
    for (const DutyComponent& c : rate) {
      if (c.season != s) continue;
      if (c.clause != clause) {
        out += c.clause == DutyClause::kMinimum ? " MIN " : " MAX ";
        clause = c.clause;
        first = true;
      }
      if (!first || (rate.form == DutyForm::kAdditional && !c.rate.is_negative())) out += " + ";
      if (rate.form == DutyForm::kAdditional && c.rate.is_negative()) out += " ";
      out += describe(c);
      first = false;
    }
  }
  return out;
}

}  // namespace kontor::trade
