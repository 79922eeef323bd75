// Redaction: what Kontor writes to logs and stderr diagnostics may quote case content (a goal,
// a supplier message, a request body). Before it leaves the process, personal data and secrets
// in it are masked: e-mail addresses, phone numbers, IBANs (mod-97 checked), payment card
// numbers (issuer prefix and Luhn checked), bearer tokens and API keys with a known prefix, and
// the value of password/secret/token/api_key=… pairs (also "key": "value" in JSON).
//
// The detectors are deliberately narrow so that trade data stays readable: prices ("12.99",
// "€1,234.56"), HS codes ("6911.10.10", "961700"), dates ("2026-11-23", "23.11.2026"),
// quantities and order numbers are not masked. A bare national phone number with no "+" and no
// word like "tel"/"phone" before it is therefore not recognised. Hand-written scanners (no
// std::regex): linear time, no recursion, safe on any bytes.
#pragma once

#include <string>
#include <string_view>

namespace kontor::policy {

// `text` with every detected item replaced by its label: "[email]", "[phone]", "[iban]",
// "[card]", "[secret]" (for a key=value pair or a bearer token only the value is replaced).
std::string redact(std::string_view text);

}  // namespace kontor::policy
