// HS classification batches: reads the HSCodeComp JSONL format as published (one listing per
// line: product_name, product_attributes as a JSON string, cate_lv1..5_desc and _cn, hs_code,
// task_id) and the ATLAS CROSS-rulings chat format, and writes one JSON line per item with
// task_id and candidates[] {hs6, hs10, confidence, rationale}. A malformed line is an error
// naming the file, the line and the reason; nothing is written for a batch that has one.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "compliance/hs_classifier.h"
#include "core/status.h"

namespace kontor::compliance {

struct HsBatchItem {
  std::string task_id;  // as given ("12" for the number 12)
  bool task_id_is_number = false;
  ProductText product;
  std::vector<std::string> gold_codes;  // digits; empty when the line has no answer
};

// One HSCodeComp line. `where` ("dev.jsonl line 7") prefixes error messages.
StatusOr<HsBatchItem> parse_hscodecomp_line(std::string_view line, std::string_view where);
// Every non-blank line of an HSCodeComp file; the first bad line fails the whole read.
StatusOr<std::vector<HsBatchItem>> read_hscodecomp_jsonl(const std::string& path);
// The ATLAS rulings file: the question's product text and the ruling's code(s).
StatusOr<std::vector<HsBatchItem>> read_atlas_jsonl(const std::string& path);

// The labelled listings of the development sets under `bench_dir`
// (hscodecomp/dev.jsonl, atlas_cross_rulings/atlas_validation.jsonl); a missing file gives no
// items, a malformed one an error.
StatusOr<std::vector<LabeledProduct>> load_development_sets(const std::string& bench_dir);
// The files load_development_sets reads (whether they exist or not).
std::vector<std::string> development_set_paths(const std::string& bench_dir);
std::vector<LabeledProduct> to_labeled(const std::vector<HsBatchItem>& items);

// {"task_id":… (omitted when
// empty),"candidates":[{"hs6","hs10","confidence","description","rationale"}],
//  "needs_human":…,"question":{"field","text","options","candidates"}} on one line, without the
// newline; "question" only when needs_human.
std::string classification_json_line(const HsBatchItem& item, const Classification& result);

// Reads an HSCodeComp JSONL stream, classifies every item and writes one JSON line each.
// `name` is used in error messages. Validates the whole input before writing anything.
Status classify_batch(const HsClassifier& classifier, std::istream& in, std::string_view name,
                      std::ostream& out, int k = 3);

}  // namespace kontor::compliance
