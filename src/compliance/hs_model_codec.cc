// The trained HS classifier as bytes and back (HsClassifier::to_bytes / from_bytes), so that a
// process can reuse what an earlier one learned instead of training again (crew/engines.cc
// keeps it in the cache folder). Little-endian fixed-width numbers, length-prefixed strings
// and containers; every read is bounds-checked, so a truncated or corrupt blob is an error,
// never a crash or a half-filled model.
#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "compliance/hs_classifier.h"
#include "compliance/hs_model.h"
#include "core/fingerprint.h"

namespace kontor::compliance {
namespace {

static_assert(std::endian::native == std::endian::little, "the blob is written as is");

// Bump whenever the model's fields, their meaning or the training (build_index, learn_model,
// the calibration, product_terms and the text analysis) change: a blob of another format is
// rejected and the classifier trained again.
constexpr std::string_view kFormat = "kontor-hs-model-2";

#if defined(__x86_64__) && defined(__GLIBCXX__)
// A new field must be written and read below (and kFormat bumped): these catch one added
// without that.
static_assert(sizeof(HsModelOptions) == 136, "serialise the new option");
static_assert(sizeof(NomenclatureIndex) == 672, "serialise the new index field");
static_assert(sizeof(HsClassifier::Model) == 832, "serialise the new model field");
static_assert(sizeof(CandidateFacts) == 12, "serialise the new fact");
#endif

class Writer {
 public:
  template <class T>
  requires std::is_arithmetic_v<T>
  void put(T v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void put(const std::string& s) {
    put<std::uint64_t>(s.size());
    out_.append(s);
  }
  template <class A, class B>
  void put(const std::pair<A, B>& p) {
    put(p.first);
    put(p.second);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    put<std::uint64_t>(v.size());
    for (const T& x : v) put(x);
  }
  template <class K, class V>
  void put(const std::unordered_map<K, V>& m) {
    put<std::uint64_t>(m.size());
    for (const auto& [k, v] : m) {
      put(k);
      put(v);
    }
  }
  void put(const CandidateFacts& f) {
    put(f.materials);
    put(f.knit);
    put(f.parts_only);
    put(f.raw_state);
  }
  void put(const NationalOption& o) {
    put(o.code);
    put(o.description);
    put(o.terms);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; after the first short read every get() fails and ok() is false.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

  template <class T>
  requires std::is_arithmetic_v<T>
  bool get(T& v) {
    if (!take(sizeof(T))) return false;
    std::memcpy(&v, taken_.data(), sizeof(T));
    return true;
  }
  bool get(std::string& s) {
    std::uint64_t n = 0;
    if (!get(n) || !take(n)) return false;
    s.assign(taken_);
    return true;
  }
  template <class A, class B>
  bool get(std::pair<A, B>& p) {
    return get(p.first) && get(p.second);
  }
  template <class T>
  bool get(std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!get(n) || n > in_.size()) return fail();  // every element takes at least a byte
    v.clear();
    v.resize(n);
    for (T& x : v) {
      if (!get(x)) return false;
    }
    return true;
  }
  template <class K, class V>
  bool get(std::unordered_map<K, V>& m) {
    std::uint64_t n = 0;
    if (!get(n) || n > in_.size()) return fail();
    m.clear();
    m.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
      K k;
      V v;
      if (!get(k) || !get(v)) return false;
      m.emplace(std::move(k), std::move(v));
    }
    return true;
  }
  bool get(CandidateFacts& f) {
    return get(f.materials) && get(f.knit) && get(f.parts_only) && get(f.raw_state);
  }
  bool get(NationalOption& o) { return get(o.code) && get(o.description) && get(o.terms); }

 private:
  bool fail() {
    ok_ = false;
    in_ = {};
    return false;
  }
  bool take(std::uint64_t n) {
    if (!ok_ || n > in_.size()) return fail();
    taken_ = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  std::string_view in_, taken_;
  bool ok_ = true;
};

// Options, index and model share one field list for writing and reading: `io` is a Writer
// (put) or a Reader (get).
template <class Io, class Options>
void options_fields(Io& io, Options& o) {
  io(o.item_weight, o.heading_share, o.chapter_share, o.nomenclature_weight, o.national_weight,
     o.listing_reliability, o.bm25_k1, o.bm25_b, o.prior_weight, o.rule_weight, o.category_weight,
     o.head_weight, o.neighbor_weight, o.neighbors, o.temperature, o.escalation_threshold,
     o.calibration_folds, o.calibration_features);
}

template <class Io, class Index>
void index_fields(Io& io, Index& x) {
  io(x.hs6, x.description, x.heading_of, x.chapter_of, x.headings, x.chapters, x.texts, x.class_of,
     x.heading_index, x.chapter_index, x.heading_classes, x.chapter_classes, x.postings, x.mass,
     x.average_mass, x.totals, x.total, x.facts, x.national, x.national_idf);
}

template <class Io, class Model>
void model_fields(Io& io, Model& m) {
  io(m.items6, m.items4, m.items2, m.mass6, m.mass4, m.mass2, m.item_totals, m.item_df,
     m.average_mass6, m.average_mass4, m.average_mass2, m.item_total, m.log_prior, m.count6,
     m.count4, m.count2, m.hs10_count, m.listing_postings, m.listing_class, m.listing_mass,
     m.average_listing_mass, m.training_size, m.calib);
}

struct Put {
  Writer& w;
  template <class... T>
  void operator()(const T&... fields) {
    (w.put(fields), ...);
  }
};
struct Get {
  Reader& r;
  template <class... T>
  void operator()(T&... fields) {
    (r.get(fields) && ...);
  }
};

}  // namespace

std::string HsClassifier::to_bytes() const {
  Writer w;
  w.put(std::string(kFormat));
  Put put{w};
  options_fields(put, model_->options);
  index_fields(put, *model_->index);
  model_fields(put, *model_);
  return w.take();
}

StatusOr<HsClassifier> HsClassifier::from_bytes(std::string_view bytes) {
  Reader r(bytes);
  std::string format;
  if (!r.get(format) || format != kFormat) {
    return data_loss("HS classifier blob: not of format " + std::string(kFormat));
  }
  auto model = std::make_unique<Model>();
  auto index = std::make_shared<NomenclatureIndex>();
  Get get{r};
  options_fields(get, model->options);
  index_fields(get, *index);
  model_fields(get, *model);
  if (!r.ok() || !r.at_end()) return data_loss("HS classifier blob: truncated or corrupt");
  // What classify() indexes by class, heading or chapter must agree in size, so that a blob
  // whose lengths were damaged cannot read out of bounds.
  const std::size_t classes = index->hs6.size();
  bool consistent =
      classes > 0 && index->description.size() == classes && index->heading_of.size() == classes &&
      index->chapter_of.size() == classes && index->facts.size() == classes &&
      index->national.size() == classes && index->mass.size() == classes &&
      model->log_prior.size() == classes && model->count6.size() == classes &&
      model->mass6.size() == classes && index->heading_classes.size() == index->headings.size() &&
      index->chapter_classes.size() == index->chapters.size() &&
      model->count4.size() == index->headings.size() &&
      model->mass4.size() == index->headings.size() &&
      model->count2.size() == index->chapters.size() &&
      model->mass2.size() == index->chapters.size() &&
      model->listing_class.size() == model->listing_mass.size() &&
      model->calib.size() == static_cast<std::size_t>(model->options.calibration_features) + 1;
  auto within = [](int v, std::size_t n) { return v >= 0 && static_cast<std::size_t>(v) < n; };
  for (std::size_t c = 0; consistent && c < classes; ++c) {
    consistent = within(index->heading_of[c], index->headings.size()) &&
                 within(index->chapter_of[c], index->chapters.size()) &&
                 index->hs6[c].size() == 6 && index->texts.contains(index->hs6[c].substr(0, 4));
  }
  auto postings_within = [&](const Postings& p, std::size_t n) {
    for (const auto& [term, list] : p) {
      for (const auto& [i, count] : list) {
        if (!within(i, n)) return false;
      }
    }
    return true;
  };
  auto lists_within = [&](const std::vector<std::vector<int>>& lists) {
    for (const auto& list : lists) {
      for (int c : list) {
        if (!within(c, classes)) return false;
      }
    }
    return true;
  };
  consistent = consistent && postings_within(index->postings, classes) &&
               postings_within(model->items6, classes) &&
               postings_within(model->items4, index->headings.size()) &&
               postings_within(model->items2, index->chapters.size()) &&
               postings_within(model->listing_postings, model->listing_class.size()) &&
               lists_within(index->heading_classes) && lists_within(index->chapter_classes);
  for (std::size_t d = 0; consistent && d < model->listing_class.size(); ++d) {
    consistent = model->listing_class[d] == -1 || within(model->listing_class[d], classes);
  }
  for (const auto& [code, c] : index->class_of) consistent = consistent && within(c, classes);
  if (!consistent) return data_loss("HS classifier blob: inconsistent sizes");
  model->index = std::move(index);
  return HsClassifier(std::move(model));
}

std::string HsClassifier::model_key(const HsModelOptions& options) {
  Writer w;
  w.put(std::string(kFormat));
  Put put{w};
  options_fields(put, options);
  return Fingerprint().add(w.take()).hex();
}

}  // namespace kontor::compliance
