// The vocabulary of the duty rate parser (trade/duty_rate.cc): unit and basis spellings of the
// US HTS, EU CET and UK Global Tariff, keyed without spaces so that "100 kg / net dry" and
// "100kg/net dry" are one key, and the phrases of texts that are not computable.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/quantity.h"
#include "trade/duty_rate.h"

namespace kontor::trade::detail {

// Units of specific rates, keyed by their spelling without spaces or a trailing '.'.

struct UnitSpec {
  std::string_view key;
  Unit unit;
  std::uint8_t per_exp10;
  DutyBasis basis;
  PerPercent per_percent = PerPercent::kNone;
};

inline constexpr UnitSpec kUnitSpecs[] = {
    // US HTS
    {"kg", Unit::kKilogram, 0, DutyBasis::kDeclared},
    {"g", Unit::kGram, 0, DutyBasis::kDeclared},
    {"t", Unit::kTonne, 0, DutyBasis::kDeclared},
    {"doz", Unit::kDozen, 0, DutyBasis::kDeclared},
    {"gross", Unit::kGross, 0, DutyBasis::kDeclared},
    {"pr", Unit::kPair, 0, DutyBasis::kDeclared},
    {"each", Unit::kPiece, 0, DutyBasis::kDeclared},
    {"head", Unit::kPiece, 0, DutyBasis::kDeclared},
    {"article", Unit::kPiece, 0, DutyBasis::kDeclared},
    {"1000", Unit::kPiece, 3, DutyBasis::kDeclared},
    {"1,000", Unit::kPiece, 3, DutyBasis::kDeclared},
    {"thousand", Unit::kPiece, 3, DutyBasis::kDeclared},
    {"thou-sand", Unit::kPiece, 3, DutyBasis::kDeclared},  // column 2 of 9608.99.30
    {"liter", Unit::kLitre, 0, DutyBasis::kDeclared},
    {"bbl", Unit::kBarrel, 0, DutyBasis::kDeclared},
    {"m", Unit::kMetre, 0, DutyBasis::kDeclared},
    {"lin.m", Unit::kMetre, 0, DutyBasis::kDeclared},
    {"m2", Unit::kSquareMetre, 0, DutyBasis::kDeclared},
    {"m3", Unit::kCubicMetre, 0, DutyBasis::kDeclared},
    {"pf.liter", Unit::kLitre, 0, DutyBasis::kProofLitres},
    {"pf.literonethylalcoholcontent", Unit::kLitre, 0, DutyBasis::kProofLitres},
    {"kgondrainedweight", Unit::kKilogram, 0, DutyBasis::kDrainedWeight},
    {"kgondrainedweght", Unit::kKilogram, 0, DutyBasis::kDrainedWeight},  // misprint, col. 2
    {"kgoncontentsandcontainer", Unit::kKilogram, 0, DutyBasis::kGrossWeight},
    {"kg,includingweightofcontainer", Unit::kKilogram, 0, DutyBasis::kGrossWeight},
    {"t,includingweightofcontainer", Unit::kTonne, 0, DutyBasis::kGrossWeight},
    {"kgonentirecontentsofcontainer", Unit::kKilogram, 0, DutyBasis::kEntireContents},
    {"kgoftotalsugars", Unit::kKilogram, 0, DutyBasis::kTotalSugars},
    {"cleankg", Unit::kKilogram, 0, DutyBasis::kCleanWeight},
    {"kgonleadcontent", Unit::kKilogram, 0, DutyBasis::kLeadContent},
    {"kgoncoppercontent", Unit::kKilogram, 0, DutyBasis::kCopperContent},
    {"kgonzinccontent", Unit::kKilogram, 0, DutyBasis::kZincContent},
    {"kgontungstencontent", Unit::kKilogram, 0, DutyBasis::kTungstenContent},
    {"kgonmolybdenumcontent", Unit::kKilogram, 0, DutyBasis::kMolybdenumContent},
    {"kgonmanganesecontent", Unit::kKilogram, 0, DutyBasis::kManganeseContent},
    {"kgonmagnesiumcontent", Unit::kKilogram, 0, DutyBasis::kMagnesiumContent},
    {"kgonsiliconcontent", Unit::kKilogram, 0, DutyBasis::kSiliconContent},
    {"kgofanhydrousmorphinecontent", Unit::kKilogram, 0, DutyBasis::kAnhydrousMorphine},
    {"m2ofrecordingsurface", Unit::kSquareMetre, 0, DutyBasis::kRecordingSurface},
    {"grossofimmediatecontainers", Unit::kGross, 0, DutyBasis::kImmediateContainers},
    {"jewel", Unit::kPiece, 0, DutyBasis::kJewels},
    {"1,000pins", Unit::kPiece, 3, DutyBasis::kPins},
    {"pack", Unit::kPiece, 0, DutyBasis::kPacks},
    // EU CET and UK Global Tariff
    {"100kg", Unit::kKilogram, 2, DutyBasis::kDeclared},
    {"100kg/net", Unit::kKilogram, 2, DutyBasis::kDeclared},
    {"1000kg", Unit::kKilogram, 3, DutyBasis::kDeclared},
    {"tonne", Unit::kTonne, 0, DutyBasis::kDeclared},
    {"hl", Unit::kLitre, 2, DutyBasis::kDeclared},
    {"item", Unit::kPiece, 0, DutyBasis::kDeclared},
    {"1,000items", Unit::kPiece, 3, DutyBasis::kDeclared},
    {"1000items", Unit::kPiece, 3, DutyBasis::kDeclared},
    {"100m", Unit::kMetre, 2, DutyBasis::kDeclared},
    {"%vol/hl", Unit::kLitre, 2, DutyBasis::kDeclared, PerPercent::kAlcoholByVolume},
    {"100kg/net/%sacchar", Unit::kKilogram, 2, DutyBasis::kDeclared, PerPercent::kSucrose},
    {"kg/lacticmatter", Unit::kKilogram, 0, DutyBasis::kLacticMatter},
    {"kg/drylacticmatter", Unit::kKilogram, 0, DutyBasis::kDryLacticMatter},
    {"100kg/netdrainedwt", Unit::kKilogram, 2, DutyBasis::kDrainedWeight},
    {"100kgeda", Unit::kKilogram, 2, DutyBasis::kDrainedWeight},
    {"100kg/netdry", Unit::kKilogram, 2, DutyBasis::kDryMatter},
    {"100kgmas", Unit::kKilogram, 2, DutyBasis::kDryMatter},
    {"100kg/stdqual", Unit::kKilogram, 2, DutyBasis::kStandardQuality},
    {"100kgstdqual", Unit::kKilogram, 2, DutyBasis::kStandardQuality},
    {"100kg/gross", Unit::kKilogram, 2, DutyBasis::kGrossWeight},
    {"100kg/br", Unit::kKilogram, 2, DutyBasis::kGrossWeight},
    {"kg/totalc", Unit::kKilogram, 0, DutyBasis::kTotalAlcohol},
};

// What an ad valorem component is levied on, keyed like kUnitSpecs.
struct ValueSpec {
  std::string_view key;
  DutyBasis basis;
};

inline constexpr ValueSpec kValueSpecs[] = {
    {"", DutyBasis::kDeclared},
    {"/", DutyBasis::kDeclared},  // column 2 of 2909.19.18 prints "37% /"
    {"ontheentireset", DutyBasis::kDeclared},
    {"onthefullvalueoftheimportedarticle", DutyBasis::kDeclared},
    {"onthecase", DutyBasis::kCaseValue},
    {"onthestrap,bandorbracelet", DutyBasis::kStrapValue},
    {"onthebattery", DutyBasis::kBatteryValue},
    {"onthemovement", DutyBasis::kMovementValue},
    {"onthemovementandcase", DutyBasis::kMovementAndCaseValue},
    {"onthecaseandstrap,bandorbracelet", DutyBasis::kCaseAndStrapValue},
    {"oncaseandstrap,bandorbracelet", DutyBasis::kCaseAndStrapValue},
    {"ontheapparatus", DutyBasis::kApparatusValue},
    {"onthevalueoftheleadcontent", DutyBasis::kLeadContentValue},
    {"onthevalueoftherifle", DutyBasis::kRifleValue},
    {"onthevalueofthetelescopicsight,ifany", DutyBasis::kTelescopicSightValue},
    {"ofthefairretailvalue", DutyBasis::kFairRetailValue},
    {"ofthecostofsuchgoodsorrepairs", DutyBasis::kCostOfRepairs},
    {"ofthecostofsuchpartsormaterials", DutyBasis::kCostOfParts},
    {"ofthecostofsuchparts", DutyBasis::kCostOfParts},
};

// Phrases (without spaces) that make a text not computable from value and quantities.
struct Phrase {
  std::string_view text;
  NotComputableReason reason;
  bool prefix;  // true: the text starts with it; false: it occurs anywhere
};

inline constexpr Phrase kNotComputable[] = {
    {":", NotComputableReason::kNoRatePrinted, true},
    {"see", NotComputableReason::kSeeNote, true},
    {"therateapplicabletoeachgarment", NotComputableReason::kEnsembleGarments, true},
    {"therate", NotComputableReason::kRateOfOtherArticle, true},
    {"thedutyrateprovidedfororigin", NotComputableReason::kRateOfOtherArticle, true},
    {"aduty", NotComputableReason::kChapter98Value, true},
    {"entryprice", NotComputableReason::kEntryPrice, true},
    {"foreachdegreeunder", NotComputableReason::kSugarPolarity, false},
    {"foreachotherpieceorpart", NotComputableReason::kMovementParts, false},
    {"/line/gross", NotComputableReason::kButtonLines, false},
};

// The chapter 99 form: the duty of the subheading the goods fall in, plus (or minus) a rate.
inline constexpr std::string_view kBaseDutyPhrases[] = {
    "thedutyprovidedintheapplicablesubheading",
    "thedutyprovidedforintheapplicablesubheading",
    "thedutyrateprovidedinsuchsubheading",
};

inline constexpr std::string_view kAgriculturalWords[] = {"ea",    "ear",  "adsz",
                                                          "adszr", "adfm", "adfmr"};

struct Month {
  std::string_view prefix;
  std::uint8_t days;
};
inline constexpr Month kMonths[] = {{"jan", 31}, {"feb", 29}, {"mar", 31}, {"apr", 30},
                                    {"may", 31}, {"jun", 30}, {"jul", 31}, {"aug", 31},
                                    {"sep", 30}, {"oct", 31}, {"nov", 30}, {"dec", 31}};

}  // namespace kontor::trade::detail
