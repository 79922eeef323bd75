// Ports and freight regions. Where goods leave and arrive: the 60 major container ports of the
// shared data (route_major_ports.csv) with the sea distances between them
// (route_sea_distances_major_ports.csv), every UN/LOCODE port of the World Port Index
// (port_world_port_index.csv) for suppliers' smaller ports, airports by IATA code
// (airport_openflights.csv), and two authored tables in the repo's data/: freight_regions.csv
// (country → rate-card region, main sea port, main cargo airport) and port_aliases.csv (names
// suppliers write, "Shenzhen", "Nhava Sheva", "Genoa", → a UN/LOCODE).
//
// The rate cards price lanes region to region, so a port only needs to be right to the region;
// the port call still names the port and says how it was chosen, so a user can correct it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/provenance.h"
#include "core/status.h"
#include "refdata/data_paths.h"

namespace kontor::logistics {

struct Port {
  std::string unlocode;  // "CNNGB"
  std::string name;      // "Ningbo"
  CountryCode country;   // from the LOCODE's first two letters
  bool major = false;    // one of the 60 ports of route_major_ports.csv
  Provenance provenance;
};

struct Airport {
  std::string iata;  // "FRA"
  std::string name;  // "Frankfurt am Main Airport"
  std::string city;
  Provenance provenance;
};

// One row of data/freight_regions.csv.
struct FreightRegion {
  CountryCode country;
  std::string region;        // rate-card region: "CN", "SEA", "IN", "EU", "GB", "US", …
  std::string main_port;     // UN/LOCODE of the default sea port
  std::string main_airport;  // IATA code of the default cargo airport
  Provenance provenance;
};

// The port (and airport) a shipment uses at one end, and why it was chosen.
struct PortCall {
  CountryCode country;
  std::string region;     // rate-card region of the country
  Port port;              // sea port
  Airport airport;        // air/express gateway
  std::string chosen_by;  // "supplier port 'Ningbo'", "alias 'Shenzhen' → CNYTN", "main port of DE"
};

class PortDirectory {
 public:
  PortDirectory();  // empty; load() builds a real one
  // The files as named above; `repo_dir` holds freight_regions.csv and port_aliases.csv.
  // A malformed row is a data_loss error naming file, line and field.
  static StatusOr<PortDirectory> load(const std::string& shared_dir, const std::string& repo_dir);
  static StatusOr<PortDirectory> load(const refdata::DataPaths& paths) {
    return load(paths.shared_dir, paths.repo_dir);
  }

  // By UN/LOCODE ("CNNGB"), alias or port name (case-insensitive); null when unknown. With a
  // country, only ports of that country match.
  const Port* find_port(std::string_view text, std::optional<CountryCode> country = {}) const;
  const Airport* find_airport(std::string_view iata) const;
  // not_found naming the country when data/freight_regions.csv has no row for it.
  StatusOr<const FreightRegion*> region(CountryCode country) const;

  // Origin: the supplier's port (or city) when it names a known port of that country, else the
  // country's main port.
  StatusOr<PortCall> port_of_loading(CountryCode country, std::string_view port_or_city) const;
  // Destination market: the country's main port and airport.
  StatusOr<PortCall> port_of_discharge(CountryCode market) const;

  // Sea distance between two major ports in nautical miles; `avoid_suez` uses the scenario
  // without Suez and Bab-el-Mandeb. nullopt when a port is not major or unreachable.
  std::optional<int> sea_distance_nm(std::string_view from_unlocode, std::string_view to_unlocode,
                                     bool avoid_suez = false) const;

  std::size_t port_count() const;
  const std::vector<FreightRegion>& regions() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::logistics
