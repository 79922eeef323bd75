#include "policy/action_digest.h"

#include <sodium.h>

#include "crew/actions.h"

namespace kontor::policy {

using nlohmann::json;

std::string action_canonical_form(std::string_view case_id, const json& action_json) {
  // nlohmann::json keeps object keys sorted, so dump() is canonical for a given value.
  std::string form = "kontor-action-v1\n";
  form.append(case_id);
  form.push_back('\n');
  form += crew::action_identity(action_json).dump();
  return form;
}

std::string action_digest(std::string_view case_id, const json& action_json) {
  const std::string form = action_canonical_form(case_id, action_json);
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(form.data()),
                     form.size(), nullptr, 0);
  return to_hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

std::string action_digest(std::string_view case_id, const crew::ProposedAction& action) {
  return action_digest(case_id, crew::action_to_json(action));
}

std::string action_digest(const store::OutboxAction& action) {
  return action_digest(action.case_id, action.action);
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    hex.push_back(kDigits[c >> 4]);
    hex.push_back(kDigits[c & 0xf]);
  }
  return hex;
}

}  // namespace kontor::policy
