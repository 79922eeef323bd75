#include "compliance/hs_vocabulary.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace kontor::compliance {
namespace {

// (retail term, nomenclature words). Terms are normalised words (hs_text.h), or two joined by a
// space when a phrase is needed.
const std::vector<std::pair<const char*, const char*>>& bridge() {
  static const std::vector<std::pair<const char*, const char*>> kBridge = {
      // household articles (3924 says "tableware, kitchenware", 7323 and 7615 "table, kitchen
      // or other household articles", 6911-6912, 7013)
      {"bottle", "tableware kitchenware table kitchen household"},
      {"drinkware", "tableware kitchenware table kitchen household"},
      {"tumbler", "tableware kitchenware table kitchen household"},
      {"mug", "tableware kitchenware table kitchen household"},
      {"cup", "tableware kitchenware table kitchen household"},
      {"lunchbox", "tableware kitchenware table kitchen household"},
      {"bowl", "tableware kitchenware table kitchen household"},
      {"plate", "tableware kitchenware"},
      {"dinnerware", "tableware"},
      {"cookware", "kitchenware household"},
      {"organizer", "household article"},
      {"storage", "household article"},
      {"thermos", "vacuum flask vessel"},
      {"insulated", "vacuum flask vessel"},
      // jewellery (7113, 7117)
      {"earring", "jewelry"},
      {"necklace", "jewelry"},
      {"pendant", "jewelry"},
      {"bracelet", "jewelry"},
      {"anklet", "jewelry"},
      {"brooch", "jewelry"},
      {"ring", "jewelry"},
      {"charm", "jewelry"},
      {"choker", "jewelry"},
      // footwear (64)
      {"sneaker", "footwear"},
      {"boot", "footwear"},
      {"sandal", "footwear"},
      {"slipper", "footwear"},
      {"heel", "footwear"},
      {"loafer", "footwear"},
      {"shoe", "footwear"},
      {"flip", "footwear"},
      // apparel (61, 62, 65)
      {"hoodie", "sweatshirt pullover jersey"},
      {"sweater", "pullover jersey"},
      {"cardigan", "cardigan jersey"},
      {"tee", "t-shirt"},
      {"jeans", "trousers denim"},
      {"pants", "trousers"},
      {"leggings", "trousers"},
      {"blouse", "blouse shirt"},
      {"coat", "overcoat anorak"},
      {"jacket", "jacket anorak"},
      {"cap", "hat headgear"},
      {"beanie", "hat headgear"},
      {"hat", "headgear"},
      {"sock", "hosiery"},
      {"bra", "brassiere"},
      {"panty", "brief panty"},
      {"underwear", "brief panty underpants"},
      {"bikini", "swimwear"},
      {"swimsuit", "swimwear"},
      {"scarf", "shawl scarf"},
      {"costume", "garment"},
      {"apron", "garment"},
      // hair, beauty (6704, 33, 9615)
      {"wig", "wig"},
      {"extension", "wig"},
      {"lace front", "wig"},
      {"eyelash", "false eyelash"},
      {"polish", "manicure pedicure preparation"},
      {"makeup", "make-up preparation"},
      {"lipstick", "lip make-up preparation"},
      {"hairpin", "hairpin"},
      {"hair clip", "hair-slide"},
      // bags (4202)
      {"backpack", "rucksack travel bag"},
      {"handbag", "handbag"},
      {"purse", "handbag wallet"},
      {"wallet", "wallet purse pocket"},
      {"tote", "handbag shopping bag"},
      // toys (9503)
      {"doll", "toy doll"},
      {"plush", "toy stuffed"},
      {"puzzle", "puzzle toy"},
      {"figure", "toy"},
      {"blind box", "toy"},
      {"lego", "construction toy"},
      // electrical (85)
      {"earphone", "headphone earphone"},
      {"earbud", "headphone earphone"},
      {"headset", "headphone earphone microphone"},
      {"charger", "static converter"},
      {"adapter", "static converter"},
      {"power bank", "accumulator lithium-ion"},
      {"cable", "insulated electric conductor"},
      {"bulb", "lamp"},
      {"led", "lamp lighting"},
      {"flashlight", "portable electric lamp"},
      {"speaker", "loudspeaker"},
      {"amplifier", "audio-frequency electric amplifier"},
      {"drone", "unmanned aircraft"},
      {"laptop", "portable automatic data processing machine"},
      {"keyboard", "input unit"},
      {"mouse", "input unit"},
      {"relay", "relay"},
      {"switch", "switch"},
      {"fuse", "fuse"},
      {"transistor", "transistor semiconductor"},
      {"capacitor", "capacitor"},
      {"resistor", "resistor"},
      {"sensor", "instrument apparatus"},
      // tools (82), furniture (94), printed matter (49), others
      {"screwdriver", "screwdriver"},
      {"plier", "plier"},
      {"wrench", "spanner wrench"},
      {"scissors", "scissors"},
      {"knife", "knife blade"},
      {"chair", "seat"},
      {"sofa", "seat"},
      {"stool", "seat"},
      {"shelf", "furniture"},
      {"cabinet", "furniture"},
      {"desk", "furniture"},
      {"sticker", "printed picture design"},
      {"poster", "printed picture"},
      {"artificial flower", "artificial flower"},
      {"sunglass", "sunglasses spectacles"},
      {"watchband", "watch strap band"},
      {"fishing", "line fishing tackle"},
      {"lure", "fishing tackle"},
      {"car", "motor vehicle"},
      {"auto", "motor vehicle"},
      {"bicycle", "bicycle cycle"},
  };
  return kBridge;
}

}  // namespace

void expand_retail_terms(TermWeights& query, double weight) {
  TermWeights added;
  for (const auto& [retail, nomenclature] : bridge()) {
    const std::string key(retail);
    double w = 0;
    if (const std::size_t space = key.find(' '); space == std::string::npos) {
      if (auto it = query.find(key); it != query.end()) w = it->second;
    } else {
      // A phrase counts when both words are present; the weaker one decides its weight.
      auto a = query.find(key.substr(0, space)), b = query.find(key.substr(space + 1));
      if (a != query.end() && b != query.end()) w = std::min(a->second, b->second);
    }
    if (w <= 0) continue;
    for (const std::string& word : words(nomenclature)) {
      added[word] = std::max(added[word], weight * w);
    }
  }
  for (const auto& [t, w] : added) {
    double& current = query[t];
    current = std::max(current, w);
  }
}

}  // namespace kontor::compliance
