#include "catalog/catalog.h"

#include <filesystem>
#include <fstream>

#include "core/csv.h"

namespace kontor::catalog {
namespace {

using nlohmann::json;

std::string where(const std::string& file, std::size_t line) {
  return file + " line " + std::to_string(line);
}

// Adds a decoded record, refusing a second record with the same id in one import.
template <typename T>
Status add_new(Catalog& into, StatusOr<T> record, const std::string& file, std::size_t line,
               const T* (Catalog::*find)(std::string_view) const, std::string_view type) {
  if (!record.ok()) return record.status().with_context(where(file, line));
  if ((into.*find)(record->id) != nullptr) {
    return invalid_argument(where(file, line) + ": field 'id': duplicate " + std::string(type) +
                            " id '" + record->id + "'");
  }
  into.add(std::move(record).value());
  return ok_status();
}

Status read_jsonl(std::string_view text, const std::string& file, Catalog& into) {
  std::size_t line = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (row.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json j = json::parse(row, nullptr, false);
    if (j.is_discarded()) return invalid_argument(where(file, line) + ": not valid JSON");
    std::string type = j.is_object() && j.contains("type") && j["type"].is_string()
                           ? j["type"].get<std::string>()
                           : "";
    if (type == "supplier") {
      RETURN_IF_ERROR(add_new(into, supplier_from_json(j), file, line, &Catalog::supplier, type));
    } else if (type == "product") {
      RETURN_IF_ERROR(add_new(into, product_from_json(j), file, line, &Catalog::product, type));
    } else if (type == "offer") {
      RETURN_IF_ERROR(add_new(into, offer_from_json(j), file, line, &Catalog::offer, type));
    } else {
      return invalid_argument(where(file, line) +
                              ": field 'type': expected supplier, product or offer");
    }
  }
  return ok_status();
}

Status read_csv(std::string_view text, const std::string& file, Catalog& into) {
  CsvReader reader(text, file);
  RETURN_IF_ERROR(reader.read_header());
  auto type = csv_record_type(reader.header());
  if (!type.ok()) return type.status().with_context(file + " line 1");
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    CsvRow row(reader.header(), fields);
    std::size_t line = reader.line();
    switch (*type) {
      case RecordType::kSupplier:
        RETURN_IF_ERROR(
            add_new(into, supplier_from_csv(row), file, line, &Catalog::supplier, "supplier"));
        break;
      case RecordType::kProduct:
        RETURN_IF_ERROR(
            add_new(into, product_from_csv(row), file, line, &Catalog::product, "product"));
        break;
      case RecordType::kOffer:
        RETURN_IF_ERROR(add_new(into, offer_from_csv(row), file, line, &Catalog::offer, "offer"));
        break;
    }
  }
  return reader.status();
}

void count(store::PutOutcome outcome, ImportReport& report) {
  ++report.records;
  switch (outcome) {
    case store::PutOutcome::kInserted: ++report.inserted; break;
    case store::PutOutcome::kUpdated: ++report.updated; break;
    case store::PutOutcome::kUnchanged: ++report.unchanged; break;
  }
}

template <typename T>
Status put_all(store::Transaction& txn, std::string_view collection, const std::vector<T>& items,
               ImportReport& report) {
  for (const T& item : items) {
    ASSIGN_OR_RETURN(auto outcome, txn.put(collection, item.id, to_json(item).dump()));
    count(outcome, report);
  }
  return ok_status();
}

// An offer may point at a supplier or product stored by an earlier import.
Status check_stored_references(const Catalog& catalog, store::Transaction& txn) {
  for (const Offer& o : catalog.offers()) {
    if (catalog.supplier(o.supplier_id) == nullptr) {
      ASSIGN_OR_RETURN(auto s, txn.get(kSuppliers, o.supplier_id));
      if (!s)
        return invalid_argument("offer '" + o.id + "': field 'supplier_id': no supplier '" +
                                o.supplier_id + "'");
    }
    if (catalog.product(o.product_id) == nullptr) {
      ASSIGN_OR_RETURN(auto p, txn.get(kProducts, o.product_id));
      if (!p)
        return invalid_argument("offer '" + o.id + "': field 'product_id': no product '" +
                                o.product_id + "'");
    }
  }
  return ok_status();
}

template <typename T, typename Decode>
Status load_collection(store::Store& store, std::string_view collection, Decode decode,
                       Catalog& into) {
  return store.scan(collection, [&](const store::Record& r) -> Status {
    json j = json::parse(r.body, nullptr, false);
    StatusOr<T> item = j.is_discarded() ? StatusOr<T>(data_loss("not valid JSON")) : decode(j);
    if (!item.ok())
      return data_loss(std::string(collection) + "/" + r.key + ": " + item.status().message());
    into.add(std::move(item).value());
    return ok_status();
  });
}

std::string csv_field(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_csv_row(std::ofstream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << "\n";
}

template <typename T>
Status write_csv_file(const std::string& path, RecordType type, const std::vector<T>& items) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return failed_precondition("cannot write " + path);
  write_csv_row(out, csv_header(type));
  for (const T& item : items) write_csv_row(out, to_csv_row(item));
  return out ? ok_status() : internal_error("write failed: " + path);
}

}  // namespace

template <typename T>
void Catalog::upsert(std::vector<T>& items, std::unordered_map<std::string, std::size_t>& index,
                     T item) {
  auto it = index.find(item.id);
  if (it != index.end()) {
    items[it->second] = std::move(item);
    return;
  }
  index.emplace(item.id, items.size());
  items.push_back(std::move(item));
}

void Catalog::add(Supplier s) { upsert(suppliers_, supplier_index_, std::move(s)); }
void Catalog::add(Product p) { upsert(products_, product_index_, std::move(p)); }
void Catalog::add(Offer o) { upsert(offers_, offer_index_, std::move(o)); }

const Supplier* Catalog::supplier(std::string_view id) const {
  auto it = supplier_index_.find(std::string(id));
  return it == supplier_index_.end() ? nullptr : &suppliers_[it->second];
}
const Product* Catalog::product(std::string_view id) const {
  auto it = product_index_.find(std::string(id));
  return it == product_index_.end() ? nullptr : &products_[it->second];
}
const Offer* Catalog::offer(std::string_view id) const {
  auto it = offer_index_.find(std::string(id));
  return it == offer_index_.end() ? nullptr : &offers_[it->second];
}

bool Catalog::is_demo() const {
  for (const Supplier& s : suppliers_)
    if (!s.demo) return false;
  for (const Product& p : products_)
    if (!p.demo) return false;
  for (const Offer& o : offers_)
    if (!o.demo) return false;
  return true;
}

Status Catalog::check_references() const {
  for (const Offer& o : offers_) {
    if (!supplier(o.supplier_id))
      return invalid_argument("offer '" + o.id + "': field 'supplier_id': no supplier '" +
                              o.supplier_id + "'");
    if (!product(o.product_id))
      return invalid_argument("offer '" + o.id + "': field 'product_id': no product '" +
                              o.product_id + "'");
  }
  return ok_status();
}

Status read_catalog_text(std::string_view text, const std::string& file, bool csv, Catalog& into) {
  return csv ? read_csv(text, file, into) : read_jsonl(text, file, into);
}

StatusOr<Catalog> read_catalog_files(const std::vector<std::string>& paths) {
  Catalog catalog;
  for (const std::string& path : paths) {
    ASSIGN_OR_RETURN(std::string text, read_file(path));
    bool csv = std::filesystem::path(path).extension() == ".csv";
    RETURN_IF_ERROR(read_catalog_text(text, path, csv, catalog));
  }
  return catalog;
}

StatusOr<ImportReport> save_catalog(store::Store& store, const Catalog& catalog) {
  ASSIGN_OR_RETURN(auto txn, store.begin());
  RETURN_IF_ERROR(check_stored_references(catalog, *txn));
  ImportReport report;
  RETURN_IF_ERROR(put_all(*txn, kSuppliers, catalog.suppliers(), report));
  RETURN_IF_ERROR(put_all(*txn, kProducts, catalog.products(), report));
  RETURN_IF_ERROR(put_all(*txn, kOffers, catalog.offers(), report));
  RETURN_IF_ERROR(txn->commit());
  return report;
}

StatusOr<ImportReport> import_files(store::Store& store, const std::vector<std::string>& paths) {
  ASSIGN_OR_RETURN(Catalog catalog, read_catalog_files(paths));
  return save_catalog(store, catalog);
}

StatusOr<Catalog> load_catalog(store::Store& store) {
  Catalog catalog;
  RETURN_IF_ERROR(load_collection<Supplier>(store, kSuppliers, supplier_from_json, catalog));
  RETURN_IF_ERROR(load_collection<Product>(store, kProducts, product_from_json, catalog));
  RETURN_IF_ERROR(load_collection<Offer>(store, kOffers, offer_from_json, catalog));
  return catalog;
}

Status export_jsonl(const Catalog& catalog, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return failed_precondition("cannot write " + path);
  for (const Supplier& s : catalog.suppliers()) out << to_json(s).dump() << "\n";
  for (const Product& p : catalog.products()) out << to_json(p).dump() << "\n";
  for (const Offer& o : catalog.offers()) out << to_json(o).dump() << "\n";
  return out ? ok_status() : internal_error("write failed: " + path);
}

Status export_csv(const Catalog& catalog, const std::string& directory) {
  std::filesystem::path dir(directory);
  RETURN_IF_ERROR(
      write_csv_file((dir / "suppliers.csv").string(), RecordType::kSupplier, catalog.suppliers()));
  RETURN_IF_ERROR(
      write_csv_file((dir / "products.csv").string(), RecordType::kProduct, catalog.products()));
  return write_csv_file((dir / "offers.csv").string(), RecordType::kOffer, catalog.offers());
}

}  // namespace kontor::catalog
