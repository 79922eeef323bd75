#include "logistics/ports.h"

#include <cctype>
#include <unordered_map>
#include <utility>

#include "core/csv.h"
#include "core/decimal.h"

namespace kontor::logistics {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// A CSV file in memory with named columns; rows are handed to `on_row` with a getter.
struct Table {
  std::string path;
  std::string text;
  std::unique_ptr<CsvReader> reader;
  std::vector<std::size_t> cols;
};

StatusOr<std::unique_ptr<Table>> open_table(const std::string& path,
                                            std::initializer_list<std::string_view> columns) {
  auto table = std::make_unique<Table>();
  table->path = path;
  ASSIGN_OR_RETURN(table->text, read_file(path));
  table->reader = std::make_unique<CsvReader>(table->text, path);
  RETURN_IF_ERROR(table->reader->read_header());
  for (std::string_view name : columns) {
    auto index = table->reader->column(name);
    if (!index.ok()) {
      return data_loss(path + " line 1, field '" + std::string(name) + "': missing column");
    }
    table->cols.push_back(*index);
  }
  return table;
}

DataSource make_source(std::string id, const std::string& file, std::string title,
                       std::string edition, std::string licence) {
  const std::size_t slash = file.find_last_of('/');
  return {std::move(id), slash == std::string::npos ? file : file.substr(slash + 1),
          std::move(title), std::move(edition), std::move(licence)};
}

}  // namespace

struct PortDirectory::Impl {
  DataSource major_source, wpi_source, airport_source, distance_source, region_source, alias_source;
  std::vector<Port> ports;  // major ports first
  std::unordered_map<std::string, std::size_t> by_locode;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;  // lower-case names
  std::unordered_map<std::string, std::string> aliases;               // lower alias → LOCODE
  std::vector<Airport> airports;
  std::unordered_map<std::string, std::size_t> by_iata;
  std::vector<FreightRegion> regions;
  std::unordered_map<std::string, std::size_t> region_by_country;
  std::unordered_map<std::string, int> distances;  // "scenario|FROM|TO" → nm

  Status load_major(const std::string& path);
  Status load_wpi(const std::string& path);
  Status load_airports(const std::string& path);
  Status load_distances(const std::string& path);
  Status load_regions(const std::string& path);
  Status load_aliases(const std::string& path);
  void index_name(std::string_view name, std::size_t port);
  void finish();
};

void PortDirectory::Impl::index_name(std::string_view name, std::size_t port) {
  std::string key = lower(trim(name));
  if (key.empty()) return;
  auto& list = by_name[key];
  for (std::size_t p : list) {
    if (p == port) return;
  }
  list.push_back(port);
  // "Chennai (Madras)" is also found as "chennai".
  const std::size_t paren = key.find(" (");
  if (paren != std::string::npos) index_name(key.substr(0, paren), port);
}

Status PortDirectory::Impl::load_major(const std::string& path) {
  major_source =
      make_source("route_major_ports", path, "Major container ports (derived, WPI/sea-ports)",
                  "2026-11-23 snapshot", "public domain (NGA WPI) / MIT");
  ASSIGN_OR_RETURN(auto t, open_table(path, {"unlocode", "name"}));
  std::vector<std::string> f;
  while (t->reader->next(f)) {
    const std::string& code = f[t->cols[0]];
    auto country = CountryCode::parse(std::string_view(code).substr(0, 2));
    if (code.size() != 5 || !country.ok()) return t->reader->error("unlocode", "not a UN/LOCODE");
    Port port{code, f[t->cols[1]], *country, true, {}};
    port.provenance.source = &major_source;
    port.provenance.line = static_cast<std::uint32_t>(t->reader->line());
    by_locode.emplace(code, ports.size());
    index_name(port.name, ports.size());
    ports.push_back(std::move(port));
  }
  return t->reader->status();
}

Status PortDirectory::Impl::load_wpi(const std::string& path) {
  wpi_source = make_source("world_port_index", path, "NGA World Port Index (Pub. 150)",
                           "2025-08 mirror", "public domain (US Government, NGA)");
  ASSIGN_OR_RETURN(auto t, open_table(path, {"port_name", "alternate_name", "unlocode"}));
  std::vector<std::string> f;
  while (t->reader->next(f)) {
    const std::string& code = f[t->cols[2]];
    if (code.size() != 5) continue;  // ports without a LOCODE cannot be booked by code
    auto country = CountryCode::parse(std::string_view(code).substr(0, 2));
    if (!country.ok()) continue;
    std::size_t index;
    auto known = by_locode.find(code);
    if (known != by_locode.end()) {
      index = known->second;
    } else {
      index = ports.size();
      Port port{code, f[t->cols[0]], *country, false, {}};
      port.provenance.source = &wpi_source;
      port.provenance.line = static_cast<std::uint32_t>(t->reader->line());
      by_locode.emplace(code, index);
      ports.push_back(std::move(port));
    }
    index_name(f[t->cols[0]], index);
    std::string_view alternates = f[t->cols[1]];
    while (!alternates.empty()) {
      const std::size_t semi = alternates.find(';');
      index_name(alternates.substr(0, semi), index);
      alternates = semi == std::string_view::npos ? "" : alternates.substr(semi + 1);
    }
  }
  return t->reader->status();
}

Status PortDirectory::Impl::load_airports(const std::string& path) {
  airport_source = make_source("openflights_airports", path, "OpenFlights airports",
                               "2019-05 snapshot", "ODbL 1.0 (OpenFlights)");
  ASSIGN_OR_RETURN(auto t, open_table(path, {"iata", "name", "city"}));
  std::vector<std::string> f;
  while (t->reader->next(f)) {
    const std::string& iata = f[t->cols[0]];
    if (iata.size() != 3 || by_iata.count(iata)) continue;
    Airport airport{iata, f[t->cols[1]], f[t->cols[2]], {}};
    airport.provenance.source = &airport_source;
    airport.provenance.line = static_cast<std::uint32_t>(t->reader->line());
    by_iata.emplace(iata, airports.size());
    airports.push_back(std::move(airport));
  }
  return t->reader->status();
}

Status PortDirectory::Impl::load_distances(const std::string& path) {
  distance_source = make_source("sea_distances", path, "Sea distances between major ports (MARNET)",
                                "derived 2026-11-23", "Apache-2.0 / EUPL-1.2 (MARNET)");
  ASSIGN_OR_RETURN(auto t, open_table(path, {"scenario", "origin_unlocode", "destination_unlocode",
                                             "distance_nm"}));
  std::vector<std::string> f;
  while (t->reader->next(f)) {
    const std::string& nm = f[t->cols[3]];
    if (nm.empty()) continue;  // unreachable in that scenario
    auto value = Decimal::parse(nm);
    if (!value.ok()) return t->reader->error("distance_nm", "not a number: '" + nm + "'");
    distances[f[t->cols[0]] + "|" + f[t->cols[1]] + "|" + f[t->cols[2]]] =
        static_cast<int>(value->rounded(0, RoundingMode::kHalfUp).mantissa());
  }
  return t->reader->status();
}

Status PortDirectory::Impl::load_regions(const std::string& path) {
  region_source = make_source("freight_regions", path, "Freight regions (authored)", "2026-11",
                              "authored; one source per row");
  ASSIGN_OR_RETURN(auto t, open_table(path, {"country", "region", "main_port", "main_airport"}));
  std::vector<std::string> f;
  while (t->reader->next(f)) {
    auto country = CountryCode::parse(f[t->cols[0]]);
    if (!country.ok()) return t->reader->error("country", "not an ISO 3166 code");
    if (f[t->cols[1]].empty()) return t->reader->error("region", "empty");
    if (!by_locode.count(f[t->cols[2]])) {
      return t->reader->error("main_port", "unknown UN/LOCODE '" + f[t->cols[2]] + "'");
    }
    if (!by_iata.count(f[t->cols[3]])) {
      return t->reader->error("main_airport", "unknown IATA code '" + f[t->cols[3]] + "'");
    }
    FreightRegion region{*country, f[t->cols[1]], f[t->cols[2]], f[t->cols[3]], {}};
    region.provenance.source = &region_source;
    region.provenance.line = static_cast<std::uint32_t>(t->reader->line());
    region_by_country[std::string(country->code())] = regions.size();
    regions.push_back(std::move(region));
  }
  return t->reader->status();
}

Status PortDirectory::Impl::load_aliases(const std::string& path) {
  alias_source = make_source("port_aliases", path, "Port name aliases (authored)", "2026-11",
                             "authored; one source per row");
  ASSIGN_OR_RETURN(auto t, open_table(path, {"alias", "unlocode"}));
  std::vector<std::string> f;
  while (t->reader->next(f)) {
    if (!by_locode.count(f[t->cols[1]])) {
      return t->reader->error("unlocode", "unknown UN/LOCODE '" + f[t->cols[1]] + "'");
    }
    aliases[lower(f[t->cols[0]])] = f[t->cols[1]];
  }
  return t->reader->status();
}

void PortDirectory::Impl::finish() {
  for (Port& port : ports) {
    port.provenance.key = port.unlocode;
    port.provenance.text = port.name;
  }
  for (Airport& airport : airports) {
    airport.provenance.key = airport.iata;
    airport.provenance.text = airport.name;
  }
  for (FreightRegion& region : regions) {
    region.provenance.key = region.region;
    region.provenance.text = region.main_port;
  }
}

PortDirectory::PortDirectory() : impl_(std::make_shared<Impl>()) {}

StatusOr<PortDirectory> PortDirectory::load(const std::string& shared_dir,
                                            const std::string& repo_dir) {
  auto impl = std::make_shared<Impl>();
  RETURN_IF_ERROR(impl->load_major(shared_dir + "/route_major_ports.csv"));
  RETURN_IF_ERROR(impl->load_wpi(shared_dir + "/port_world_port_index.csv"));
  RETURN_IF_ERROR(impl->load_airports(shared_dir + "/airport_openflights.csv"));
  RETURN_IF_ERROR(impl->load_distances(shared_dir + "/route_sea_distances_major_ports.csv"));
  RETURN_IF_ERROR(impl->load_regions(repo_dir + "/freight_regions.csv"));
  RETURN_IF_ERROR(impl->load_aliases(repo_dir + "/port_aliases.csv"));
  impl->finish();
  PortDirectory directory;
  directory.impl_ = std::move(impl);
  return directory;
}

const Port* PortDirectory::find_port(std::string_view text,
                                     std::optional<CountryCode> country) const {
  const std::string key = lower(trim(text));
  auto matches = [&](std::size_t index) {
    return !country || impl_->ports[index].country == *country;
  };
  std::string upper = trim(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (auto it = impl_->by_locode.find(upper); it != impl_->by_locode.end() && matches(it->second)) {
    return &impl_->ports[it->second];
  }
  if (auto it = impl_->aliases.find(key); it != impl_->aliases.end()) {
    const std::size_t index = impl_->by_locode.at(it->second);
    if (matches(index)) return &impl_->ports[index];
  }
  if (auto it = impl_->by_name.find(key); it != impl_->by_name.end()) {
    for (std::size_t index : it->second) {
      if (matches(index)) return &impl_->ports[index];
    }
  }
  return nullptr;
}

const Airport* PortDirectory::find_airport(std::string_view iata) const {
  auto it = impl_->by_iata.find(std::string(iata));
  return it == impl_->by_iata.end() ? nullptr : &impl_->airports[it->second];
}

StatusOr<const FreightRegion*> PortDirectory::region(CountryCode country) const {
  auto it = impl_->region_by_country.find(std::string(country.code()));
  if (it == impl_->region_by_country.end()) {
    return not_found("country " + std::string(country.code()) +
                     ": no freight region in freight_regions.csv");
  }
  return &impl_->regions[it->second];
}

namespace {
PortCall make_call(const FreightRegion& region, const Port& port, const Airport* airport,
                   std::string chosen_by) {
  PortCall call;
  call.country = region.country;
  call.region = region.region;
  call.port = port;
  if (airport != nullptr) call.airport = *airport;
  call.chosen_by = std::move(chosen_by);
  return call;
}
}  // namespace

StatusOr<PortCall> PortDirectory::port_of_loading(CountryCode country,
                                                  std::string_view port_or_city) const {
  ASSIGN_OR_RETURN(const FreightRegion* region, this->region(country));
  const Airport* airport = find_airport(region->main_airport);
  if (!trim(port_or_city).empty()) {
    if (const Port* port = find_port(port_or_city, country)) {
      return make_call(*region, *port, airport,
                       "supplier port '" + trim(port_or_city) + "' → " + port->unlocode);
    }
  }
  const Port& main = impl_->ports[impl_->by_locode.at(region->main_port)];
  std::string why = "main port of " + std::string(country.code());
  if (!trim(port_or_city).empty()) why += " (no port named '" + trim(port_or_city) + "' known)";
  return make_call(*region, main, airport, why);
}

StatusOr<PortCall> PortDirectory::port_of_discharge(CountryCode market) const {
  ASSIGN_OR_RETURN(const FreightRegion* region, this->region(market));
  const Port& main = impl_->ports[impl_->by_locode.at(region->main_port)];
  return make_call(*region, main, find_airport(region->main_airport),
                   "main port of " + std::string(market.code()));
}

std::optional<int> PortDirectory::sea_distance_nm(std::string_view from, std::string_view to,
                                                  bool avoid_suez) const {
  std::string key = std::string(avoid_suez ? "avoid_suez_red_sea" : "default") + "|" +
                    std::string(from) + "|" + std::string(to);
  auto it = impl_->distances.find(key);
  if (it == impl_->distances.end()) return std::nullopt;
  return it->second;
}

std::size_t PortDirectory::port_count() const { return impl_->ports.size(); }
const std::vector<FreightRegion>& PortDirectory::regions() const { return impl_->regions; }

}  // namespace kontor::logistics
