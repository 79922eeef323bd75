// Encoding of catalog records as JSON objects (one per line in a .jsonl file, with a "type" of
// supplier|product|offer) and as CSV rows (one file per record type, told apart by header).
// Decoding validates every field; an error names the field and the reason (the caller adds the
// file and line). Decimals travel as strings ("4.35") so no price ever passes through a double.
// Encoding is canonical (sorted keys), so the same record always gives the same bytes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/types.h"
#include "core/status.h"

namespace kontor::catalog {

enum class RecordType { kSupplier, kProduct, kOffer };
std::string_view record_type_name(RecordType type);

nlohmann::json to_json(const Supplier& s);
nlohmann::json to_json(const Product& p);
nlohmann::json to_json(const Offer& o);

StatusOr<Supplier> supplier_from_json(const nlohmann::json& j);
StatusOr<Product> product_from_json(const nlohmann::json& j);
StatusOr<Offer> offer_from_json(const nlohmann::json& j);

// CSV: the header of each record type, and rows in that column order. Lists are ';'-separated,
// attributes "key=value;key=value", extra titles "lang:text|lang:text", category paths
// "A > B > C", tiers "min_quantity:unit_price;…" (e.g. "500:4.80;2000:4.35").
const std::vector<std::string>& csv_header(RecordType type);
// The record type whose header is `header` (same columns, any order); invalid_argument if none.
StatusOr<RecordType> csv_record_type(const std::vector<std::string>& header);
std::vector<std::string> to_csv_row(const Supplier& s);
std::vector<std::string> to_csv_row(const Product& p);
std::vector<std::string> to_csv_row(const Offer& o);

// Field access by column name for one CSV row (the header maps names to positions).
class CsvRow {
 public:
  CsvRow(const std::vector<std::string>& header, const std::vector<std::string>& fields)
      : header_(header), fields_(fields) {}
  std::string_view get(std::string_view column) const;

 private:
  const std::vector<std::string>& header_;
  const std::vector<std::string>& fields_;
};
StatusOr<Supplier> supplier_from_csv(const CsvRow& row);
StatusOr<Product> product_from_csv(const CsvRow& row);
StatusOr<Offer> offer_from_csv(const CsvRow& row);

}  // namespace kontor::catalog
