// Internals of the demo marketplace generator shared by its two source files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/types.h"

namespace kontor::catalog::detail {

// SplitMix64: tiny, fast and identical everywhere (std distributions are not).
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi] (modulo bias is irrelevant for demo data).
  std::int64_t range(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool per_mille(int p) { return range(0, 999) < p; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(range(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

struct Place {
  std::string city;
  std::string port;
};

// How sourcing from one country looks in the demo: weights, language, currencies, places.
struct CountryProfile {
  std::string code;
  int weight;        // per mille of suppliers
  std::string lang;  // listing language besides English ("en" when English only)
  std::vector<std::pair<std::string, int>> currencies;  // code, per mille
  std::vector<Place> places;
  int lead_min, lead_max;
  bool sea_fob;  // FOB at the port (Asian exporters) rather than FCA at the city
};

const std::vector<CountryProfile>& country_profiles();
const CountryProfile& profile_for(std::string_view country);

// Generates supplier `index` (0-based) with its specialties (top-level categories).
Supplier make_demo_supplier(std::size_t index, DemoRandom& random,
                            const std::vector<std::string>& top_categories,
                            std::vector<std::string>& specialties);

// USD → currency, demo constants only (never used for a real computation).
Decimal demo_usd_rate(std::string_view currency);

}  // namespace kontor::catalog::detail
