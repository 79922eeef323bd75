// Demo supplier profiles. Names are invented from common word stems of each country's trade
// names and are not real companies; ids start with DEMO-S.
#include <cstdio>

#include "catalog/detail/demo.h"

namespace kontor::catalog::detail {
namespace {

struct NameStyle {
  std::string code;
  std::vector<std::string> stems;
  std::vector<std::string> suffixes;
};

const std::vector<NameStyle>& name_styles() {
  static const std::vector<NameStyle> kStyles = {
      {"CN",
       {"Hengda", "Xinda", "Jinhui", "Huamei", "Yongsheng", "Ruixiang", "Tianyi", "Haoyu",
        "Mingtai", "Zhongxin", "Baoli", "Kaida"},
       {"Trading Co., Ltd.", "Industrial Co., Ltd.", "Technology Co., Ltd.",
        "Import & Export Co., Ltd."}},
      {"VN",
       {"Minh Phat", "Hung Thinh", "Thanh Cong", "An Khang", "Phu Gia", "Viet Tien", "Sao Mai"},
       {"Co., Ltd", "Manufacturing JSC", "Trading Co., Ltd"}},
      {"IN",
       {"Shree Ganesh", "Balaji", "Sai Krishna", "Akash", "Rajdhani", "Vardhman", "Surya"},
       {"Exports Pvt. Ltd.", "Industries", "Overseas"}},
      {"TR",
       {"Anadolu", "Ege", "Marmara", "Yildiz", "Ozgur", "Akdeniz", "Toros"},
       {"Tekstil A.S.", "Ticaret Ltd. Sti.", "Sanayi A.S."}},
      {"MX",
       {"Azteca", "del Norte", "Jalisco", "Bajio", "Sierra Madre", "Pacifico"},
       {"S.A. de C.V.", "Manufacturas S.A. de C.V."}},
      {"PL", {"Polmet", "Wisla", "Mazowsze", "Baltyk", "Karpaty", "Warta"}, {"Sp. z o.o.", "S.A."}},
      {"BD",
       {"Padma", "Meghna", "Jamuna", "Bengal", "Sonar", "Rupali"},
       {"Garments Ltd.", "Knitwear Ltd.", "Trade International"}},
      {"BR",
       {"Paulista", "Mineira", "Gaucha", "Atlantica", "Serra Azul"},
       {"Industria e Comercio Ltda.", "Exportadora Ltda."}},
      {"DE", {"Schwarzwald", "Rhein", "Elbe", "Allgaeu", "Hanse"}, {"Handels GmbH", "Werke GmbH"}},
      {"IT", {"Brianza", "Toscana", "Lombarda", "Adriatica", "Veneta"}, {"S.r.l.", "S.p.A."}},
      {"ES", {"Levante", "Iberica", "Cantabrica", "Mediterranea"}, {"S.L.", "S.A."}},
      {"PT", {"Minho", "Douro", "Lusitana", "Atlantico"}, {"Lda.", "S.A."}},
      {"JP", {"Sakura", "Fuji", "Kansai", "Hokuto", "Asahi"}, {"Co., Ltd.", "Trading K.K."}},
  };
  return kStyles;
}

const std::vector<std::string> kCompanyCerts = {"ISO 9001", "BSCI", "ISO 14001", "SEDEX"};
const std::vector<int> kCompanyCertPerMille = {600, 250, 200, 150};
const std::vector<std::string> kPaymentTerms = {"T/T 30/70", "T/T 100% in advance", "L/C at sight",
                                                "D/P at sight", "Net 30"};

std::string rate_text(std::int64_t per_mille) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0.%03lld", static_cast<long long>(per_mille));
  return buf;
}

}  // namespace

const std::vector<CountryProfile>& country_profiles() {
  static const std::vector<CountryProfile> kProfiles = {
      {"CN",
       380,
       "zh",
       {{"USD", 600}, {"CNY", 400}},
       {{"Ningbo", "Ningbo"},
        {"Yiwu", "Ningbo"},
        {"Shenzhen", "Shenzhen"},
        {"Guangzhou", "Guangzhou"},
        {"Dongguan", "Shenzhen"},
        {"Xiamen", "Xiamen"},
        {"Qingdao", "Qingdao"},
        {"Shanghai", "Shanghai"}},
       12,
       35,
       true},
      {"VN",
       100,
       "vi",
       {{"USD", 800}, {"VND", 200}},
       {{"Ho Chi Minh City", "Cat Lai"},
        {"Hanoi", "Hai Phong"},
        {"Da Nang", "Da Nang"},
        {"Binh Duong", "Cat Lai"}},
       20,
       45,
       true},
      {"IN",
       100,
       "en",
       {{"USD", 700}, {"INR", 300}},
       {{"Mumbai", "Nhava Sheva"},
        {"Tiruppur", "Chennai"},
        {"Delhi", "Mundra"},
        {"Jaipur", "Mundra"},
        {"Moradabad", "Mundra"}},
       25,
       50,
       true},
      {"TR",
       80,
       "tr",
       {{"USD", 500}, {"EUR", 400}, {"TRY", 100}},
       {{"Istanbul", "Ambarli"}, {"Izmir", "Izmir"}, {"Bursa", "Gemlik"}, {"Denizli", "Izmir"}},
       10,
       25,
       false},
      {"MX",
       60,
       "es",
       {{"USD", 600}, {"MXN", 400}},
       {{"Monterrey", "Manzanillo"},
        {"Guadalajara", "Manzanillo"},
        {"Mexico City", "Veracruz"},
        {"Tijuana", "Ensenada"}},
       10,
       25,
       false},
      {"PL",
       50,
       "en",
       {{"EUR", 600}, {"PLN", 400}},
       {{"Lodz", "Gdansk"}, {"Poznan", "Gdynia"}, {"Warsaw", "Gdansk"}, {"Krakow", "Gdansk"}},
       7,
       20,
       false},
      {"BD",
       50,
       "en",
       {{"USD", 1000}},
       {{"Dhaka", "Chittagong"}, {"Gazipur", "Chittagong"}, {"Narayanganj", "Chittagong"}},
       30,
       60,
       true},
      {"BR",
       40,
       "pt",
       {{"BRL", 600}, {"USD", 400}},
       {{"Sao Paulo", "Santos"}, {"Porto Alegre", "Rio Grande"}},
       15,
       35,
       true},
      {"DE",
       30,
       "de",
       {{"EUR", 1000}},
       {{"Hamburg", "Hamburg"}, {"Stuttgart", "Hamburg"}},
       5,
       18,
       false},
      {"IT", 30, "it", {{"EUR", 1000}}, {{"Milan", "Genoa"}, {"Prato", "Livorno"}}, 5, 18, false},
      {"ES",
       25,
       "es",
       {{"EUR", 1000}},
       {{"Valencia", "Valencia"}, {"Barcelona", "Barcelona"}},
       5,
       18,
       false},
      {"PT", 20, "pt", {{"EUR", 1000}}, {{"Porto", "Leixoes"}, {"Braga", "Leixoes"}}, 5, 18, false},
      {"FR", 0, "fr", {{"EUR", 1000}}, {{"Lyon", "Marseille"}}, 5, 18, false},
      {"JP",
       35,
       "ja",
       {{"JPY", 700}, {"USD", 300}},
       {{"Osaka", "Osaka"}, {"Tokyo", "Tokyo"}},
       10,
       25,
       true},
  };
  return kProfiles;
}

const CountryProfile& profile_for(std::string_view country) {
  for (const CountryProfile& p : country_profiles()) {
    if (p.code == country) return p;
  }
  return country_profiles().front();
}

Decimal demo_usd_rate(std::string_view currency) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kRates = {
      {"USD", "1"},    {"CNY", "7.10"}, {"EUR", "0.92"}, {"TRY", "34.0"}, {"MXN", "18.0"},
      {"PLN", "4.00"}, {"INR", "84.0"}, {"BRL", "5.60"}, {"JPY", "150"},  {"VND", "25000"}};
  for (const auto& [code, rate] : kRates) {
    if (code == currency) return Decimal::parse(rate).value();
  }
  return Decimal(1);
}

Supplier make_demo_supplier(std::size_t index, DemoRandom& random,
                            const std::vector<std::string>& top_categories,
                            std::vector<std::string>& specialties) {
  int roll = static_cast<int>(random.range(0, 999)), acc = 0;
  const CountryProfile* profile = &country_profiles().front();
  for (const CountryProfile& p : country_profiles()) {
    acc += p.weight;
    if (roll < acc) {
      profile = &p;
      break;
    }
  }
  Supplier s;
  char id[32];
  std::snprintf(id, sizeof id, "DEMO-S%05zu", index + 1);
  s.id = id;
  s.country = CountryCode::parse(profile->code).value();
  const Place& place = random.pick(profile->places);
  s.city = place.city;
  s.port = place.port;
  for (const NameStyle& style : name_styles()) {
    if (style.code == profile->code) {
      s.name = (profile->code == "CN" ? s.city + " " : "") + random.pick(style.stems) + " " +
               random.pick(style.suffixes);
    }
  }
  s.languages = {profile->lang};
  if (profile->lang != "en") s.languages.push_back("en");
  for (std::size_t i = 0; i < kCompanyCerts.size(); ++i) {
    if (random.per_mille(kCompanyCertPerMille[i])) s.certifications.push_back(kCompanyCerts[i]);
  }
  s.years_in_business = static_cast<int>(random.range(1, 25));
  int v = static_cast<int>(random.range(0, 99));
  s.verification = v < 25   ? Verification::kAudited
                   : v < 70 ? Verification::kVerified
                            : Verification::kNone;
  s.response_hours = static_cast<int>(random.range(1, 48));
  s.on_time_rate = Decimal::parse(rate_text(random.range(800, 990))).value();
  s.defect_rate = Decimal::parse(rate_text(random.range(3, 40))).value();
  s.payment_terms = {kPaymentTerms[static_cast<std::size_t>(random.range(0, 1))]};
  if (random.per_mille(400))
    s.payment_terms.push_back(kPaymentTerms[2 + static_cast<std::size_t>(random.range(0, 2))]);
  s.demo = true;
  specialties = {top_categories[index % top_categories.size()]};
  if (random.per_mille(350)) specialties.push_back(random.pick(top_categories));
  return s;
}

}  // namespace kontor::catalog::detail
