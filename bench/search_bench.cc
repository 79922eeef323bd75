// Catalog search benchmark and cross-lingual evaluation (issue 3).
//
// Builds the demo marketplace at --products=N, indexes it with Kontor's Xapian index and, on the
// same analysed text, with SQLite FTS5; runs the evaluation queries of
// bench/search_eval_queries.tsv on both in the same run and reports nDCG@10, recall@50, query
// latency p50/p99 (without and with filters), index build rate, size and memory.
//
// The evaluation set has two parts: rule-generated queries (the glossary's preferred term of each
// product concept with >= 10 demo products, alone and with its most common material, in ten
// languages; --write-queries regenerates them) and authored queries ("authored-NN" ids: how
// buyers write — plurals, inflections, modifiers, synonyms and words the glossary does not
// know, in ten languages), each naming the product concept and material it asks for.
// Relevance comes from rules over the catalog data, never from either engine's output:
//   grade 2: the product's leaf category names the query's product concept (through the English
//            glossary term) and, for a query with a material, its material attribute names the
//            query's material;
//   grade 1: the leaf names the product concept but the material differs.
// recall@50 = relevant retrieved in the top 50 / min(50, relevant).
//
// Fairness: FTS5 indexes the same analysed text (each product's index terms, repeated by their
// within-document frequency) with a tokenizer that keeps each term whole, ranks with its bm25(),
// and answers the same OR of the query's analysed terms; its time includes Kontor's query
// analysis (language, glossary, FreeDict), as Xapian's does. Filtered runs apply the same
// filters to both (MOQ <= 500, lead time <= 30 days; FTS5 through UNINDEXED columns). Xapian's
// time also covers what FTS5 does not do: supplier-quality re-ranking, tier prices and
// explanations of the returned results.
//
//   search_bench --products=1000000 [--queries=bench/search_eval_queries.tsv] [--repeat=3]
//                [--workdir=/tmp] [--keep-index] [--write-queries=FILE] [--xapian-only]
//                [--per-query=FILE] [--show=ID,ID,...]
// --xapian-only skips the FTS5 baseline (its columns print as 0): for profiling Kontor's index.
// --per-query writes each judged query's nDCG@10 for both engines (tab-separated).
// --show prints the top 10 of both engines for the listed query ids, with each product's grade,
// leaf category, material and title: to see why an engine lost a query.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "catalog/demo_marketplace.h"
#include "catalog/search.h"
#include "catalog/text.h"

using namespace kontor;
using namespace kontor::catalog;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kFilterQuantity = 500;
constexpr int kFilterLeadDays = 30;

struct EvalQuery {
  std::string id, lang, text, product_concept, material_concept;
  std::string set() const { return id.rfind("authored-", 0) == 0 ? "authored" : "glossary"; }
};

double seconds_since(SteadyClock::time_point t) {
  return std::chrono::duration<double>(SteadyClock::now() - t).count();
}

long memory_kb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
  }
  return 0;
}

double disk_mb(const std::string& path) {
  std::error_code ec;
  std::uintmax_t bytes = 0;
  if (std::filesystem::is_directory(path, ec)) {
    for (const auto& e : std::filesystem::directory_iterator(path, ec)) bytes += e.file_size(ec);
  } else {
    bytes = std::filesystem::file_size(path, ec);
  }
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
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
  const std::vector<std::string> langs = {"en", "es", "pt", "de", "fr",
                                          "it", "zh", "ja", "tr", "vi"};
  std::vector<EvalQuery> out;
  for (const auto& [concept_id, n] : per_concept) {
    if (n < 10) continue;
    std::string material;
    int best = 0;
    for (const auto& [m, k] : materials[concept_id])
      if (k > best && k >= 5) material = m, best = k;
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

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, '\t')) cells.push_back(cell);
  if (!line.empty() && line.back() == '\t') cells.emplace_back();
  return cells;
}

std::vector<EvalQuery> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<EvalQuery> out;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
    std::vector<std::string> c = split_tabs(line);
    if (c.size() != 5) {
      std::fprintf(stderr, "%s line %d: expected 5 tab-separated cells, found %zu\n", path.c_str(),
                   line_no, c.size());
      std::exit(1);
    }
    out.push_back({c[0], c[1], c[2], c[3], c[4]});
  }
  return out;
}

// Regenerates the rule-made queries and keeps the authored ones of `path`.
void write_queries(const std::string& path, const std::vector<EvalQuery>& generated) {
  std::vector<EvalQuery> authored;
  if (std::filesystem::exists(path)) {
    for (const EvalQuery& q : read_queries(path))
      if (q.set() == "authored") authored.push_back(q);
  }
  std::ofstream out(path);
  out << "# Kontor catalog search evaluation queries (bench/search_bench.cc reads them).\n"
         "# Rule-generated (search_bench --write-queries): the glossary's preferred term of each\n"
         "# product concept with >= 10 demo products at the default size, alone and with its most\n"
         "# common material. Authored (ids authored-NN, kept on regeneration): buyer phrasings "
         "the\n"
         "# glossary does not list verbatim. Judgments: rules, see bench/search_bench.cc.\n"
         "id\tlang\tquery\tproduct_concept\tmaterial_concept\n";
  std::vector<EvalQuery> all = generated;
  all.insert(all.end(), authored.begin(), authored.end());
  for (const EvalQuery& q : all) {
    out << q.id << "\t" << q.lang << "\t" << q.text << "\t" << q.product_concept << "\t"
        << q.material_concept << "\n";
  }
}

struct Judged {
  std::map<std::string, int> grade;  // product id → grade
  int relevant = 0;
  std::vector<int> ideal;
};

Judged judge(const EvalQuery& q, const Catalog& catalog, const std::vector<std::string>& concept_of,
             const std::vector<std::string>& material_of) {
  Judged j;
  for (std::size_t i = 0; i < catalog.products().size(); ++i) {
    if (concept_of[i] != q.product_concept) continue;
    int grade = q.material_concept.empty() || material_of[i] == q.material_concept ? 2 : 1;
    j.grade[catalog.products()[i].id] = grade;
    j.ideal.push_back(grade);
  }
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
  for (std::size_t i = 0; i < std::min<std::size_t>(50, ranked.size()); ++i)
    hit += j.grade.count(ranked[i]) ? 1 : 0;
  return j.relevant ? static_cast<double>(hit) / std::min(50, j.relevant) : 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// A digest of the analysed text of the first products: an FTS5 file kept with --keep-index is
// reused only by the analysis that wrote it.
std::string analysis_digest(const Catalog& catalog, const SearchIndex& index) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  const std::size_t n = std::min<std::size_t>(catalog.products().size(), 1000);
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::string& term : index.product_terms(catalog.products()[i])) {
      for (unsigned char c : term + " ") h = (h ^ c) * 1099511628211ull;
    }
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(h & 0xffffffffu));
  return buf;
}

// SQLite FTS5 over exactly the analysed text Kontor's index holds.
class Fts5Baseline {
 public:
  ~Fts5Baseline() {
    sqlite3_finalize(query_);
    sqlite3_finalize(filtered_);
    sqlite3_close(db_);
  }
  // Returns false when an existing file was reused.
  bool build(const Catalog& catalog, const SearchIndex& index, const std::string& path,
             bool reuse) {
    bool fresh = !(reuse && std::filesystem::exists(path));
    if (fresh) {  // built under another name and renamed: an interrupted build is never reused
      const std::string partial = path + ".partial";
      std::remove(partial.c_str());
      sqlite3_open(partial.c_str(), &db_);
      fill(catalog, index);
      sqlite3_close(db_);
      std::filesystem::rename(partial, path);
    }
    sqlite3_open(path.c_str(), &db_);
    sqlite3_prepare_v2(db_,
                       "SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT ?2",
                       -1, &query_, nullptr);
    sqlite3_prepare_v2(db_,
                       "SELECT rowid FROM docs WHERE docs MATCH ?1 AND moq <= ?3 AND lead <= ?4 "
                       "ORDER BY bm25(docs) LIMIT ?2",
                       -1, &filtered_, nullptr);
    return fresh;
  }
  std::vector<std::size_t> search(const std::vector<QueryTerm>& terms, int limit, bool filter) {
    std::set<std::string> unique;
    for (const QueryTerm& t : terms) unique.insert(t.term);
    std::string match;
    for (const std::string& t : unique) {
      std::string quoted = "\"";
      for (char c : t) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      match += (match.empty() ? "" : " OR ") + quoted + "\"";
    }
    sqlite3_stmt* stmt = filter ? filtered_ : query_;
    std::vector<std::size_t> out;
    sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, limit);
    if (filter) {
      sqlite3_bind_int64(stmt, 3, kFilterQuantity);
      sqlite3_bind_int(stmt, 4, kFilterLeadDays);
    }
    while (sqlite3_step(stmt) == SQLITE_ROW)
      out.push_back(static_cast<std::size_t>(sqlite3_column_int64(stmt, 0)));
    sqlite3_reset(stmt);
    return out;
  }

 private:
  // One row per product: its analysed text, and the lowest MOQ and lead time of its offers.
  void fill(const Catalog& catalog, const SearchIndex& index) {
    exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    exec(
        "CREATE VIRTUAL TABLE docs USING fts5(terms, moq UNINDEXED, lead UNINDEXED, "
        "tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")");
    std::map<std::string_view, std::pair<std::int64_t, int>> limits_of;
    for (const Offer& o : catalog.offers()) {
      auto [it, fresh] = limits_of.emplace(o.product_id, std::make_pair(o.moq, o.lead_time_days));
      if (!fresh)
        it->second = {std::min(it->second.first, o.moq),
                      std::min(it->second.second, o.lead_time_days)};
    }
    exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO docs(rowid, terms, moq, lead) VALUES (?1, ?2, ?3, ?4)", -1,
                       &insert, nullptr);
    for (std::size_t i = 0; i < catalog.products().size(); ++i) {
      const Product& p = catalog.products()[i];
      std::string text;
      for (const std::string& t : index.product_terms(p)) text += t + " ";
      auto offer = limits_of.find(p.id);
      sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
      sqlite3_bind_text(insert, 2, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(insert, 3, offer == limits_of.end() ? INT64_MAX : offer->second.first);
      sqlite3_bind_int(insert, 4, offer == limits_of.end() ? INT32_MAX : offer->second.second);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec("COMMIT");
  }
  void exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      std::fprintf(stderr, "fts5: %s\n", error ? error : "?");
      std::exit(1);
    }
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
  sqlite3_stmt* filtered_ = nullptr;
};

std::string flag(int argc, char** argv, const char* name, const char* fallback) {
  std::string prefix = std::string("--") + name + "=";
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], prefix.c_str(), prefix.size()) == 0) return argv[i] + prefix.size();
    if (std::strcmp(argv[i], (std::string("--") + name).c_str()) == 0) return "1";
  }
  return fallback;
}

std::string default_queries_path() {
  return (std::filesystem::path(__FILE__).parent_path() / "search_eval_queries.tsv").string();
}

// The process's CPU time: a sharded index runs one query on several threads, and all their
// work counts (nothing else in this program runs while a query is timed).
double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Wall time, and the CPU time of the query's threads: on a shared, overloaded machine the wall
// time also counts the time other processes held the cores; the CPU time is the query's work.
struct Series {
  std::vector<double> wall, cpu;
  template <typename F>
  void time(F&& f) {
    double c = process_cpu_ms();
    auto t = SteadyClock::now();
    f();
    wall.push_back(seconds_since(t) * 1000);
    cpu.push_back(process_cpu_ms() - c);
  }
};

struct Latencies {
  Series xapian, fts5, xapian_filtered, fts5_filtered, analyse;
};

void print_pair(const char* what, const Series& x, const Series& f) {
  for (int kind = 0; kind < 2; ++kind) {
    const std::vector<double>& xv = kind == 0 ? x.wall : x.cpu;
    const std::vector<double>& fv = kind == 0 ? f.wall : f.cpu;
    std::printf(
        "%-34s %-4s Xapian p50 %6.2f p99 %6.2f | FTS5 p50 %6.2f p99 %6.2f | FTS5/Xapian p50 %.1fx "
        "p99 %.1fx\n",
        what, kind == 0 ? "wall" : "cpu", percentile(xv, 0.5), percentile(xv, 0.99),
        percentile(fv, 0.5), percentile(fv, 0.99), percentile(fv, 0.5) / percentile(xv, 0.5),
        percentile(fv, 0.99) / percentile(xv, 0.99));
  }
}

struct Relevance {
  std::map<std::string, std::vector<double>> ndcg_x, ndcg_f, recall_x, recall_f;
  void add(const std::vector<std::string>& keys, const std::vector<std::string>& xr,
           const std::vector<std::string>& fr, const Judged& j) {
    for (const std::string& key : keys) {
      ndcg_x[key].push_back(ndcg10(xr, j));
      ndcg_f[key].push_back(ndcg10(fr, j));
      recall_x[key].push_back(recall50(xr, j));
      recall_f[key].push_back(recall50(fr, j));
    }
  }
};

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

SearchQuery search_query(const EvalQuery& q, bool filtered) {
  SearchQuery sq;
  sq.text = q.text;
  sq.lang = q.lang;  // the buyer's locale, as the CLI passes it
  sq.limit = filtered ? 10 : 50;
  if (filtered) {
    sq.quantity = kFilterQuantity;
    sq.max_lead_time_days = kFilterLeadDays;
  }
  return sq;
}

// One query's top 10 in both engines: grade, leaf category, material, title.
void show_top10(const EvalQuery& q, const SearchResponse& response,
                const std::vector<std::size_t>& fts_rows, const Catalog& catalog, const Judged& j) {
  std::printf("== %s (%s) \"%s\": %d relevant\n", q.id.c_str(), q.lang.c_str(), q.text.c_str(),
              j.relevant);
  auto line = [&](const char* engine, std::size_t rank, std::size_t index, const char* score) {
    const Product& p = catalog.products()[index];
    auto grade = j.grade.find(p.id);
    auto material = p.attributes.find("material");
    std::printf("  %s %2zu  grade %d  %s  [%s | %s]  %s\n", engine, rank + 1,
                grade == j.grade.end() ? 0 : grade->second, score, p.category_path.back().c_str(),
                material == p.attributes.end() ? "" : material->second.c_str(),
                p.title().substr(0, 70).c_str());
  };
  for (std::size_t i = 0; i < std::min<std::size_t>(10, response.results.size()); ++i) {
    char score[64];
    std::snprintf(score, sizeof score, "text %.3f score %.3f", response.results[i].text_score,
                  response.results[i].score);
    line("X", i, response.results[i].index, score);
  }
  for (std::size_t i = 0; i < std::min<std::size_t>(10, fts_rows.size()); ++i)
    line("F", i, fts_rows[i], "");
}

}  // namespace

int main(int argc, char** argv) {
  DemoOptions options;
  options.products = std::atoll(flag(argc, argv, "products", "5000").c_str());
  int repeat = std::atoi(flag(argc, argv, "repeat", "3").c_str());
  std::string queries_out = flag(argc, argv, "write-queries", "");
  std::string queries_in = flag(argc, argv, "queries", default_queries_path().c_str());
  std::string work = flag(argc, argv, "workdir", "/tmp");
  bool keep = flag(argc, argv, "keep-index", "") == "1";
  bool xapian_only = flag(argc, argv, "xapian-only", "") == "1";
  // One line per judged query (id, language, nDCG@10 of each engine, text), to see which
  // queries an analysis change moved.
  std::string per_query_out = flag(argc, argv, "per-query", "");
  std::set<std::string> show;
  {
    std::stringstream ids(flag(argc, argv, "show", ""));
    for (std::string id; std::getline(ids, id, ',');) show.insert(id);
  }
  Glossary glossary = Glossary::load_default().value();
  std::printf("load average at start: %s",
              [] {
                std::ifstream in("/proc/loadavg");
                std::string s;
                std::getline(in, s);
                return s + "\n";
              }()
                  .c_str());

  auto t0 = SteadyClock::now();
  Catalog catalog = demo_marketplace(options, glossary).value();
  double generate_s = seconds_since(t0);
  long rss_catalog = memory_kb("VmRSS:");

  t0 = SteadyClock::now();
  IndexOptions index_options;
  index_options.directory =
      work + "/kontor-search-bench-" + std::to_string(options.products) + ".xapian";
  index_options.reuse = keep;
  auto index = SearchIndex::build(catalog, glossary, index_options).value();
  double xapian_s = seconds_since(t0);
  long rss_xapian = memory_kb("VmRSS:");

  t0 = SteadyClock::now();
  Fts5Baseline fts;
  std::string fts_path = work + "/kontor-search-bench-" + std::to_string(options.products) + "-" +
                         analysis_digest(catalog, *index) + ".fts5";
  bool fts_fresh = !xapian_only && fts.build(catalog, *index, fts_path, keep);
  double fts_s = seconds_since(t0);
  long rss_fts = memory_kb("VmRSS:");

  std::vector<std::string> concept_of, material_of;
  for (const Product& p : catalog.products()) {
    concept_of.push_back(product_concept_of(p, glossary));
    material_of.push_back(material_concept_of(p, glossary));
  }
  if (!queries_out.empty()) write_queries(queries_out, make_queries(catalog, glossary));
  std::vector<EvalQuery> queries = read_queries(queries_in);

  // Warm-up: the first query of a language loads its FreeDict dictionary (up to ~1 s for deu-eng).
  for (const EvalQuery& q : queries) (void)index->search(search_query(q, false)).value();

  Latencies lat;
  Relevance rel;
  // CPU ms of each query in each cell, with what it asked (pass, language, text, terms, matches).
  std::vector<std::pair<double, std::string>> slowest, slowest_filtered;
  auto what = [](int pass, const EvalQuery& q, const SearchResponse& r) {
    return "pass " + std::to_string(pass + 1) + "  " + q.lang + " " + q.text + " (" +
           std::to_string(r.terms.size()) + " terms, ~" + std::to_string(r.matches_estimated) +
           " matches)";
  };
  std::size_t judged = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> per_query_file(
      per_query_out.empty() ? nullptr : std::fopen(per_query_out.c_str(), "w"), &std::fclose);
  std::FILE* per_query = per_query_file.get();
  for (int pass = 0; pass < repeat; ++pass) {
    for (const EvalQuery& q : queries) {
      SearchResponse response;
      std::vector<std::size_t> fts_rows;
      lat.xapian.time([&] { response = index->search(search_query(q, false)).value(); });
      slowest.push_back({lat.xapian.cpu.back(), what(pass, q, response)});
      if (!xapian_only) {
        lat.fts5.time([&] {
          fts_rows = fts.search(index->analyse(search_query(q, false)).second, 50, false);
        });
      }
      lat.analyse.time([&] { (void)index->analyse(search_query(q, false)); });
      SearchResponse filtered;
      lat.xapian_filtered.time([&] { filtered = index->search(search_query(q, true)).value(); });
      slowest_filtered.push_back({lat.xapian_filtered.cpu.back(), what(pass, q, filtered)});
      if (!xapian_only) {
        lat.fts5_filtered.time(
            [&] { (void)fts.search(index->analyse(search_query(q, true)).second, 10, true); });
      }
      if (pass > 0) continue;
      Judged j = judge(q, catalog, concept_of, material_of);
      if (j.relevant == 0) continue;  // the concept is absent at this size
      ++judged;
      std::vector<std::string> xr, fr;
      for (const SearchResult& r : response.results) xr.push_back(r.product_id);
      for (std::size_t row : fts_rows) fr.push_back(catalog.products()[row].id);
      rel.add({q.lang, q.set(), "all"}, xr, fr, j);
      if (per_query) {
        std::fprintf(per_query, "%s\t%s\t%.3f\t%.3f\t%s\n", q.id.c_str(), q.lang.c_str(),
                     ndcg10(xr, j), ndcg10(fr, j), q.text.c_str());
      }
      if (show.count(q.id)) show_top10(q, response, fts_rows, catalog, j);
    }
  }
  std::printf("products %lld  suppliers %zu  queries %zu (%zu judged) x %d passes\n",
              static_cast<long long>(options.products), catalog.suppliers().size(), queries.size(),
              judged, repeat);
  std::printf(
      "generate %.1f s; RSS after catalog %ld MB, after Xapian %ld MB, after FTS5 %ld MB, peak %ld "
      "MB\n",
      generate_s, rss_catalog / 1024, rss_xapian / 1024, rss_fts / 1024,
      memory_kb("VmHWM:") / 1024);
  std::printf("index build: Xapian %.1f s (%.0f products/s)%s  FTS5 %.1f s (%.0f products/s)%s\n",
              xapian_s, static_cast<double>(options.products) / xapian_s,
              keep ? " [--keep-index: may be reused]" : "", fts_s,
              static_cast<double>(options.products) / fts_s, fts_fresh ? "" : " [reused]");
  std::printf("index on disk: Xapian %.0f MB  FTS5 %.0f MB\n", disk_mb(index_options.directory),
              disk_mb(fts_path));
  std::printf("query analysis alone (language, glossary, FreeDict): cpu p50 %.3f p99 %.3f ms\n",
              percentile(lat.analyse.cpu, 0.5), percentile(lat.analyse.cpu, 0.99));
  std::printf("latency in ms over %zu queries each:\n", lat.xapian.wall.size());
  print_pair("top 50, no filters", lat.xapian, lat.fts5);
  char filtered[64];
  std::snprintf(filtered, sizeof filtered, "top 10, MOQ <= %lld, lead <= %d d",
                static_cast<long long>(kFilterQuantity), kFilterLeadDays);
  print_pair(filtered, lat.xapian_filtered, lat.fts5_filtered);
  for (auto* list : {&slowest, &slowest_filtered}) {
    std::sort(list->rbegin(), list->rend());
    for (std::size_t i = 0; i < std::min<std::size_t>(list->size(), 12); ++i) {
      std::printf("slow%s: %6.2f ms cpu  %s\n", list == &slowest ? "" : " (filtered)",
                  (*list)[i].first, (*list)[i].second.c_str());
    }
  }
  std::printf("%-9s %5s  %9s %9s  %9s %9s\n", "set/lang", "n", "nDCG@10 X", "nDCG@10 F", "R@50 X",
              "R@50 F");
  for (const auto& [key, v] : rel.ndcg_x) {
    std::printf("%-9s %5zu  %9.3f %9.3f  %9.3f %9.3f\n", key.c_str(), v.size(), mean(v),
                mean(rel.ndcg_f[key]), mean(rel.recall_x[key]), mean(rel.recall_f[key]));
  }
  return 0;
}
