// DutyRate: a customs duty rate text, as printed in a tariff schedule, parsed into a structure
// the duty engine (trade/duty.h) can compute. Covers every form in the shipped schedules: the US
// HTS 2024 (general, special and column 2 columns), the EU CET 2020 and the UK Global Tariff
// 2021 — ad valorem ("2.6%"), specific ("4.4¢/kg", "EUR 4.40 / 100 kg", "1.75 EUR / % vol /
// hl"), compound ("25¢/kg + 3.6%"), qualified bases ("on drained weight", "on the case"), EU
// MIN/MAX clauses, EU/UK seasonal rates and the chapter 99 "duty of the applicable subheading +
// 25%" form. Texts whose duty cannot be computed from the declared value and quantities (a
// reference to a U.S. note, the rate of another article, an EU agricultural component whose
// amount is not in the data, the entry price system) parse to kNotComputable with a reason,
// so a report can say "needs a customs expert" instead of printing a wrong number. Anything
// else is an invalid_argument error quoting the text.
//
// A DutyRate holds no heap memory: components live in a fixed array and `text` is a view into
// the caller's text, which must outlive the rate (tariff snapshots are immutable).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/quantity.h"
#include "core/status.h"

namespace kontor::trade {

// What a component is levied on. kDeclared: the customs value (ad valorem) or the plain
// declared quantity in the rate's unit (specific). The others need a quantity or value the
// importer declares separately (DutyBase::qualified_quantities / part_values).
enum class DutyBasis : std::uint8_t {
  kDeclared,
  // quantity bases
  kDrainedWeight,    // US "on drained weight"; EU "net drained wt", UK "eda"
  kGrossWeight,      // US "on contents and container", "including weight of container";
                     // EU "/ gross", "/br"
  kEntireContents,   // US "on entire contents of container"
  kCleanWeight,      // US wool "clean kg"
  kTotalSugars,      // US "of total sugars"
  kLacticMatter,     // EU "/ kg / lactic matter"
  kDryLacticMatter,  // EU "/ kg / dry lactic matter"
  kDryMatter,        // EU "/ net dry", UK "mas"
  kStandardQuality,  // EU/UK sugar "std qual"
  kTotalAlcohol,     // EU "/ kg / tot alc"
  kProofLitres,      // US "pf.liter" (litres at 50 % vol)
  kLeadContent,
  kCopperContent,
  kZincContent,
  kTungstenContent,
  kMolybdenumContent,
  kManganeseContent,
  kMagnesiumContent,
  kSiliconContent,
  kAnhydrousMorphine,    // US "of anhydrous morphine content"
  kRecordingSurface,     // US "m² of recording surface"
  kImmediateContainers,  // US "gross of immediate containers"
  kJewels,               // US watch movements "¢/jewel"
  kPins,                 // US "¢/1,000 pins"
  kPacks,                // US "¢/pack"
  // value bases (ad valorem on the value of a part)
  kCaseValue,
  kStrapValue,
  kBatteryValue,
  kMovementValue,
  kMovementAndCaseValue,
  kCaseAndStrapValue,
  kApparatusValue,
  kLeadContentValue,
  kRifleValue,
  kTelescopicSightValue,
  kFairRetailValue,
  kCostOfRepairs,
  kCostOfParts,
};
// "drained weight", "value of the case", … ("" for kDeclared).
std::string_view duty_basis_name(DutyBasis basis);
bool is_value_basis(DutyBasis basis);

// A multiplier printed inside the unit: EU "% vol / hl" (per % of alcohol by volume) and
// "% sacchar." (per % of sucrose content).
enum class PerPercent : std::uint8_t { kNone, kAlcoholByVolume, kSucrose };

// Which clause of the rate a component belongs to.
enum class DutyClause : std::uint8_t { kMain, kMinimum, kMaximum };

struct DutyComponent {
  enum class Kind : std::uint8_t { kAdValorem, kSpecific };

  Kind kind = Kind::kAdValorem;
  DutyClause clause = DutyClause::kMain;
  DutyBasis basis = DutyBasis::kDeclared;
  PerPercent per_percent = PerPercent::kNone;
  std::uint8_t season = 0;          // index into DutyRate::seasons (0 when not seasonal)
  std::uint8_t per_exp10 = 0;       // specific: the rate is per 10^per_exp10 units ("/100 kg": 2)
  Unit unit = Unit::kPiece;         // specific only
  std::uint16_t excess_over = 0;    // "¢/jewel over 7": only the count above 7 is dutiable
  std::array<char, 3> currency_{};  // specific only: "USD", "EUR", "GBP"
  // Ad valorem: a fraction (3.6% → 0.036). Specific: currency units per `per()` units
  // (4.4¢/kg → 0.044 USD per 1 kg; EUR 93.10 / 100 kg → 93.10 per 100 kg).
  Decimal rate;

  std::string_view currency() const { return {currency_.data(), 3}; }
  std::uint32_t per() const;  // 1, 100, 1000
  bool is_ad_valorem() const { return kind == Kind::kAdValorem; }
};

enum class DutyForm : std::uint8_t {
  kFree,           // "Free", "Free, under bond, as prescribed in U.S. note 2 …"
  kAdValorem,      // one ad valorem component on the customs value
  kSpecific,       // specific components only
  kCompound,       // ad valorem and specific, several value bases, or MIN/MAX clauses
  kSeasonal,       // EU/UK: the rate depends on the day of the year of entry
  kAdditional,     // the duty of the base line plus `components` (chapter 99, "No change")
  kNotComputable,  // see `reason`
};
std::string_view duty_form_name(DutyForm form);  // "free", "ad_valorem", …

enum class NotComputableReason : std::uint8_t {
  kNone,
  kSeeNote,                  // "See additional U.S. note 1", "See 9822.05.10"
  kRateOfOtherArticle,       // "The rate applicable to the article of which it is a part …"
  kEnsembleGarments,         // "The rate applicable to each garment in the ensemble …"
  kChapter98Value,           // "A duty upon the value of the repairs …" (US chapter 98)
  kSugarPolarity,            // "… less 0.020668¢/kg for each degree under 100 degrees …"
  kMovementParts,            // "… ¢ for each other piece or part, but … shall not exceed …"
  kButtonLines,              // "0.3¢/line/ gross": per line of button size per gross
  kEuAgriculturalComponent,  // "+ EA", "ADSZ", "ADFM": amounts not in the data
  kEntryPrice,               // EU entry price system
  kNoRatePrinted,            // the schedule prints no rate (":")
};
// "refers to a U.S. note of the tariff", …
std::string_view not_computable_reason_name(NotComputableReason reason);

// A day-of-year range of a seasonal rate, inclusive; from > to wraps over the new year
// ("01 JUL - 31 JAN").
struct SeasonRange {
  std::uint8_t from_month = 1, from_day = 1, to_month = 12, to_day = 31;
  bool contains(int month, int day) const;
};

struct DutySeason {
  std::array<SeasonRange, 2> ranges{};
  std::uint8_t range_count = 0;  // 0: every day not covered by an earlier season
};

struct DutyRate {
  static constexpr int kMaxComponents = 6;
  static constexpr int kMaxSeasons = 4;
  static constexpr int kMaxComponentsPerSeason = 4;  // main, MIN and MAX clauses together

  DutyForm form = DutyForm::kFree;
  NotComputableReason reason = NotComputableReason::kNone;
  std::uint8_t component_count = 0;
  std::uint8_t season_count = 0;  // 0 unless kSeasonal
  std::array<DutyComponent, kMaxComponents> components{};
  std::array<DutySeason, kMaxSeasons> seasons{};
  std::string_view text;  // the rate as printed (a view into the caller's text)
  // The condition of a conditional "Free" ("under bond, as prescribed in U.S. note 2 …"),
  // a view into `text`; empty otherwise.
  std::string_view condition;

  const DutyComponent* begin() const { return components.data(); }
  const DutyComponent* end() const { return components.data() + component_count; }
  bool computable() const { return form != DutyForm::kNotComputable; }
};

// Parses a rate text of `jurisdiction` ("US", "EU", "GB"/"UK"; gives the currency of bare ¢/$
// amounts and allows the EU printing of ad valorem amounts without "%": "6.4 + 24.6 EUR/100
// kg"). HTML markup (<sup>, <il>, <u>) and non-breaking spaces are ignored. invalid_argument
// "duty rate 'TEXT': REASON" when the text is not a rate Kontor knows.
StatusOr<DutyRate> parse_duty_rate(std::string_view text, std::string_view jurisdiction);

// The structure in words, for reports and tests: "0.25 USD/kg + 3.6%", "12% MIN 0.40 EUR/100
// kg", "free", "not computable (the rate of another article applies)", "[01-01..02-14,
// 06-16..12-31] 15% ; [02-15..06-15] 0%".
std::string describe(const DutyRate& rate);
std::string describe(const DutyComponent& component);

// One preferential rate of the US "Special" column: "Free (A+,AU,BH,…) 3.4¢/kg (P) See
// 9822.05.10 (AU)" has three, each with its programme codes (views into the text).
struct SpecialRate {
  DutyRate rate;
  std::string_view programs;  // "A+,AU,BH,…" (empty when the text names none)
};
StatusOr<std::vector<SpecialRate>> parse_special_rates(std::string_view text,
                                                       std::string_view jurisdiction);

}  // namespace kontor::trade
