#include "compliance/hs_jsonl.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

namespace kontor::compliance {
namespace {

using nlohmann::json;

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

std::string text_field(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// product_attributes is a JSON object serialised into a string; an object is accepted too.
Status read_attributes(const json& j, std::string_view where, ProductText& product) {
  auto it = j.find("product_attributes");
  if (it == j.end() || it->is_null()) return ok_status();
  json attrs;
  if (it->is_string()) {
    if (it->get<std::string>().empty()) return ok_status();
    attrs = json::parse(it->get<std::string>(), nullptr, false);
    if (attrs.is_discarded()) {
      return invalid_argument(std::string(where) +
                              ", field 'product_attributes': not a JSON object in a string");
    }
  } else {
    attrs = *it;
  }
  if (!attrs.is_object()) {
    return invalid_argument(std::string(where) + ", field 'product_attributes': not an object");
  }
  for (const auto& [key, value] : attrs.items()) {
    product.attributes.emplace_back(key,
                                    value.is_string() ? value.get<std::string>() : value.dump());
  }
  return ok_status();
}

Status parse_gold(const json& j, std::string_view where, HsBatchItem& item) {
  auto it = j.find("hs_code");
  if (it == j.end() || it->is_null()) return ok_status();
  std::string code;
  if (it->is_number_integer() || it->is_number_unsigned()) {
    code = std::to_string(it->get<std::uint64_t>());
    // Published as an integer: chapters 01–09 lose their leading zero.
    if (code.size() == 9 || code.size() == 5 || code.size() == 7) code.insert(0, "0");
  } else if (it->is_string()) {
    code = digits_of(it->get<std::string>());
  }
  if (code.size() < 6) {
    return invalid_argument(std::string(where) + ", field 'hs_code': '" + it->dump() +
                            "' is not an HS code of 6 to 10 digits");
  }
  item.gold_codes.push_back(code);
  return ok_status();
}

template <typename Parse>
StatusOr<std::vector<HsBatchItem>> read_lines(std::istream& in, std::string_view name,
                                              Parse parse) {
  std::vector<HsBatchItem> items;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ASSIGN_OR_RETURN(HsBatchItem item,
                     parse(line, std::string(name) + " line " + std::to_string(number), number));
    items.push_back(std::move(item));
  }
  return items;
}

StatusOr<HsBatchItem> parse_atlas_line(std::string_view line, std::string_view where,
                                       std::size_t number) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("messages") || !j["messages"].is_array() ||
      j["messages"].size() < 2) {
    return invalid_argument(std::string(where) + ": expected {\"messages\":[user, assistant]}");
  }
  HsBatchItem item;
  char id[32];
  std::snprintf(id, sizeof id, "%04zu", number - 1);
  item.task_id = id;
  std::string question = text_field(j["messages"][0], "content");
  const std::string prefix = "What is the HTS US Code for ";
  if (question.starts_with(prefix)) question.erase(0, prefix.size());
  if (!question.empty() && question.back() == '?') question.pop_back();
  item.product.title = question;
  const std::string answer = text_field(j["messages"][1], "content");
  const std::string first = answer.substr(0, answer.find('\n'));
  std::string code;
  for (char c : first + " ") {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      code.push_back(c);
    } else if (c != '.') {
      if (code.size() >= 6) item.gold_codes.push_back(code);
      code.clear();
    }
  }
  if (item.gold_codes.empty()) {
    return invalid_argument(std::string(where) + ": no HTS code in the answer '" + first + "'");
  }
  return item;
}

}  // namespace

StatusOr<HsBatchItem> parse_hscodecomp_line(std::string_view line, std::string_view where) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded()) return invalid_argument(std::string(where) + ": not valid JSON");
  if (!j.is_object()) return invalid_argument(std::string(where) + ": not a JSON object");
  HsBatchItem item;
  auto id = j.find("task_id");
  if (id == j.end() || !(id->is_number_integer() || id->is_string())) {
    return invalid_argument(std::string(where) + ", field 'task_id': missing");
  }
  item.task_id_is_number = id->is_number_integer();
  item.task_id = id->is_string() ? id->get<std::string>() : std::to_string(id->get<long long>());
  auto name = j.find("product_name");
  if (name == j.end() || !name->is_string()) {
    return invalid_argument(std::string(where) + ", field 'product_name': missing or not text");
  }
  item.product.title = name->get<std::string>();
  item.product.description = text_field(j, "product_description");
  RETURN_IF_ERROR(read_attributes(j, where, item.product));
  for (int level = 1; level <= 5; ++level) {
    const std::string key = "cate_lv" + std::to_string(level) + "_desc";
    for (const std::string& k : {key, key + "_cn"}) {
      std::string v = text_field(j, k.c_str());
      if (!v.empty()) item.product.category_path.push_back(std::move(v));
    }
  }
  RETURN_IF_ERROR(parse_gold(j, where, item));
  return item;
}

StatusOr<std::vector<HsBatchItem>> read_hscodecomp_jsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) return not_found("cannot open " + path);
  return read_lines(in, path, [](const std::string& line, const std::string& where, std::size_t) {
    return parse_hscodecomp_line(line, where);
  });
}

StatusOr<std::vector<HsBatchItem>> read_atlas_jsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) return not_found("cannot open " + path);
  return read_lines(in, path, parse_atlas_line);
}

std::vector<LabeledProduct> to_labeled(const std::vector<HsBatchItem>& items) {
  std::vector<LabeledProduct> out;
  for (const HsBatchItem& item : items) {
    if (!item.gold_codes.empty()) out.push_back({item.product, item.gold_codes});
  }
  return out;
}

std::vector<std::string> development_set_paths(const std::string& bench_dir) {
  return {bench_dir + "/hscodecomp/dev.jsonl",
          bench_dir + "/atlas_cross_rulings/atlas_validation.jsonl"};
}

StatusOr<std::vector<LabeledProduct>> load_development_sets(const std::string& bench_dir) {
  std::vector<LabeledProduct> out;
  const std::vector<std::string> paths = development_set_paths(bench_dir);
  const std::string& hscodecomp = paths[0];
  const std::string& atlas = paths[1];
  if (std::filesystem::exists(hscodecomp)) {
    ASSIGN_OR_RETURN(auto items, read_hscodecomp_jsonl(hscodecomp));
    for (auto& l : to_labeled(items)) out.push_back(std::move(l));
  }
  if (std::filesystem::exists(atlas)) {
    ASSIGN_OR_RETURN(auto items, read_atlas_jsonl(atlas));
    for (auto& l : to_labeled(items)) out.push_back(std::move(l));
  }
  return out;
}

std::string classification_json_line(const HsBatchItem& item, const Classification& result) {
  nlohmann::ordered_json j;
  if (item.task_id_is_number) {
    j["task_id"] = std::stoll(item.task_id);
  } else if (!item.task_id.empty()) {
    j["task_id"] = item.task_id;
  }
  auto candidates = nlohmann::ordered_json::array();
  for (const HsCandidate& c : result.candidates) {
    nlohmann::ordered_json cj;
    cj["hs6"] = c.hs6;
    if (!c.hs10.empty()) cj["hs10"] = c.hs10;
    cj["confidence"] = std::round(c.confidence * 1000) / 1000;
    cj["description"] = c.description;
    std::string rationale;
    for (const std::string& r : c.rationale) rationale += (rationale.empty() ? "" : "; ") + r;
    cj["rationale"] = rationale;
    candidates.push_back(std::move(cj));
  }
  j["candidates"] = std::move(candidates);
  j["needs_human"] = result.needs_human;
  if (result.needs_human) {
    nlohmann::ordered_json q;
    q["field"] = result.question.field;
    q["text"] = result.question.text;
    q["options"] = result.question.options;
    q["candidates"] = result.asked_about;
    j["question"] = std::move(q);
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status classify_batch(const HsClassifier& classifier, std::istream& in, std::string_view name,
                      std::ostream& out, int k) {
  ASSIGN_OR_RETURN(
      auto items,
      read_lines(in, name, [](const std::string& line, const std::string& where, std::size_t) {
        return parse_hscodecomp_line(line, where);
      }));
  for (const HsBatchItem& item : items) {
    out << classification_json_line(item, classifier.classify(item.product, k)) << '\n';
  }
  return ok_status();
}

}  // namespace kontor::compliance
