// libFuzzer target: any bytes as a catalog JSON-lines file ({"type": "supplier|product|offer",
// …} per line) must give records or a Status naming the line — never a crash (an uncaught JSON
// exception included), a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalog/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kontor::catalog::Catalog catalog;
  kontor::Status status = kontor::catalog::read_catalog_text(text, "fuzz.jsonl", false, catalog);
  if (!status.ok() && status.message().empty()) std::abort();
  if (status.ok()) (void)catalog.check_references();
  return 0;
}
