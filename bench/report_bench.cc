// Rendering one case report (the sample case of tests/report: 3 suppliers, 6 supplier × mode
// options, 4 requirements, 9 cash-flow entries, 3 SVG charts) in each format.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/document.h"
#include "report/report.h"

namespace {

const kontor::report::CaseView& sample_case() {
  static const kontor::report::CaseView view = [] {
    std::ifstream in(std::filesystem::path(__FILE__).parent_path() /
                     "../tests/report/sample_case.json");
    std::stringstream text;
    text << in.rdbuf();
    return *kontor::report::case_view_from_json(nlohmann::json::parse(text.str()));
  }();
  return view;
}

void BM_BuildDocument(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(kontor::report::build_document(sample_case()));
}
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMicrosecond);

void BM_RenderHtml(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string html = kontor::report::render_html(sample_case());
    bytes = html.size();
    benchmark::DoNotOptimize(html);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderHtml)->Unit(benchmark::kMicrosecond);

void BM_RenderMarkdown(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(kontor::report::render_markdown(sample_case()));
}
BENCHMARK(BM_RenderMarkdown)->Unit(benchmark::kMicrosecond);

void BM_RenderJson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(kontor::report::render_json(sample_case()));
}
BENCHMARK(BM_RenderJson)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
