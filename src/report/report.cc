#include "report/report.h"

#include <fstream>
#include <system_error>

#include "report/document.h"

namespace kontor::report {

std::string render_html(const CaseView& view) { return render_document_html(build_document(view)); }

std::string render_markdown(const CaseView& view) {
  return render_document_markdown(build_document(view));
}

std::string render_json(const CaseView& view) {
  const ReportDocument document = build_document(view);
  nlohmann::json out = {{"format", "kontor.report"},
                        {"version", 1},
                        {"title", document.title},
                        {"subtitle", document.subtitle},
                        {"contents", nlohmann::json::array()},
                        {"case", to_json(view)}};
  for (const ReportSection& section : document.sections) {
    out["contents"].push_back({{"id", section.id}, {"title", section.title}});
  }
  // Invalid UTF-8 in a stored text must not make the whole report fail.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Status write_report(const CaseView& view, std::string_view format,
                    const std::filesystem::path& out) {
  std::string body;
  if (format == "html")
    body = render_html(view);
  else if (format == "md" || format == "markdown")
    body = render_markdown(view);
  else if (format == "json")
    body = render_json(view);
  else
    return invalid_argument("format: expected html, md or json, got '" + std::string(format) + "'");
  std::error_code ec;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
  if (ec)
    return unavailable(out.parent_path().string() + ": cannot create directory: " + ec.message());
  std::filesystem::path temporary = out;
  temporary += ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return unavailable(temporary.string() + ": cannot open for writing");
    file.write(body.data(), static_cast<std::streamsize>(body.size()));
    file.flush();
    if (!file) return unavailable(temporary.string() + ": write failed");
  }
  std::filesystem::rename(temporary, out, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return unavailable(out.string() + ": cannot replace: " + ec.message());
  }
  return ok_status();
}

}  // namespace kontor::report
