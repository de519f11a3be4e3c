#include "report/html_report.hpp"

#include <algorithm>

#include "gqos/format.hpp"
#include "gqos/names.hpp"
#include "report/text_trace.hpp"
#include "report/xml_text.hpp"

namespace qosbed::report {
namespace {

using engine::TraceKind;
using engine::TraceRecord;
using gqos::NameGroup;

constexpr std::string_view style = R"(
body { font-family: Helvetica, Arial, sans-serif; margin: 24px; color: #202124; }
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 17px; margin-top: 28px; }
.file { color: #5f6368; font-family: monospace; }
.description { max-width: 60em; white-space: pre-wrap; }
.summary { font-weight: bold; padding: 6px 10px; display: inline-block; border-radius: 4px; }
.passed { background: #e6f4ea; color: #137333; }
.failed { background: #fce8e6; color: #b00020; }
.diagram { overflow-x: auto; border: 1px solid #dadce0; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #dadce0; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; }
td.time { white-space: nowrap; text-align: right; font-family: monospace; }
pre { margin: 0; font-size: 12px; }
.note { color: #b00020; }
)";

std::string result_text(const TraceRecord& r) {
  std::string text;
  if (r.error) {
    text = gqos::name_or_number(NameGroup::error, *r.error);
  } else if (r.result && r.kind == TraceKind::wait) {
    text = engine::wait_result_text(r.call, static_cast<std::uint32_t>(*r.result));
  } else if (r.result) {
    text = std::to_string(*r.result);
  }
  if (r.status) {
    if (!text.empty()) text += ", ";
    text += gqos::name_or_number(NameGroup::status, *r.status);
  }
  if (r.rsvp) text = r.rsvp->action;
  return text;
}

std::string detail_text(const TraceRecord& r) {
  std::vector<std::string> parts;
  if (const auto& m = r.rsvp) {
    parts.push_back(m->message + " " + m->from + " -> " + m->to + " on " + m->link + ", session " +
                    m->session);
    if (!m->style.empty()) parts.push_back("style " + m->style);
    if (!m->error.empty()) parts.push_back("error " + m->error);
    if (m->flowspec) parts.push_back("flowspec " + gqos::to_string(*m->flowspec));
  }
  if (!r.detail.empty()) parts.push_back(r.detail);
  if (!r.source.empty()) parts.push_back("from " + r.source);
  if (r.bytes) parts.push_back(std::to_string(*r.bytes) + " bytes");
  if (r.required) parts.push_back("required " + std::to_string(*r.required));
  if (r.direction) parts.push_back(*r.direction);
  if (r.sending) parts.push_back("sending " + gqos::to_string(*r.sending));
  if (r.receiving) parts.push_back("receiving " + gqos::to_string(*r.receiving));
  if (r.qos) parts.push_back("qos " + to_text(*r.qos));
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

void cell(std::string& out, std::string_view text, std::string_view css_class = {}) {
  out += css_class.empty() ? "<td>" : "<td class=\"" + std::string(css_class) + "\">";
  out += xml_escaped(text) + "</td>";
}

void trace_table(std::string& out, const std::vector<TraceRecord>& records) {
  out +=
      "<h2>Trace</h2>\n<table class=\"trace\">\n<tr><th>time</th><th>socket</th><th>kind</th>"
      "<th>call</th><th>result</th><th>detail</th></tr>\n";
  const std::size_t shown = std::min(records.size(), max_table_rows);
  for (std::size_t i = 0; i < shown; ++i) {
    const TraceRecord& r = records[i];
    out += "<tr>";
    cell(out, engine::format_time(r.t_us), "time");
    cell(out, r.socket);
    cell(out, engine::name_of(r.kind));
    cell(out, r.call);
    cell(out, result_text(r));
    cell(out, detail_text(r));
    out += "</tr>\n";
  }
  out += "</table>\n";
  if (shown < records.size()) {
    out += "<p class=\"note\">The table stops after " + std::to_string(shown) + " records; " +
           std::to_string(records.size() - shown) +
           " more are left out (qosbed run --trace json has them all).</p>\n";
  }
}

void expectation_table(std::string& out, const std::vector<ExpectationResult>& expectations) {
  out +=
      "<h2>Expectations</h2>\n<table class=\"expectations\">\n<tr><th>where</th><th>what</th>"
      "<th>result</th><th>expected (as written)</th><th>expected vs actual</th></tr>\n";
  for (const ExpectationResult& e : expectations) {
    const bool held = e.failures.empty();
    out += "<tr>";
    cell(out, e.where);
    cell(out, e.what);
    cell(out, held ? "passed" : "failed", held ? "passed" : "failed");
    out += "<td><pre>" + xml_escaped(e.written) + "</pre></td><td>";
    for (const std::string& failure : e.failures) out += xml_escaped(failure) + "<br>";
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

}  // namespace

std::string to_html(const ReportPage& page) {
  const bool passed = page.counted.failed == 0 && page.other_problems.empty();
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         xml_escaped(page.name) + " - qosbed report</title>\n<style>" + std::string(style) +
         "</style>\n</head>\n<body>\n";
  out += "<h1>" + xml_escaped(page.name) + "</h1>\n";
  out += "<p class=\"file\">" + xml_escaped(page.file) + " &middot; profile " +
         xml_escaped(page.profile) + "</p>\n";
  if (!page.description.empty()) {
    out += "<p class=\"description\">" + xml_escaped(page.description) + "</p>\n";
  }
  out += std::string("<p class=\"summary ") + (passed ? "passed" : "failed") + "\">" +
         (passed ? "passed: " : "failed: ") + describe(page.counted) + "</p>\n";
  for (const std::string& problem : page.other_problems) {
    out += "<p class=\"note\">" + xml_escaped(problem) + "</p>\n";
  }
  out += "<h2>Sequence diagram</h2>\n<div class=\"diagram\">\n" + page.svg + "</div>\n";
  expectation_table(out, page.expectations);
  if (page.records) trace_table(out, *page.records);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace qosbed::report
