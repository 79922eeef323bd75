// The intake's questions in the five languages it reads. A goal in another language gets them
// in English. Placeholders: {0}, {1}.
#include <array>
#include <string>
#include <string_view>

#include "crew/detail/intake_reader.h"

namespace kontor::crew::detail {
namespace {

struct Text {
  std::string_view key;
  std::string_view en, es, pt, de, fr;
};

constexpr std::array<Text, 13> kTexts = {{
    {"product", "What product do you want to source?", "¿Qué producto quiere importar?",
     "Qual produto você quer importar?", "Welches Produkt möchten Sie beschaffen?",
     "Quel produit voulez-vous acheter ?"},
    {"quantity", "How many units do you want to order?", "¿Cuántas unidades quiere pedir?",
     "Quantas unidades você quer encomendar?", "Wie viele Stück möchten Sie bestellen?",
     "Combien d'unités voulez-vous commander ?"},
    {"destination", "Which country will you import into and sell in?",
     "¿A qué país va a importar para vender?", "Para qual país você vai importar para vender?",
     "In welches Land importieren Sie, um dort zu verkaufen?",
     "Dans quel pays allez-vous importer pour vendre ?"},
    {"destination_which", "Which country will you sell in: {0}?", "¿En qué país venderá: {0}?",
     "Em qual país você vai vender: {0}?", "In welchem Land verkaufen Sie: {0}?",
     "Dans quel pays vendrez-vous : {0} ?"},
    {"destination_eu", "Which EU country will the goods be imported into?",
     "¿En qué país de la UE se importará la mercancía?",
     "Em qual país da UE a mercadoria será importada?",
     "In welches EU-Land wird die Ware eingeführt?",
     "Dans quel pays de l'UE la marchandise sera-t-elle importée ?"},
    {"price",
     "What retail price will you sell at (or which landed cost per unit or total budget "
     "do you aim for)?",
     "¿A qué precio de venta venderá (o qué coste puesto en destino por unidad o presupuesto "
     "total busca)?",
     "Por qual preço de venda você vai vender (ou qual custo por unidade posto no destino ou "
     "orçamento total você busca)?",
     "Zu welchem Verkaufspreis verkaufen Sie (oder welchen Einstandspreis pro Stück bzw. welches "
     "Gesamtbudget streben Sie an)?",
     "À quel prix de vente allez-vous vendre (ou quel coût de revient unitaire ou budget total "
     "visez-vous) ?"},
    {"price_role",
     "What is {0}: the retail price per unit, the landed cost per unit or the "
     "total budget?",
     "¿Qué es {0}: el precio de venta por unidad, el coste puesto en destino por unidad o el "
     "presupuesto total?",
     "O que é {0}: o preço de venda por unidade, o custo posto no destino por unidade ou o "
     "orçamento total?",
     "Was ist {0}: der Verkaufspreis pro Stück, der Einstandspreis pro Stück oder das "
     "Gesamtbudget?",
     "Que représente {0} : le prix de vente unitaire, le coût de revient unitaire ou le budget "
     "total ?"},
    {"price_role_unit", "What is {0} per unit: the retail price or the landed cost?",
     "¿Qué es {0} por unidad: el precio de venta o el coste puesto en destino?",
     "O que é {0} por unidade: o preço de venda ou o custo posto no destino?",
     "Was ist {0} pro Stück: der Verkaufspreis oder der Einstandspreis?",
     "Que représente {0} par unité : le prix de vente ou le coût de revient ?"},
    {"currency", "Which currency is {0}: {1}?", "¿En qué moneda está {0}: {1}?",
     "Em qual moeda está {0}: {1}?", "In welcher Währung ist {0}: {1}?",
     "Dans quelle devise est {0} : {1} ?"},
    {"grouping", "Is the '.' or ',' in {0} a thousands separator or the decimal point?",
     "¿El '.' o ',' de {0} separa miles o decimales?",
     "O '.' ou ',' em {0} separa milhares ou decimais?",
     "Ist der Punkt bzw. das Komma in {0} ein Tausendertrennzeichen oder ein Dezimalzeichen?",
     "Le '.' ou la ',' dans {0} sépare-t-il les milliers ou les décimales ?"},
    {"deadline", "By when must the goods be in stock? (optional)",
     "¿Para cuándo debe estar la mercancía en stock? (opcional)",
     "Até quando a mercadoria deve estar em estoque? (opcional)",
     "Bis wann muss die Ware auf Lager sein? (optional)",
     "Pour quand la marchandise doit-elle être en stock ? (facultatif)"},
    {"deadline_unclear", "I could not read the date in '{0}': by when must the goods be in stock?",
     "No entendí la fecha en '{0}': ¿para cuándo debe estar la mercancía en stock?",
     "Não entendi a data em '{0}': até quando a mercadoria deve estar em estoque?",
     "Das Datum in '{0}' ist unklar: bis wann muss die Ware auf Lager sein?",
     "Je n'ai pas compris la date dans '{0}' : pour quand la marchandise doit-elle être en "
     "stock ?"},
    {"deadline_past", "The date {0} is in the past: by when must the goods be in stock?",
     "La fecha {0} ya pasó: ¿para cuándo debe estar la mercancía en stock?",
     "A data {0} já passou: até quando a mercadoria deve estar em estoque?",
     "Das Datum {0} liegt in der Vergangenheit: bis wann muss die Ware auf Lager sein?",
     "La date {0} est passée : pour quand la marchandise doit-elle être en stock ?"},
}};

std::string_view pick(const Text& t, std::string_view lang) {
  if (lang == "es") return t.es;
  if (lang == "pt") return t.pt;
  if (lang == "de") return t.de;
  if (lang == "fr") return t.fr;
  return t.en;
}

}  // namespace

std::string question_text(std::string_view key, std::string_view lang, std::string_view arg0,
                          std::string_view arg1) {
  for (const Text& t : kTexts) {
    if (t.key != key) continue;
    std::string out(pick(t, lang));
    for (const auto& [marker, arg] :
         {std::pair{std::string_view("{0}"), arg0}, std::pair{std::string_view("{1}"), arg1}}) {
      const std::size_t pos = out.find(marker);
      if (pos != std::string::npos) out.replace(pos, marker.size(), arg);
    }
    return out;
  }
  return std::string(key);
}

bool question_language_supported(std::string_view lang) {
  return lang == "en" || lang == "es" || lang == "pt" || lang == "de" || lang == "fr";
}

}  // namespace kontor::crew::detail
