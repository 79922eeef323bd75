// Shared fixtures for the logistics tests: the real port data and the repo's rate card, loaded
// once per test binary.
#pragma once

#include <gtest/gtest.h>

#include "logistics/ports.h"
#include "logistics/rate_card.h"

namespace kontor::logistics::testing {

inline const PortDirectory& ports() {
  static const PortDirectory* directory = [] {
    auto loaded = PortDirectory::load(KONTOR_DEFAULT_DATA_DIR, KONTOR_REPO_DATA_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return new PortDirectory(loaded.ok() ? *loaded : PortDirectory());
  }();
  return *directory;
}

inline const RateCard& rate_card() {
  static const RateCard* card = [] {
    auto loaded = RateCard::load_default(KONTOR_REPO_DATA_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return new RateCard(loaded.ok() ? *loaded : RateCard());
  }();
  return *card;
}

inline Date date(const char* text) { return Date::parse(text).value(); }
inline Decimal dec(const char* text) { return Decimal::parse(text).value(); }
inline CountryCode country(const char* text) { return CountryCode::parse(text).value(); }

}  // namespace kontor::logistics::testing
