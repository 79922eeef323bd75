#include "refdata/hs_nomenclature.h"

#include "refdata/detail/table_util.h"

namespace kontor::refdata {

struct HsNomenclature::Impl {
  DataSource source;
  std::vector<HsEntry> entries;
  std::vector<HsSection> sections;
  detail::StringMap<std::size_t> by_code;
  detail::StringMap<std::vector<std::size_t>> children;  // parent code ("" for chapters)
};

HsNomenclature::HsNomenclature() : impl_(std::make_shared<Impl>()) {}

namespace {

StatusOr<std::vector<HsSection>> load_sections(const std::string& path) {
  ASSIGN_OR_RETURN(auto file, detail::open_csv(path, {"section", "name"}));
  std::vector<HsSection> out;
  std::vector<std::string> row;
  while (file->reader->next(row)) {
    if (row[file->cols[0]].empty()) return file->reader->error("section", "empty");
    out.push_back({row[file->cols[0]], row[file->cols[1]]});
  }
  RETURN_IF_ERROR(file->reader->status());
  return out;
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// One code row; the synthetic TOTAL row is skipped (returns an entry with level 0).
StatusOr<HsEntry> parse_entry(const detail::CsvFile& file, const std::vector<std::string>& row) {
  const CsvReader& reader = *file.reader;
  HsEntry e;
  e.code = row[file.cols[1]];
  if (e.code == "TOTAL") return e;
  ASSIGN_OR_RETURN(e.level, detail::parse_int_field(reader, "level", row[file.cols[4]]));
  if (e.level != 2 && e.level != 4 && e.level != 6) {
    return reader.error("level", "expected 2, 4 or 6, got " + row[file.cols[4]]);
  }
  if (!all_digits(e.code) || e.code.size() != static_cast<std::size_t>(e.level)) {
    return reader.error("hscode",
                        "expected " + std::to_string(e.level) + " digits, got '" + e.code + "'");
  }
  e.parent = row[file.cols[3]];
  if (e.parent == "TOTAL") e.parent.clear();
  if (e.level > 2 && (e.parent.size() != static_cast<std::size_t>(e.level - 2) ||
                      e.code.compare(0, e.parent.size(), e.parent) != 0)) {
    return reader.error("parent", "'" + e.parent + "' is not the parent of " + e.code);
  }
  e.section = row[file.cols[0]];
  e.description = detail::collapse_whitespace(row[file.cols[2]]);
  if (e.description.empty()) return reader.error("description", "empty");
  e.line = file.line();
  return e;
}

}  // namespace

StatusOr<HsNomenclature> HsNomenclature::load(const std::string& codes_csv,
                                              const std::string& sections_csv,
                                              std::string edition) {
  auto impl = std::make_shared<Impl>();
  const bool is2017 = edition.find("2017") != std::string::npos;
  impl->source = {is2017 ? "hs2017" : "hs2022", detail::base_name(codes_csv),
                  "Harmonized System nomenclature " + edition + " (datasets/harmonized-system)",
                  std::move(edition), "ODC-PDDL-1.0 (nomenclature: WCO)"};
  ASSIGN_OR_RETURN(impl->sections, load_sections(sections_csv));
  ASSIGN_OR_RETURN(auto file, detail::open_csv(codes_csv, {"section", "hscode", "description",
                                                           "parent", "level"}));
  std::vector<std::string> row;
  while (file->reader->next(row)) {
    ASSIGN_OR_RETURN(HsEntry entry, parse_entry(*file, row));
    if (entry.level == 0) continue;
    if (!impl->by_code.try_emplace(entry.code, impl->entries.size()).second) {
      return file->reader->error("hscode", "duplicate code " + entry.code);
    }
    impl->entries.push_back(std::move(entry));
  }
  RETURN_IF_ERROR(file->reader->status());
  for (std::size_t i = 0; i < impl->entries.size(); ++i) {
    const HsEntry& e = impl->entries[i];
    if (!e.parent.empty() && !impl->by_code.contains(e.parent)) {
      return data_loss(codes_csv + " line " + std::to_string(e.line) +
                       ", field 'parent': unknown code '" + e.parent + "'");
    }
    impl->children[e.parent].push_back(i);
  }
  HsNomenclature table;
  table.impl_ = std::move(impl);
  return table;
}

const HsEntry* HsNomenclature::find(std::string_view code) const {
  auto it = impl_->by_code.find(code);
  return it == impl_->by_code.end() ? nullptr : &impl_->entries[it->second];
}

std::vector<const HsEntry*> HsNomenclature::children(std::string_view code) const {
  std::vector<const HsEntry*> out;
  auto it = impl_->children.find(code);
  if (it == impl_->children.end()) return out;
  out.reserve(it->second.size());
  for (std::size_t i : it->second) out.push_back(&impl_->entries[i]);
  return out;
}

const std::vector<HsEntry>& HsNomenclature::entries() const { return impl_->entries; }
const std::vector<HsSection>& HsNomenclature::sections() const { return impl_->sections; }

const HsSection* HsNomenclature::section(std::string_view numeral) const {
  for (const HsSection& s : impl_->sections) {
    if (s.numeral == numeral) return &s;
  }
  return nullptr;
}

const DataSource& HsNomenclature::source() const { return impl_->source; }

}  // namespace kontor::refdata
