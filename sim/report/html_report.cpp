#include "report/html_report.hpp"

#include <algorithm>

#include "gqos/format.hpp"
#include "gqos/names.hpp"
#include "report/text_trace.hpp"
#include "report/xml_text.hpp"

namespace qosbed::report {
namespace {

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

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : std::string(separator)) + part;
  return text;
}

std::string error_name(std::uint32_t error) {
  return gqos::name_or_number(NameGroup::error, error);
}

std::string status_name(std::uint32_t status) {
  return gqos::name_or_number(NameGroup::status, status);
}

// One record's row after its time and socket: kind, call, result, detail.
struct Row {
  std::string call;
  std::string result;
  std::vector<std::string> detail;

  void read(const engine::ReadQos& qos) {
    if (qos.status_info) result += ", " + status_name(qos.status_info->status_code);
    if (qos.sending) detail.push_back("sending " + gqos::to_string(*qos.sending));
    if (qos.receiving) detail.push_back("receiving " + gqos::to_string(*qos.receiving));
  }
  void bytes(std::uint32_t count) { detail.push_back(std::to_string(count) + " bytes"); }
  void required(const std::optional<std::uint32_t>& size) {
    if (size) detail.push_back("required " + std::to_string(*size));
  }
  void text(const std::string& part) {
    if (!part.empty()) detail.push_back(part);
  }

  void operator()(const engine::CallRecord& r) {
    call = r.call;
    result = r.error ? error_name(*r.error) : std::to_string(r.result);
    text(r.detail);
    if (r.bytes) bytes(*r.bytes);
    required(r.required);
    read(r.read);
    if (r.qos) detail.push_back("qos " + to_text(*r.qos));
  }
  void operator()(const engine::CompletionRecord& r) {
    call = r.call;
    result = error_name(r.error);
    text(r.decode_error);
    detail.push_back("from " + std::string(engine::name_of(r.source)));
    bytes(r.bytes);
    required(r.required);
    read(r.read);
  }
  void operator()(const engine::FinishedRecord& r) {
    call = r.call;
    result = error_name(r.error);
    bytes(r.bytes);
  }
  void operator()(const engine::WaitRecord& r) {
    call = r.call;
    result = engine::wait_result_text(r.call, r.result);
  }
  void operator()(const engine::FdQosRecord& r) {
    result = status_name(r.status);
    text(r.delivery);
    if (r.sending) detail.push_back("sending " + gqos::to_string(*r.sending));
    if (r.receiving) detail.push_back("receiving " + gqos::to_string(*r.receiving));
  }
  void operator()(const engine::NetworkEventsRecord& r) {
    call = r.call;
    result = "0";
    if (r.status) result += ", " + status_name(*r.status);
  }
  void operator()(const engine::UpdateRecord& r) {
    const bool sending = r.direction == gqos::Direction::sending;
    result = status_name(r.status);
    detail.push_back(sending ? "sending" : "receiving");
    detail.push_back((sending ? "sending " : "receiving ") + gqos::to_string(r.flowspec));
  }
  void operator()(const engine::MonitorErrorRecord& r) {
    result = error_name(r.error);
    text(r.what);
  }
  void operator()(const engine::StalledRecord& r) { text(std::string(r.why)); }
  void operator()(const engine::RsvpRecord& m) {
    result = m.action;
    detail.push_back(m.message + " " + m.from + " -> " + m.to + " on " + m.link + ", session " +
                     m.session);
    if (!m.style.empty()) detail.push_back("style " + m.style);
    if (!m.error.empty()) detail.push_back("error " + m.error);
    if (m.flowspec) detail.push_back("flowspec " + gqos::to_string(*m.flowspec));
    for (const std::string& object : m.objects) detail.push_back(object);
  }
};

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
    const engine::RecordHead& head = engine::head_of(records[i]);
    Row row;
    std::visit(row, records[i]);
    out += "<tr>";
    cell(out, engine::format_time(head.t_us), "time");
    cell(out, head.socket);
    cell(out, engine::kind_of(records[i]));
    cell(out, row.call);
    cell(out, row.result);
    cell(out, joined(row.detail, "; "));
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
