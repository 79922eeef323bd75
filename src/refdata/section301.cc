#include "refdata/detail/table_util.h"
#include "refdata/tariff_schedule.h"

namespace kontor::refdata {

struct Section301Table::Impl {
  DataSource source;
  std::vector<Section301Entry> entries;
  detail::StringMap<std::vector<std::uint32_t>> by_hts8;
};

Section301Table::Section301Table() : impl_(std::make_shared<Impl>()) {}

StatusOr<Section301Table> Section301Table::load(const std::string& lists_csv,
                                                const TariffSchedule& hts) {
  auto impl = std::make_shared<Impl>();
  impl->source = {"us_section301", detail::base_name(lists_csv),
                  "US Section 301 product lists, China (Budget-Lab-Yale/tariff-rate-tracker)",
                  "2026-02-28 (commit 2f6fd98)", "MIT (data: USTR, public domain)"};
  ASSIGN_OR_RETURN(auto file, detail::open_csv(lists_csv, {"hts8", "list", "ch99_code"}));
  std::vector<std::string> row;
  while (file->reader->next(row)) {
    Section301Entry e;
    e.hts8 = row[file->cols[0]];
    if (e.hts8.size() != 8 || detail::digits_of_code(e.hts8) != e.hts8) {
      return file->reader->error("hts8", "expected 8 digits, got '" + e.hts8 + "'");
    }
    e.list = row[file->cols[1]];
    if (e.list.empty()) return file->reader->error("list", "empty");
    e.ch99_code = row[file->cols[2]];
    const std::string ch99 = detail::digits_of_code(e.ch99_code);
    if (ch99.size() != 8 || !ch99.starts_with("99")) {
      return file->reader->error("ch99_code",
                                 "expected a chapter 99 heading, got '" + e.ch99_code + "'");
    }
    // Headings added after the HTS 2024 snapshot keep an empty rate text (ch99_line 0).
    if (const TariffLine* heading = hts.find(ch99)) {
      e.ch99_rate_text = heading->general_rate;
      e.ch99_line = heading->line;
    }
    e.line = file->line();
    impl->by_hts8[e.hts8].push_back(static_cast<std::uint32_t>(impl->entries.size()));
    impl->entries.push_back(std::move(e));
  }
  RETURN_IF_ERROR(file->reader->status());
  Section301Table table;
  table.impl_ = std::move(impl);
  return table;
}

std::vector<const Section301Entry*> Section301Table::find(std::string_view code) const {
  std::vector<const Section301Entry*> out;
  const std::string digits = detail::digits_of_code(code);
  if (digits.size() < 8) return out;
  auto it = impl_->by_hts8.find(std::string_view(digits).substr(0, 8));
  if (it == impl_->by_hts8.end()) return out;
  for (std::uint32_t i : it->second) out.push_back(&impl_->entries[i]);
  return out;
}

const DataSource& Section301Table::source() const { return impl_->source; }

}  // namespace kontor::refdata
