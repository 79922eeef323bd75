// PDF rendering of the trade documents with cairo's PDF surface and pango for text layout
// (wrapping, alignment, font fallback). A4 portrait in points; the line table repeats its
// header on every page. Text stays text in the PDF, so it can be searched and extracted.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "compliance/documents.h"
#include "compliance/documents_layout.h"

namespace kontor::compliance {
namespace {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 40;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kPad = 3;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct CairoDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(PangoContext* p) const { g_object_unref(p); }
  void operator()(PangoLayout* l) const { g_object_unref(l); }
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
template <typename T>
using Owned = std::unique_ptr<T, CairoDeleter>;

enum class Align { kLeft, kRight };

class PdfPage {
 public:
  PdfPage(cairo_t* cr, std::string footer) : cr_(cr), footer_(std::move(footer)) {
    context_.reset(pango_cairo_create_context(cr_));
    pango_cairo_context_set_resolution(context_.get(), 72);  // font sizes in points
  }

  // Lays out text in a box of `width`; returns its height without drawing when !draw.
  double text(double x, double y, double width, const std::string& s, const char* font,
              Align align = Align::kLeft, bool draw = true) {
    Owned<PangoLayout> layout(pango_layout_new(context_.get()));
    Owned<PangoFontDescription> desc(pango_font_description_from_string(font));
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(),
                               align == Align::kRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout.get(), s.c_str(), static_cast<int>(s.size()));
    int w = 0;
    int h = 0;
    pango_layout_get_pixel_size(layout.get(), &w, &h);
    if (draw) {
      cairo_move_to(cr_, x, y);
      pango_cairo_show_layout(cr_, layout.get());
    }
    return h;
  }

  void rect(double x, double y, double w, double h, bool fill) {
    cairo_rectangle(cr_, x, y, w, h);
    if (fill) {
      cairo_set_source_rgb(cr_, 0.92, 0.92, 0.92);
      cairo_fill_preserve(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
    }
    cairo_set_line_width(cr_, 0.5);
    cairo_stroke(cr_);
  }

  // Starts a new page when `needed` points do not fit; returns true when it did.
  bool ensure(double needed) {
    if (y_ + needed <= kPageHeight - kMargin - 14) return false;
    finish_page();
    cairo_show_page(cr_);
    y_ = kMargin;
    return true;
  }

  void finish_page() {
    ++page_;
    text(kMargin, kPageHeight - kMargin + 4, kContentWidth,
         footer_ + " — page " + std::to_string(page_), "DejaVu Sans 7");
  }

  double& y() { return y_; }

 private:
  cairo_t* cr_;
  Owned<PangoContext> context_;
  std::string footer_;
  double y_ = kMargin;
  int page_ = 0;
};

void draw_header(PdfPage& page, const detail::DocumentView& v) {
  page.y() += page.text(kMargin, page.y(), kContentWidth, v.title, "DejaVu Sans Bold 16") + 8;
  for (const auto& [key, value] : v.fields) {
    page.text(kMargin, page.y(), 110, key, "DejaVu Sans 9");
    page.y() += page.text(kMargin + 115, page.y(), kContentWidth - 115, value, "DejaVu Sans 9") + 1;
  }
  page.y() += 8;
  double box = kContentWidth / static_cast<double>(v.parties.size());
  double tallest = 0;
  for (const auto& [label, block] : v.parties) {
    double h = page.text(0, 0, box - 2 * kPad, label, "DejaVu Sans Bold 9", Align::kLeft, false) +
               page.text(0, 0, box - 2 * kPad, block, "DejaVu Sans 9", Align::kLeft, false);
    tallest = std::max(tallest, h);
  }
  for (std::size_t i = 0; i < v.parties.size(); ++i) {
    double x = kMargin + box * static_cast<double>(i);
    double h = page.text(x + kPad, page.y() + kPad, box - 2 * kPad, v.parties[i].first,
                         "DejaVu Sans Bold 9");
    page.text(x + kPad, page.y() + kPad + h, box - 2 * kPad, v.parties[i].second, "DejaVu Sans 9");
    page.rect(x, page.y(), box, tallest + 2 * kPad, false);
  }
  page.y() += tallest + 2 * kPad + 10;
}

std::vector<double> column_widths(const detail::DocumentView& v) {
  double sum = 0;
  for (double w : v.widths) sum += w;
  std::vector<double> out;
  for (double w : v.widths) out.push_back(kContentWidth * w / sum);
  return out;
}

// One table row (header when `header`); measures first so that a row never splits.
void draw_row(PdfPage& page, const detail::DocumentView& v, const std::vector<std::string>& cells,
              bool header) {
  std::vector<double> widths = column_widths(v);
  const char* font = header ? "DejaVu Sans Bold 7.5" : "DejaVu Sans 7.5";
  double height = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    height = std::max(height,
                      page.text(0, 0, widths[c] - 2 * kPad, cells[c], font, Align::kLeft, false));
  }
  height += 2 * kPad;
  if (!header && page.ensure(height)) draw_row(page, v, v.headers, true);
  double x = kMargin;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    page.rect(x, page.y(), widths[c], height, header);
    page.text(x + kPad, page.y() + kPad, widths[c] - 2 * kPad, cells[c], font,
              v.numeric[c] ? Align::kRight : Align::kLeft);
    x += widths[c];
  }
  page.y() += height;
}

void draw_footer(PdfPage& page, const detail::DocumentView& v, const std::string& seller) {
  page.y() += 8;
  for (const auto& [label, value] : v.totals) {
    page.ensure(14);
    page.text(kMargin + kContentWidth - 300, page.y(), 170, label, "DejaVu Sans Bold 9",
              Align::kRight);
    page.y() += page.text(kMargin + kContentWidth - 125, page.y(), 125, value, "DejaVu Sans 9",
                          Align::kRight) +
                2;
  }
  page.y() += 14;
  page.ensure(60);
  page.y() += page.text(kMargin, page.y(), kContentWidth, v.declaration, "DejaVu Sans 8") + 30;
  page.text(kMargin, page.y(), 200, "Signature, name and date — " + seller, "DejaVu Sans 7");
}

}  // namespace

StatusOr<std::string> TradeDocuments::to_pdf(DocumentKind kind) const {
  detail::DocumentView v = detail::document_view(*this, kind);
  std::string bytes;
  Owned<cairo_surface_t> surface(
      cairo_pdf_surface_create_for_stream(append_bytes, &bytes, kPageWidth, kPageHeight));
  std::string title = v.title + " " + shipment_.invoice_number;
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Kontor");
  {
    Owned<cairo_t> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    PdfPage page(cr.get(), title);
    draw_header(page, v);
    draw_row(page, v, v.headers, true);
    for (const auto& row : v.rows) draw_row(page, v, row, false);
    draw_footer(page, v, shipment_.seller.name);
    page.finish_page();  // the last page is emitted by cairo_surface_finish
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      return internal_error(std::string("pdf: cairo: ") +
                            cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return internal_error(std::string("pdf: cairo: ") +
                          cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return bytes;
}

}  // namespace kontor::compliance
