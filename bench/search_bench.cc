// Catalog search benchmark and cross-lingual evaluation (issue 3).
//
// Builds the demo marketplace at --products=N, indexes it with Kontor's Xapian index and, on the
// same index terms, with SQLite FTS5; runs the evaluation queries (bench/search_eval_queries.tsv,
// written by --write-queries from rules, see make_queries) on both and reports nDCG@10,
// recall@50, query latency p50/p99, index build rate and memory. Relevance comes from rules over
// the catalog data, never from either engine's output:
//   grade 2: the product's leaf category names the query's product concept (through the English
//            glossary term) and, for a query with a material, its material attribute names the
//            query's material;
//   grade 1: the leaf names the product concept but the material differs.
// recall@50 = relevant retrieved in the top 50 / min(50, relevant).
//
//   search_bench --products=1000000 [--queries=bench/search_eval_queries.tsv] [--repeat=3]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "catalog/demo_marketplace.h"
#include "catalog/search.h"
#include "catalog/text.h"

using namespace kontor;
using namespace kontor::catalog;
using SteadyClock = std::chrono::steady_clock;

namespace {

struct EvalQuery {
  std::string id, lang, text, product_concept, material_concept;
};

double seconds_since(SteadyClock::time_point t) { return std::chrono::duration<double>(SteadyClock::now() - t).count(); }

long memory_kb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
  }
  return 0;
}

std::string product_concept_of(const Product& p, const Glossary& g) {
  const GlossaryConcept* c = g.first_concept(normalize_text(p.category_path.back()), "product");
  return c ? c->id : "";
}

std::string material_concept_of(const Product& p, const Glossary& g) {
  auto m = p.attributes.find("material");
  if (m == p.attributes.end()) return "";
  const GlossaryConcept* c = g.first_concept(normalize_text(m->second), "material");
  return c ? c->id : "";
}

std::string preferred(const Glossary& g, const std::string& id, const std::string& lang) {
  const GlossaryConcept* c = g.find(id);
  auto t = c ? c->terms.find(lang) : decltype(c->terms.end()){};
  return c && t != c->terms.end() && !t->second.empty() ? t->second.front() : "";
}

// Rules: every product concept that is the leaf of ≥ 10 products; per language its preferred
// term, and the same with the concept's most common material.
std::vector<EvalQuery> make_queries(const Catalog& catalog, const Glossary& g) {
  std::map<std::string, int> per_concept;
  std::map<std::string, std::map<std::string, int>> materials;
  for (const Product& p : catalog.products()) {
    std::string c = product_concept_of(p, g);
    if (c.empty()) continue;
    ++per_concept[c];
    std::string m = material_concept_of(p, g);
    if (!m.empty()) ++materials[c][m];
  }
  const std::vector<std::string> langs = {"en", "es", "pt", "de", "fr", "it", "zh", "ja", "tr", "vi"};
  std::vector<EvalQuery> out;
  for (const auto& [concept_id, n] : per_concept) {
    if (n < 10) continue;
    std::string material;
    int best = 0;
    for (const auto& [m, k] : materials[concept_id]) if (k > best && k >= 5) material = m, best = k;
    for (const std::string& lang : langs) {
      std::string p = preferred(g, concept_id, lang);
      if (p.empty()) continue;
      out.push_back({concept_id + "/" + lang, lang, p, concept_id, ""});
      std::string m = material.empty() ? "" : preferred(g, material, lang);
      if (m.empty()) continue;
      std::string text = lang == "zh" || lang == "ja" ? m + p : p + " " + m;
      out.push_back({concept_id + "+" + material + "/" + lang, lang, text, concept_id, material});
    }
  }
  return out;
}

struct Judged {
  std::map<std::string, int> grade;  // product id → grade
  int relevant = 0;
  std::vector<int> ideal;
};

Judged judge(const EvalQuery& q, const Catalog& catalog, const Glossary& g,
             const std::vector<std::string>& concept_of, const std::vector<std::string>& material_of) {
  Judged j;
  for (std::size_t i = 0; i < catalog.products().size(); ++i) {
    if (concept_of[i] != q.product_concept) continue;
    int grade = q.material_concept.empty() || material_of[i] == q.material_concept ? 2 : 1;
    j.grade[catalog.products()[i].id] = grade;
    j.ideal.push_back(grade);
  }
  (void)g;
  j.relevant = static_cast<int>(j.ideal.size());
  std::sort(j.ideal.rbegin(), j.ideal.rend());
  return j;
}

double ndcg10(const std::vector<std::string>& ranked, const Judged& j) {
  double dcg = 0, idcg = 0;
  for (std::size_t i = 0; i < std::min<std::size_t>(10, ranked.size()); ++i) {
    auto it = j.grade.find(ranked[i]);
    if (it != j.grade.end()) dcg += (std::pow(2.0, it->second) - 1) / std::log2(i + 2.0);
  }
  for (std::size_t i = 0; i < std::min<std::size_t>(10, j.ideal.size()); ++i) {
    idcg += (std::pow(2.0, j.ideal[i]) - 1) / std::log2(i + 2.0);
  }
  return idcg > 0 ? dcg / idcg : 0;
}

double recall50(const std::vector<std::string>& ranked, const Judged& j) {
  int hit = 0;
  for (std::size_t i = 0; i < std::min<std::size_t>(50, ranked.size()); ++i) hit += j.grade.count(ranked[i]) ? 1 : 0;
  return j.relevant ? static_cast<double>(hit) / std::min(50, j.relevant) : 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// SQLite FTS5 over exactly the index terms Kontor's analyser produces.
class Fts5Baseline {
 public:
  ~Fts5Baseline() {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }
  void build(const Catalog& catalog, const SearchIndex& index, const std::string& path) {
    std::remove(path.c_str());
    sqlite3_open(path.c_str(), &db_);
    exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    exec("CREATE VIRTUAL TABLE docs USING fts5(terms, tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")");
    exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO docs(rowid, terms) VALUES (?1, ?2)", -1, &insert, nullptr);
    for (std::size_t i = 0; i < catalog.products().size(); ++i) {
      std::string text;
      for (const std::string& t : index.product_terms(catalog.products()[i])) text += t + " ";
      sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
      sqlite3_bind_text(insert, 2, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec("COMMIT");
    sqlite3_prepare_v2(db_, "SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT ?2",
                       -1, &query_, nullptr);
  }
  std::vector<std::size_t> search(const std::vector<QueryTerm>& terms, int limit) {
    std::set<std::string> unique;
    for (const QueryTerm& t : terms) unique.insert(t.term);
    std::string match;
    for (const std::string& t : unique) {
      std::string quoted = "\"";
      for (char c : t) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      match += (match.empty() ? "" : " OR ") + quoted + "\"";
    }
    std::vector<std::size_t> out;
    sqlite3_bind_text(query_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(query_, 2, limit);
    while (sqlite3_step(query_) == SQLITE_ROW) out.push_back(static_cast<std::size_t>(sqlite3_column_int64(query_, 0)));
    sqlite3_reset(query_);
    return out;
  }

 private:
  void exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      std::fprintf(stderr, "fts5: %s\n", error ? error : "?");
      std::exit(1);
    }
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

std::string flag(int argc, char** argv, const char* name, const char* fallback) {
  std::string prefix = std::string("--") + name + "=";
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], prefix.c_str(), prefix.size()) == 0) return argv[i] + prefix.size();
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  DemoOptions options;
  options.products = std::atoll(flag(argc, argv, "products", "5000").c_str());
  int repeat = std::atoi(flag(argc, argv, "repeat", "3").c_str());
  std::string queries_out = flag(argc, argv, "write-queries", "");
  std::string work = flag(argc, argv, "workdir", "/tmp");
  Glossary glossary = Glossary::load_default().value();

  auto t0 = SteadyClock::now();
  Catalog catalog = demo_marketplace(options, glossary).value();
  double generate_s = seconds_since(t0);
  long rss_catalog = memory_kb("VmRSS:");

  t0 = SteadyClock::now();
  IndexOptions index_options;
  index_options.directory = work + "/kontor-search-bench.xapian";
  auto index = SearchIndex::build(catalog, glossary, index_options).value();
  double xapian_s = seconds_since(t0);
  long rss_xapian = memory_kb("VmRSS:");

  t0 = SteadyClock::now();
  Fts5Baseline fts;
  fts.build(catalog, *index, work + "/kontor-search-bench.fts5");
  double fts_s = seconds_since(t0);

  std::vector<std::string> concept_of, material_of;
  for (const Product& p : catalog.products()) {
    concept_of.push_back(product_concept_of(p, glossary));
    material_of.push_back(material_concept_of(p, glossary));
  }
  std::vector<EvalQuery> queries = make_queries(catalog, glossary);
  if (!queries_out.empty()) {
    std::ofstream out(queries_out);
    out << "# Kontor catalog search evaluation queries, generated by rules by bench/search_bench.cc\n"
           "# (make_queries: glossary terms of product concepts with >= 10 demo products at the\n"
           "# default size, alone and with their most common material). Judgments: see the header\n"
           "# comment of bench/search_bench.cc.\nid\tlang\tquery\tproduct_concept\tmaterial_concept\n";
    for (const EvalQuery& q : queries) out << q.id << "\t" << q.lang << "\t" << q.text << "\t" << q.product_concept << "\t" << q.material_concept << "\n";
  }

  // Warm-up: the first query of a language loads its FreeDict dictionary (up to ~1 s for deu-eng).
  for (const EvalQuery& q : queries) {
    SearchQuery sq;
    sq.text = q.text;
    sq.lang = q.lang;
    (void)index->search(sq).value();
  }
  std::map<std::string, std::vector<double>> ndcg_x, ndcg_f, recall_x, recall_f;
  std::vector<double> lat_x, lat_f, lat_filtered;
  for (int pass = 0; pass < repeat; ++pass) {
    for (const EvalQuery& q : queries) {
      SearchQuery sq;
      sq.text = q.text;
      sq.lang = q.lang;  // the buyer's locale, as the CLI passes it
      sq.limit = 50;
      auto t = SteadyClock::now();
      auto response = index->search(sq).value();
      lat_x.push_back(seconds_since(t) * 1000);
      t = SteadyClock::now();
      std::vector<std::size_t> fts_rows = fts.search(response.terms, 50);
      lat_f.push_back(seconds_since(t) * 1000);
      SearchQuery filtered = sq;
      filtered.limit = 10;
      filtered.quantity = 500;
      filtered.max_lead_time_days = 30;
      t = SteadyClock::now();
      (void)index->search(filtered).value();
      lat_filtered.push_back(seconds_since(t) * 1000);
      if (pass > 0) continue;
      Judged j = judge(q, catalog, glossary, concept_of, material_of);
      std::vector<std::string> xr, fr;
      for (const SearchResult& r : response.results) xr.push_back(r.product_id);
      for (std::size_t row : fts_rows) fr.push_back(catalog.products()[row].id);
      for (const std::string& key : {q.lang, std::string("all")}) {
        ndcg_x[key].push_back(ndcg10(xr, j));
        ndcg_f[key].push_back(ndcg10(fr, j));
        recall_x[key].push_back(recall50(xr, j));
        recall_f[key].push_back(recall50(fr, j));
      }
    }
  }
  auto mean = [](const std::vector<double>& v) { double s = 0; for (double x : v) s += x; return v.empty() ? 0 : s / static_cast<double>(v.size()); };
  std::printf("products %lld  suppliers %zu  queries %zu x %d passes\n", static_cast<long long>(options.products),
              catalog.suppliers().size(), queries.size(), repeat);
  std::printf("generate %.1f s; RSS after catalog %ld MB, after Xapian build %ld MB, peak %ld MB\n", generate_s,
              rss_catalog / 1024, rss_xapian / 1024, memory_kb("VmHWM:") / 1024);
  std::printf("index build: Xapian %.1f s (%.0f products/s)  FTS5 %.1f s (%.0f products/s)\n", xapian_s,
              static_cast<double>(options.products) / xapian_s, fts_s, static_cast<double>(options.products) / fts_s);
  std::printf("latency ms (top 50, no filters): Xapian p50 %.2f p99 %.2f | FTS5 p50 %.2f p99 %.2f\n",
              percentile(lat_x, 0.5), percentile(lat_x, 0.99), percentile(lat_f, 0.5), percentile(lat_f, 0.99));
  std::printf("latency ms (top 10, qty 500, lead <= 30 d): Xapian p50 %.2f p99 %.2f\n",
              percentile(lat_filtered, 0.5), percentile(lat_filtered, 0.99));
  std::printf("%-5s %5s  %9s %9s  %9s %9s\n", "lang", "n", "nDCG@10 X", "nDCG@10 F", "R@50 X", "R@50 F");
  for (const auto& [lang, v] : ndcg_x) {
    std::printf("%-5s %5zu  %9.3f %9.3f  %9.3f %9.3f\n", lang.c_str(), v.size(), mean(v), mean(ndcg_f[lang]),
                mean(recall_x[lang]), mean(recall_f[lang]));
  }
  return 0;
}
