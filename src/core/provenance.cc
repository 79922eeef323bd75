#include "core/provenance.h"

namespace kontor {

std::string Provenance::to_string() const {
  std::string out;
  if (source != nullptr) {
    out += source->file;
    if (line > 0) out += " line " + std::to_string(line);
  }
  if (!key.empty()) {
    if (!out.empty()) out += ' ';
    out += '[';
    out += key;
    out += ']';
  }
  if (!text.empty()) {
    if (!out.empty()) out += ' ';
    out += '\'';
    out += text;
    out += '\'';
  }
  if (!rule.empty()) {
    if (!out.empty()) out += "; ";
    out += "rule: ";
    out += rule;
  }
  return out;
}

}  // namespace kontor
