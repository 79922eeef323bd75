// Import VAT / GST: what it is levied on, by destination, with the law that says so. The rate
// comes from refdata::VatTable; this module only knows the base.
//   EU  VAT Directive 2006/112/EC Art. 85–86: customs value + duties + incidental expenses
//       (commission, packing, transport, insurance) up to the first place of destination.
//   GB  HMRC "value for VAT": customs value + duty + incidental costs to the first UK
//       destination (Notice 252 / VAT Notice 702).
//   AU  GST Act 1999 s 13-20: customs value + duty + international transport and insurance.
//   CA  Excise Tax Act s 215: value for duty + duties.
//   JP  Consumption Tax Act Art. 28(4): CIF value + customs duty.
//   US  no federal import VAT or GST (state sales tax falls on the sale, not the import).
// Any other destination: customs value + duty, the general rule, flagged as such.
#pragma once

#include <string_view>

#include "core/country.h"
#include "core/money.h"

namespace kontor::trade {

enum class ImportTaxBase {
  kNone,  // no import VAT/GST
  kValuePlusDutyAndIncidentals,
  kValuePlusDutyAndTransport,  // FOB-basis countries that add transport for GST (AU)
  kValuePlusDuty,
};

struct ImportTaxRule {
  ImportTaxBase base = ImportTaxBase::kValuePlusDuty;
  std::string_view law;
  bool general_rule = false;  // no specific rule is encoded for this destination
};

ImportTaxRule import_tax_rule(CountryCode destination, std::string_view customs_union);

struct ImportTaxBaseInput {
  Money customs_value;
  Money duty;                    // all customs duties, including additional duties
  Money incidentals;             // costs to the first place of destination not in the value
  Money transport_not_in_value;  // freight + insurance left out of an FOB customs value
};

Money import_tax_base(const ImportTaxRule& rule, const ImportTaxBaseInput& input);

}  // namespace kontor::trade
