#include "trade/import_tax.h"

namespace kontor::trade {

ImportTaxRule import_tax_rule(CountryCode destination, std::string_view customs_union) {
  const std::string_view c = destination.code();
  if (customs_union == "EU") {
    return {ImportTaxBase::kValuePlusDutyAndIncidentals,
            "VAT Directive 2006/112/EC Art. 85-86: customs value + duties + incidental expenses "
            "to the first place of destination"};
  }
  if (c == "GB") {
    return {ImportTaxBase::kValuePlusDutyAndIncidentals,
            "HMRC value for VAT (Notice 252, VAT Notice 702): customs value + duty + incidental "
            "costs to the first UK destination"};
  }
  if (c == "US") {
    return {ImportTaxBase::kNone,
            "United States: no federal import VAT or GST; state sales tax is due on the sale"};
  }
  if (c == "AU") {
    return {ImportTaxBase::kValuePlusDutyAndTransport,
            "GST Act 1999 s 13-20: customs value + duty + international transport and insurance"};
  }
  if (c == "CA") {
    return {ImportTaxBase::kValuePlusDuty, "Excise Tax Act s 215: value for duty + duties"};
  }
  if (c == "JP") {
    return {ImportTaxBase::kValuePlusDuty,
            "Consumption Tax Act Art. 28(4): CIF value + customs duty"};
  }
  return {ImportTaxBase::kValuePlusDuty,
          "general rule: customs value + duty (no specific rule encoded for this destination)",
          true};
}

Money import_tax_base(const ImportTaxRule& rule, const ImportTaxBaseInput& input) {
  switch (rule.base) {
    case ImportTaxBase::kNone: return Money::zero(input.customs_value.currency());
    case ImportTaxBase::kValuePlusDutyAndIncidentals:
      return input.customs_value + input.duty + input.incidentals;
    case ImportTaxBase::kValuePlusDutyAndTransport:
      return input.customs_value + input.duty + input.transport_not_in_value;
    case ImportTaxBase::kValuePlusDuty: return input.customs_value + input.duty;
  }
  return input.customs_value + input.duty;
}

}  // namespace kontor::trade
