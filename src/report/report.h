// The case report: one case rendered as a standalone HTML page (inline CSS and SVG charts, no
// scripts or external assets, printable, responsive, accessible), as Markdown, and as JSON.
// It shows the brief, the recommended supplier and alternatives with reasons, landed cost per
// unit with its lines, duty and tax with provenance, certifications to obtain, logistics
// options, margin and cash flow, the listing draft, open questions and pending approvals.
//
// The report only presents: every figure is the exact decimal text the case stores (computed by
// the trade engines); nothing here converts money to floating point. Output is deterministic for
// a given CaseView (no timestamps), so reports can be diffed and golden-tested.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"
#include "report/case_view.h"

namespace kontor::report {

std::string render_html(const CaseView& view);
std::string render_markdown(const CaseView& view);
// {"format": "kontor.report", "version": 1, "title", "subtitle",
//  "contents": [{"id", "title"}], "case": to_json(view)}, pretty-printed.
std::string render_json(const CaseView& view);

// Renders in `format` ("html", "md" or "markdown", "json") and writes `out` atomically (a
// temporary file renamed over it), creating missing parent directories. invalid_argument for an
// unknown format; unavailable naming the path when the file cannot be written.
Status write_report(const CaseView& view, std::string_view format,
                    const std::filesystem::path& out);

}  // namespace kontor::report
