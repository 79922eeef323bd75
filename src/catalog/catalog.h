// Catalog: the suppliers, products and offers Kontor can source from, held in memory for
// search and persisted through store::Store (collections catalog.suppliers / .products /
// .offers, one canonical JSON document per record).
//
// Import reads catalog files — JSON Lines (.jsonl, one record per line with "type") or CSV (one
// file per record type, recognised by its header) — validates every record and every reference
// (an offer's supplier and product must be in the same import or already stored) before writing
// anything, then writes all records in one transaction: all rows or none. Records identical to
// the stored ones are left untouched, so re-importing the same files changes nothing. Errors
// name the file, the line and the field.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/codec.h"
#include "catalog/types.h"
#include "core/status.h"
#include "store/store.h"

namespace kontor::catalog {

inline constexpr std::string_view kSuppliers = "catalog.suppliers";
inline constexpr std::string_view kProducts = "catalog.products";
inline constexpr std::string_view kOffers = "catalog.offers";

class Catalog {
 public:
  // Adds a record, replacing one with the same id.
  void add(Supplier supplier);
  void add(Product product);
  void add(Offer offer);

  const Supplier* supplier(std::string_view id) const;
  const Product* product(std::string_view id) const;
  const Offer* offer(std::string_view id) const;
  const std::vector<Supplier>& suppliers() const { return suppliers_; }
  const std::vector<Product>& products() const { return products_; }
  const std::vector<Offer>& offers() const { return offers_; }
  bool empty() const { return products_.empty(); }
  // True when every record is generated demo data.
  bool is_demo() const;

  // invalid_argument naming the first offer whose supplier or product is missing.
  Status check_references() const;

 private:
  template <typename T>
  static void upsert(std::vector<T>& items, std::unordered_map<std::string, std::size_t>& index,
                     T item);
  std::vector<Supplier> suppliers_;
  std::vector<Product> products_;
  std::vector<Offer> offers_;
  std::unordered_map<std::string, std::size_t> supplier_index_, product_index_, offer_index_;
};

// Parses and validates catalog files into a Catalog (no store involved). References between
// records are not checked here (see Catalog::check_references).
StatusOr<Catalog> read_catalog_files(const std::vector<std::string>& paths);
// The same for text already in memory; `file` names it in messages; `csv` selects the format.
Status read_catalog_text(std::string_view text, const std::string& file, bool csv, Catalog& into);

struct ImportReport {
  int records = 0;
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;
};

// Atomic, idempotent import of files into the store (see the header comment).
StatusOr<ImportReport> import_files(store::Store& store, const std::vector<std::string>& paths);
// Writes an in-memory catalog in one transaction (same atomicity and idempotence).
StatusOr<ImportReport> save_catalog(store::Store& store, const Catalog& catalog);
// Reads everything stored.
StatusOr<Catalog> load_catalog(store::Store& store);

// Exports: one JSON Lines file (suppliers, then products, then offers), or three CSV files
// suppliers.csv, products.csv, offers.csv in `directory`.
Status export_jsonl(const Catalog& catalog, const std::string& path);
Status export_csv(const Catalog& catalog, const std::string& directory);

}  // namespace kontor::catalog
