#include "refdata/currencies.h"

#include "refdata/detail/table_util.h"

namespace kontor::refdata {

namespace {
struct CurrencyEntry {
  Currency currency;
  std::string name;
  std::uint32_t line = 0;
};
using CurrencyMap = detail::StringMap<CurrencyEntry>;
}  // namespace

struct CurrencyTable::Impl {
  DataSource source;
  CurrencyMap by_code;
};

CurrencyTable::CurrencyTable() : impl_(std::make_shared<Impl>()) {}

namespace {

// One current row: `minor` is "-" for units that are not money (SDR, gold, test codes) and
// those are left out, since no price or duty is ever stated in them.
Status add_currency(const detail::CsvFile& file, const std::vector<std::string>& row,
                    CurrencyMap* by_code);

}  // namespace

StatusOr<CurrencyTable> CurrencyTable::load(const std::string& path) {
  auto impl = std::make_shared<Impl>();
  impl->source = {"iso4217", detail::base_name(path),
                  "ISO 4217 currency codes (datasets/currency-codes)",
                  "snapshot 2026-02-01 (commit ab9b0ae)", "ODC-PDDL-1.0"};
  ASSIGN_OR_RETURN(auto file, detail::open_csv(path, {"Currency", "AlphabeticCode", "MinorUnit",
                                                      "WithdrawalDate"}));
  std::vector<std::string> row;
  while (file->reader->next(row)) {
    if (!row[file->cols[3]].empty()) continue;  // withdrawn
    RETURN_IF_ERROR(add_currency(*file, row, &impl->by_code));
  }
  RETURN_IF_ERROR(file->reader->status());
  CurrencyTable table;
  table.impl_ = std::move(impl);
  return table;
}

namespace {

Status add_currency(const detail::CsvFile& file, const std::vector<std::string>& row,
                    CurrencyMap* by_code) {
  const CsvReader& reader = *file.reader;
  const std::string& code = row[file.cols[1]];
  const std::string& minor = row[file.cols[2]];
  if (code.empty() && minor.empty()) return ok_status();  // an entity without its own currency
  if (minor == "-") return ok_status();
  ASSIGN_OR_RETURN(int minor_unit, detail::parse_int_field(reader, "MinorUnit", minor));
  auto currency = Currency::make(code, minor_unit);
  if (!currency.ok()) return reader.error("AlphabeticCode", currency.status().message());
  auto [it, inserted] =
      by_code->try_emplace(code, CurrencyEntry{*currency, row[file.cols[0]], file.line()});
  if (!inserted && it->second.currency.minor_unit() != minor_unit) {
    return reader.error("MinorUnit", "minor unit " + minor + " of " + code +
                                         " disagrees with line " + std::to_string(it->second.line));
  }
  return ok_status();
}

}  // namespace

StatusOr<Currency> CurrencyTable::find(std::string_view code) const {
  auto it = impl_->by_code.find(code);
  if (it == impl_->by_code.end()) {
    return not_found("currency: unknown ISO 4217 code '" + std::string(code) + "'");
  }
  return it->second.currency;
}

std::string_view CurrencyTable::name(std::string_view code) const {
  auto it = impl_->by_code.find(code);
  return it == impl_->by_code.end() ? std::string_view() : std::string_view(it->second.name);
}

std::size_t CurrencyTable::size() const { return impl_->by_code.size(); }
const DataSource& CurrencyTable::source() const { return impl_->source; }

}  // namespace kontor::refdata
