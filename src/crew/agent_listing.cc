#include "crew/agent_listing.h"

#include <algorithm>
#include <regex>
#include <set>

#include "catalog/text.h"
#include "crew/agent_common.h"

namespace kontor::crew {
namespace {

using detail::join;

// Phrases of the listing templates per language: title joiners and bullet headings. Only
// facts from the listing and the checklist are filled in; no performance claim is invented.
struct Phrases {
  std::string_view lang;
  std::string_view made_of;  // "{product} made of {material}"
  std::string_view material, capacity, certified, delivery, care;
  std::string_view certified_text;  // after the certificate names
  std::string_view care_text;       // food-contact articles
  std::string_view care_general;    // anything else: no claim the goods do not support
  std::string_view description;     // "{product} … {material} …" lead sentence
  bool capitalise_nouns;            // German nouns
};

constexpr Phrases kPhrases[] = {
    {"de", "aus", "MATERIAL", "FASSUNGSVERMÖGEN", "GEPRÜFT", "LIEFERUMFANG", "PFLEGE",
     "Prüfberichte des Herstellers liegen vor", "Vor dem ersten Gebrauch gründlich ausspülen",
     "Pflegehinweise des Herstellers beachten",
     "hochwertig verarbeitet, für den täglichen Gebrauch zu Hause, im Büro und unterwegs.", true},
    {"fr", "en", "MATÉRIAU", "CONTENANCE", "CERTIFIÉ", "CONTENU", "ENTRETIEN",
     "rapports d'essai du fabricant disponibles",
     "Rincer soigneusement avant la première utilisation",
     "Suivre les consignes d'entretien du fabricant",
     "de qualité, pour un usage quotidien à la maison, au bureau et en déplacement.", false},
    {"es", "de", "MATERIAL", "CAPACIDAD", "CERTIFICADO", "CONTENIDO", "CUIDADO",
     "informes de ensayo del fabricante disponibles", "Enjuagar bien antes del primer uso",
     "Seguir las instrucciones de cuidado del fabricante",
     "de calidad, para el uso diario en casa, en la oficina y de viaje.", false},
    {"it", "in", "MATERIALE", "CAPACITÀ", "CERTIFICATO", "CONTENUTO", "CURA",
     "rapporti di prova del produttore disponibili", "Sciacquare bene prima del primo utilizzo",
     "Seguire le istruzioni di cura del produttore",
     "di qualità, per l'uso quotidiano a casa, in ufficio e in viaggio.", false},
    {"pt", "de", "MATERIAL", "CAPACIDADE", "CERTIFICADO", "CONTEÚDO", "CUIDADOS",
     "relatórios de ensaio do fabricante disponíveis", "Enxaguar bem antes da primeira utilização",
     "Seguir as instruções de cuidado do fabricante",
     "de qualidade, para o uso diário em casa, no escritório e em viagem.", false},
    {"en", "made of", "MATERIAL", "CAPACITY", "TESTED", "IN THE BOX", "CARE",
     "manufacturer's test reports available", "Rinse thoroughly before first use",
     "Follow the manufacturer's care instructions",
     "well made, for everyday use at home, at the office and on the go.", false},
};

const Phrases& phrases_for(std::string_view lang) {
  for (const auto& p : kPhrases) {
    if (p.lang == lang) return p;
  }
  return kPhrases[std::size(kPhrases) - 1];
}

std::string market_language(std::string_view country) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"DE", "de"}, {"AT", "de"}, {"CH", "de"}, {"FR", "fr"}, {"BE", "fr"},
      {"LU", "fr"}, {"ES", "es"}, {"MX", "es"}, {"AR", "es"}, {"CO", "es"},
      {"CL", "es"}, {"IT", "it"}, {"PT", "pt"}, {"BR", "pt"}};
  for (const auto& [code, lang] : kMap) {
    if (code == country) return std::string(lang);
  }
  return "en";
}

std::string capitalised(std::string text, bool every_word) {
  bool start = true;
  for (char& c : text) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = every_word && c == ' ';
    if (!every_word && c != ' ') start = false;
  }
  return text;
}

// The glossary concept the product is: the product-kind concept sharing the most words with
// the brief's product text and the shortlisted titles (singular and plural alike).
const catalog::GlossaryConcept* product_concept(const catalog::Glossary& glossary,
                                                const std::string& text) {
  std::vector<std::string> words = catalog::words(catalog::normalize_text(text));
  for (auto& w : words) {
    if (w.size() > 3 && w.back() == 's') w.pop_back();
  }
  const catalog::GlossaryConcept* best = nullptr;
  std::size_t best_score = 0;
  for (const auto& c : glossary.concepts()) {
    if (c.kind != "product") continue;
    auto en = c.terms.find("en");
    if (en == c.terms.end()) continue;
    std::set<std::string> vocab;
    for (const auto& term : en->second) {
      for (const auto& w : catalog::words(term)) vocab.insert(w);
    }
    std::size_t score = 0;
    for (const auto& w : words) score += vocab.count(w);
    if (score > best_score) best = &c, best_score = score;
  }
  return best;
}

std::vector<std::string> terms_in(const catalog::GlossaryConcept* c, const std::string& lang) {
  if (c == nullptr) return {};
  auto it = c->terms.find(lang);
  if (it == c->terms.end()) it = c->terms.find("en");
  return it == c->terms.end() ? std::vector<std::string>{} : it->second;
}

// The volume the listing states: a "capacity"/"volume" attribute, else a "size" given in
// ml, l or oz (a size in cm is the package, not the capacity); "" when none.
std::string capacity_of(const catalog::Product* product) {
  if (product == nullptr) return "";
  for (const char* key : {"capacity", "volume"}) {
    auto it = product->attributes.find(key);
    if (it != product->attributes.end()) return it->second;
  }
  static const std::regex kVolume(R"((\d+(?:[.,]\d+)?) ?(ml|l|oz)\b)", std::regex::icase);
  std::smatch m;
  auto it = product->attributes.find("size");
  if (it != product->attributes.end() && it->second.find("cm") == std::string::npos &&
      std::regex_search(it->second, m, kVolume)) {
    return m.str(1) + " " + m.str(2);
  }
  for (const auto& title : product->titles) {
    if (std::regex_search(title.text, m, kVolume)) return m.str(1) + " " + m.str(2);
  }
  return "";
}

}  // namespace

Status ListingAgent::run(const TaskSpec&, TaskContext& context) {
  const Brief& brief = context.brief();
  const Engines& engines = context.engines();
  if (!brief.destination) return failed_precondition("brief.destination: no market to list in");
  ASSIGN_OR_RETURN(auto sourcing, detail::read_typed<SourcingSection>(context, kSourcingSection,
                                                                      sourcing_section_from_json));
  ListingSection l;
  l.market = std::string(brief.destination->code());
  l.language = market_language(l.market);
  l.channel = brief.channels.empty() ? "" : std::string(sales_channel_name(brief.channels.front()));
  const Phrases& p = phrases_for(l.language);

  // The listing describes the product the owner will buy: the recommended supplier's, else the
  // first shortlisted (finance found nothing feasible).
  ASSIGN_OR_RETURN(auto finance, detail::read_typed<FinanceSection>(context, kFinanceSection,
                                                                    finance_section_from_json));
  const ShortlistEntry* entry =
      sourcing && !sourcing->shortlist.empty() ? &sourcing->shortlist.front() : nullptr;
  if (sourcing && finance && finance->recommendation) {
    for (const auto& e : sourcing->shortlist) {
      if (e.supplier_id == finance->recommendation->supplier_id) entry = &e;
    }
  }
  const catalog::Product* product =
      entry != nullptr ? engines.catalog->catalog().product(entry->product_id) : nullptr;
  std::string text = brief.product;
  if (product != nullptr) {
    for (const auto& t : product->titles) {
      if (t.lang == "en") text += " " + t.text;
    }
  }
  const catalog::GlossaryConcept* thing = product_concept(*engines.glossary, text);
  const catalog::GlossaryConcept* material =
      engines.glossary->first_concept(catalog::normalize_text(text), "material");
  std::vector<std::string> thing_terms = terms_in(thing, l.language);
  std::vector<std::string> material_terms = terms_in(material, l.language);
  std::string name = thing_terms.empty() ? brief.product : thing_terms.front();
  name = capitalised(name, p.capitalise_nouns);
  std::string mat = material_terms.empty() ? "" : material_terms.front();
  if (thing != nullptr) l.glossary_concepts.push_back(thing->id);
  if (material != nullptr) l.glossary_concepts.push_back(material->id);

  std::string capacity = capacity_of(product);
  if (p.capitalise_nouns) mat = capitalised(mat, true);
  l.title = name + (mat.empty() ? "" : " " + std::string(p.made_of) + " " + mat) +
            (capacity.empty() ? "" : ", " + capacity);
  // A bullet states a known fact or is left out: no "MATERIAL: <product name>", no "—".
  if (!mat.empty()) l.bullets.push_back(std::string(p.material) + ": " + capitalised(mat, false));
  // Keywords are search terms: lower case as shoppers type them.
  std::string mat_key = material_terms.empty() ? "" : material_terms.front();
  if (!capacity.empty()) l.bullets.push_back(std::string(p.capacity) + ": " + capacity);
  // Only certificates the destination's rules accept as evidence (compliance: held_as).
  ASSIGN_OR_RETURN(auto compliance, detail::read_typed<ComplianceSection>(
                                        context, kComplianceSection, compliance_section_from_json));
  std::vector<std::string> certs;
  for (const auto& r : compliance ? compliance->requirements : std::vector<RequirementEntry>{}) {
    for (const auto& st : r.suppliers) {
      if (entry != nullptr && st.supplier_id == entry->supplier_id && st.status == "held" &&
          !st.held_as.empty() && std::find(certs.begin(), certs.end(), st.held_as) == certs.end()) {
        certs.push_back(st.held_as);
      }
    }
  }
  if (!certs.empty()) {
    l.bullets.push_back(std::string(p.certified) + ": " + join(certs, ", ") + " – " +
                        std::string(p.certified_text));
  }
  l.bullets.push_back(std::string(p.delivery) + ": 1 × " + name);
  // "Rinse before first use" suits a bottle or a mug, not a speaker or a backpack.
  const bool food_contact =
      compliance &&
      std::any_of(compliance->flags.begin(), compliance->flags.end(),
                  [](const std::string& f) { return f.rfind("food_contact", 0) == 0; });
  l.bullets.push_back(std::string(p.care) + ": " +
                      std::string(food_contact ? p.care_text : p.care_general));
  l.description = name + (mat.empty() ? "" : " " + std::string(p.made_of) + " " + mat) + ", " +
                  std::string(p.description);
  std::set<std::string> seen;
  auto keyword = [&](const std::string& k) {
    if (!k.empty() && seen.insert(k).second) l.keywords.push_back(k);
  };
  for (const auto& t : thing_terms) keyword(t + (mat_key.empty() ? "" : " " + mat_key));
  for (const auto& t : thing_terms) keyword(t);
  for (const auto& t : material_terms) keyword(t);
  if (!capacity.empty())
    keyword(thing_terms.empty() ? capacity : thing_terms.front() + " " + capacity);
  l.notes.push_back(
      "check every claim against the samples before publishing (capacity, "
      "materials, test reports); performance claims such as insulation hours are "
      "left out until a test report states them");
  if (thing == nullptr)
    l.notes.push_back("the glossary has no term for this product: title in the brief's words");
  return detail::write_owned(context, kListingSection, to_json(l));
}

}  // namespace kontor::crew
