#include "catalog/demo_marketplace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "catalog/detail/demo.h"
#include "catalog/text.h"
#include "core/csv.h"

namespace kontor::catalog {
namespace {

using detail::DemoRandom;
using nlohmann::json;

struct Listing {
  std::string title;
  std::map<std::string, std::string> attributes;
  std::int64_t retail_usd_cents = 1000;
  std::vector<std::string> path, path_zh;
  std::string hs6;
  const GlossaryConcept* product = nullptr;
  const GlossaryConcept* material = nullptr;
  const GlossaryConcept* attribute = nullptr;
};

// Category names in the source carry mojibake and "(Obsolete)" notes: keep the clean ASCII
// prefix, drop names with nothing usable.
std::string clean_category(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '(' || c == '_') break;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> category_path(const json& row, const char* suffix) {
  std::vector<std::string> path;
  for (int level = 1; level <= 5; ++level) {
    std::string key = "cate_lv" + std::to_string(level) + "_desc" + suffix;
    if (!row.contains(key) || !row[key].is_string()) continue;
    std::string name = *suffix ? row[key].get<std::string>() : clean_category(row[key]);
    if (!name.empty() && (path.empty() || path.back() != name)) path.push_back(name);
  }
  return path;
}

std::int64_t retail_cents(const json& row) {
  if (!row.contains("price") || !row["price"].is_number()) return 1000;
  double price = row["price"].get<double>();  // source data; converted once to cents here
  auto cents = static_cast<std::int64_t>(price * 100.0 + 0.5);
  if (row.value("currency_code", json()).is_string() && row["currency_code"] == "CNY") {
    cents = cents * 14 / 100;  // demo constant: 1 CNY ≈ 0.14 USD
  }
  return std::max<std::int64_t>(cents, 20);
}

void read_attributes(const json& row, Listing& l) {
  json a = json::parse(row.value("product_attributes", std::string("{}")), nullptr, false);
  if (!a.is_object()) return;
  auto text = [&](const char* key) {
    return a.contains(key) && a[key].is_string() ? a[key].get<std::string>() : std::string();
  };
  std::string material = text("Material");
  if (material.empty() || material == "None") material = text("Metals Type");
  if (!material.empty() && material != "None") l.attributes["material"] = material;
  std::string length = text("Package size - length (cm)"),
              width = text("Package size - width (cm)"),
              height = text("Package size - height (cm)");
  if (!length.empty() && !width.empty() && !height.empty()) {
    l.attributes["size"] = length + " x " + width + " x " + height + " cm (package)";
  }
  if (!text("Package weight").empty()) l.attributes["weight"] = text("Package weight") + " kg";
  std::string sold = text("Sold in");
  l.attributes["packaging"] = sold == "sell_by_piece" || sold.empty()
                                  ? "single piece, polybag"
                                  : "lot of " + text("each pack");
}

StatusOr<std::vector<Listing>> load_listings(const std::string& path, const Glossary& glossary) {
  ASSIGN_OR_RETURN(std::string text, read_file(path));
  std::vector<Listing> listings;
  std::size_t start = 0, line = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    json row = json::parse(std::string_view(text).substr(start, end - start), nullptr, false);
    start = end + 1;
    ++line;
    if (row.is_discarded() || !row.contains("product_name")) {
      return data_loss(path + " line " + std::to_string(line) + ": not a listing");
    }
    Listing l;
    l.title = row["product_name"].get<std::string>();
    l.path = category_path(row, "");
    l.path_zh = category_path(row, "_cn");
    if (l.path.empty()) l.path = {"Other"};
    l.retail_usd_cents = retail_cents(row);
    read_attributes(row, l);
    if (row.contains("hs_code") && row["hs_code"].is_number_integer()) {
      l.hs6 = std::to_string(row["hs_code"].get<std::int64_t>()).substr(0, 6);
    }
    std::string leaf = normalize_text(l.path.back()), title = normalize_text(l.title);
    l.product = glossary.first_concept(leaf, "product");
    if (!l.product) l.product = glossary.first_concept(title, "product");
    std::string material =
        normalize_text(l.attributes.count("material") ? l.attributes["material"] : "");
    l.material = glossary.first_concept(material, "material");
    if (!l.material) l.material = glossary.first_concept(title, "material");
    l.attribute = glossary.first_concept(title, "attribute");
    listings.push_back(std::move(l));
  }
  if (listings.empty()) return data_loss(path + ": no listings");
  return listings;
}

const std::string* term(const GlossaryConcept* c, const std::string& lang) {
  if (c == nullptr) return nullptr;
  auto it = c->terms.find(lang);
  return it == c->terms.end() || it->second.empty() ? nullptr : &it->second.front();
}

// "garrafa térmica de aço inoxidável", "不锈钢保温瓶", "paslanmaz çelik termos".
std::string local_title(const Listing& l, const std::string& lang, const std::string& model) {
  const std::string* p = term(l.product, lang);
  const std::string* m = term(l.material, lang);
  const std::string* a = term(l.attribute, lang);
  std::string t;
  if (lang == "zh" || lang == "ja") {
    t = (a ? *a : "") + (m ? *m : "") + *p;
  } else if (lang == "tr" || lang == "de") {
    t = (m ? *m + " " : "") + *p + (a ? " " + *a : "");
  } else {
    std::string joiner = lang == "fr"   ? " en "
                         : lang == "it" ? " in "
                         : lang == "vi" ? " "
                                        : " de ";
    t = *p + (m ? joiner + *m : "") + (a ? " " + *a : "");
  }
  if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
  return t + " " + model;
}

std::vector<std::string> product_certifications(const Listing& l, DemoRandom& random) {
  std::string top = normalize_text(l.path.front());
  std::vector<std::string> candidates;
  auto has = [&](const char* s) { return top.find(s) != std::string::npos; };
  if (has("electr") || has("comput") || has("phone") || has("light") || has("tool"))
    candidates = {"CE", "FCC", "RoHS"};
  else if (has("toy") || has("hobb"))
    candidates = {"EN71", "ASTM F963"};
  else if (has("jewel") || has("watch"))
    candidates = {"REACH"};
  else if (has("home") || has("kitchen") || has("garden") || has("furniture"))
    candidates = {"LFGB", "FDA"};
  else if (has("cloth") || has("apparel") || has("shoe") || has("hair") || has("textile") ||
           has("sport"))
    candidates = {"OEKO-TEX"};
  else if (has("beauty") || has("health"))
    candidates = {"MSDS"};
  else if (has("auto") || has("car") || has("motor"))
    candidates = {"E-Mark"};
  std::vector<std::string> out;
  for (const std::string& c : candidates) {
    if (random.per_mille(600)) out.push_back(c);
  }
  return out;
}

std::int64_t pick_moq(std::int64_t usd_cents, DemoRandom& random) {
  static const std::vector<std::int64_t> kCheap = {1000, 2000, 3000, 5000},
                                         kLow = {100, 200, 300, 500, 1000},
                                         kMid = {20, 50, 100, 200}, kHigh = {5, 10, 20},
                                         kTop = {1, 2, 5};
  if (usd_cents < 50) return random.pick(kCheap);
  if (usd_cents < 500) return random.pick(kLow);
  if (usd_cents < 5000) return random.pick(kMid);
  if (usd_cents < 50000) return random.pick(kHigh);
  return random.pick(kTop);
}

std::vector<PriceTier> make_tiers(std::int64_t usd_cents, std::int64_t moq,
                                  const Currency& currency, DemoRandom& random) {
  Decimal rate = detail::demo_usd_rate(currency.code());
  int scale = currency.minor_unit() + (usd_cents < 100 && currency.minor_unit() > 0 ? 1 : 0);
  std::vector<PriceTier> tiers;
  std::int64_t quantity = moq, percent = 100;
  int count = static_cast<int>(random.range(2, 4));
  for (int i = 0; i < count; ++i) {
    Decimal usd = Decimal::from_scaled(usd_cents * percent, 4);
    tiers.push_back({quantity, (usd * rate).rounded(scale, RoundingMode::kHalfUp)});
    quantity *= random.range(3, 6);
    percent -= random.range(4, 9);
  }
  return tiers;
}

std::string model_code(DemoRandom& random) {
  static const char kLetters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%c-%03lld", kLetters[random.range(0, 22)],
                kLetters[random.range(0, 22)], static_cast<long long>(random.range(100, 999)));
  return buf;
}

struct SupplierPool {
  std::vector<Supplier> suppliers;
  std::map<std::string, std::vector<std::size_t>> by_category;  // top category → suppliers
};

SupplierPool make_suppliers(const DemoOptions& options, const std::vector<Listing>& listings) {
  std::vector<std::string> tops;
  for (const Listing& l : listings) {
    if (std::find(tops.begin(), tops.end(), l.path.front()) == tops.end())
      tops.push_back(l.path.front());
  }
  SupplierPool pool;
  std::size_t count =
      static_cast<std::size_t>(std::clamp<std::int64_t>(options.products / 20, 40, 20000));
  DemoRandom random(options.seed ^ 0x5u);
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<std::string> specialties;
    pool.suppliers.push_back(detail::make_demo_supplier(i, random, tops, specialties));
    for (const std::string& s : specialties) pool.by_category[s].push_back(i);
  }
  return pool;
}

Status emit_product(std::int64_t index, const Listing& listing, const Supplier& supplier,
                    const DemoOptions& options, DemoRandom& random, const DemoSink& sink) {
  const detail::CountryProfile& profile = detail::profile_for(supplier.country.code());
  char id[32];
  std::snprintf(id, sizeof id, "%07lld", static_cast<long long>(index + 1));
  Product p;
  p.id = std::string("DEMO-P") + id;
  std::string model = model_code(random);
  bool local = profile.lang != "en" && term(listing.product, profile.lang) && random.per_mille(600);
  if (local) p.titles.push_back({profile.lang, local_title(listing, profile.lang, model)});
  if (!local || random.per_mille(400)) p.titles.push_back({"en", listing.title + " " + model});
  p.attributes = listing.attributes;
  p.category_path = listing.path;
  p.category_path_zh = listing.path_zh;
  if (random.per_mille(500)) p.hs_code = listing.hs6;
  p.demo = true;

  Offer o;
  o.id = std::string("DEMO-O") + id;
  o.supplier_id = supplier.id;
  o.product_id = p.id;
  int roll = static_cast<int>(random.range(0, 999)), acc = 0;
  for (const auto& [code, weight] : profile.currencies) {
    acc += weight;
    if (roll < acc) {
      o.currency = currency_from_code(code).value();
      break;
    }
  }
  std::int64_t cents =
      listing.retail_usd_cents * random.range(85, 115) / 100 * random.range(35, 70) / 100;
  cents = std::max<std::int64_t>(cents, 3);
  o.moq = pick_moq(cents, random);
  o.tiers = make_tiers(cents, o.moq, o.currency, random);
  o.lead_time_days = static_cast<int>(random.range(profile.lead_min, profile.lead_max));
  bool exw = random.per_mille(200);
  o.incoterm = exw ? Incoterm::kEXW : profile.sea_fob ? Incoterm::kFOB : Incoterm::kFCA;
  o.named_place = o.incoterm == Incoterm::kFOB ? supplier.port : supplier.city;
  o.samples = random.per_mille(700);
  o.valid_until = options.as_of.plus_days(static_cast<int>(random.range(90, 365)));
  o.certifications = product_certifications(listing, random);
  o.demo = true;
  return sink.product(p, o);
}

}  // namespace

std::string default_listings_path() {
  const char* dir = std::getenv("KONTOR_BENCH_DIR");
  return std::string(dir ? dir : KONTOR_DEFAULT_BENCH_DIR) + "/hscodecomp/dev.jsonl";
}

Status generate_demo_marketplace(const DemoOptions& options, const Glossary& glossary,
                                 const DemoSink& sink) {
  if (options.products < 1 || options.products > 10'000'000) {
    return invalid_argument("demo products must be within 1..10000000, got " +
                            std::to_string(options.products));
  }
  std::string path =
      options.listings_path.empty() ? default_listings_path() : options.listings_path;
  ASSIGN_OR_RETURN(std::vector<Listing> listings, load_listings(path, glossary));
  if (options.seed_listings_path != "-") {
    std::string seed = options.seed_listings_path.empty()
                           ? std::string(KONTOR_REPO_DATA_DIR) + "/demo/seed_listings.jsonl"
                           : options.seed_listings_path;
    ASSIGN_OR_RETURN(std::vector<Listing> more, load_listings(seed, glossary));
    listings.insert(listings.end(), std::make_move_iterator(more.begin()),
                    std::make_move_iterator(more.end()));
  }
  SupplierPool pool = make_suppliers(options, listings);
  for (const Supplier& s : pool.suppliers) RETURN_IF_ERROR(sink.supplier(s));
  DemoRandom random(options.seed);
  for (std::int64_t i = 0; i < options.products; ++i) {
    const Listing& listing = listings[static_cast<std::size_t>(i) % listings.size()];
    const std::vector<std::size_t>& candidates = pool.by_category[listing.path.front()];
    const Supplier& supplier = pool.suppliers[random.pick(candidates)];
    RETURN_IF_ERROR(emit_product(i, listing, supplier, options, random, sink));
  }
  return ok_status();
}

StatusOr<Catalog> demo_marketplace(const DemoOptions& options, const Glossary& glossary) {
  Catalog catalog;
  DemoSink sink{[&](const Supplier& s) {
                  catalog.add(s);
                  return ok_status();
                },
                [&](const Product& p, const Offer& o) {
                  catalog.add(p);
                  catalog.add(o);
                  return ok_status();
                }};
  RETURN_IF_ERROR(generate_demo_marketplace(options, glossary, sink));
  return catalog;
}

StatusOr<Catalog> catalog_or_demo(store::Store* store, const DemoOptions& options,
                                  const Glossary& glossary) {
  if (store != nullptr) {
    ASSIGN_OR_RETURN(std::int64_t products, store->count(kProducts));
    if (products > 0) return load_catalog(*store);
  }
  return demo_marketplace(options, glossary);
}

}  // namespace kontor::catalog
