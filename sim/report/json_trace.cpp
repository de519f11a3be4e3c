#include "report/json_trace.hpp"

#include <string>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::report {
namespace {

using gqos::NameGroup;

// A FLOWSPEC's fields, its ServiceType named beside its number.
void add_flowspec(JsonObject&& object, const gqos::FlowSpec& flowspec) {
  object.number("service_type", flowspec.service_type);
  if ((flowspec.service_type & gqos::service_type::flags) ==
      0) {  // the common case, without building a string
    if (const auto name = gqos::name_of(NameGroup::service_type, flowspec.service_type)) {
      object.name("service_type_name", *name);
    }
  } else if (const std::string name = gqos::service_type_text(flowspec.service_type);
             name != std::to_string(flowspec.service_type)) {
    object.name("service_type_name", name);
  }
  object.number("token_rate", flowspec.token_rate);
  object.number("token_bucket_size", flowspec.token_bucket_size);
  object.number("peak_bandwidth", flowspec.peak_bandwidth);
  object.number("latency", flowspec.latency);
  object.number("delay_variation", flowspec.delay_variation);
  object.number("max_sdu_size", flowspec.max_sdu_size);
  object.number("minimum_policed_size", flowspec.minimum_policed_size);
}

// A value and, when its group has one, its SDK name under the key with "_name" added.
template <std::size_t N>
void named(JsonObject& object, const char (&key)[N], std::uint32_t value, NameGroup group) {
  object.number(key, value);
  if (auto name = gqos::name_of(group, value)) object.name(key, *name, "_name");
}

// The fields of an rsvp record, in the order docs/scenario-language.md lists them.
void add_rsvp(JsonObject& object, const engine::RsvpRecord& m) {
  object.string("message", m.message);
  object.string("action", m.action);
  object.string("from", m.from);
  object.string("to", m.to);
  object.string("link", m.link);
  object.string("session", m.session);
  if (!m.senders.empty()) object.strings("senders", m.senders);
  if (!m.style.empty()) object.string("style", m.style);
  if (!m.error.empty()) object.string("rsvp_error", m.error);
  if (m.flowspec) add_flowspec(object.object("flowspec"), *m.flowspec);
  if (!m.users.empty()) object.strings("users", m.users);
}

// The QOS an application passed, with each ProviderSpecific object's fields or body.
void add_passed_qos(JsonObject&& object, const engine::PassedQos& qos) {
  if (qos.sending) add_flowspec(object.object("sending"), *qos.sending);
  if (qos.receiving) add_flowspec(object.object("receiving"), *qos.receiving);
  if (!qos.objects.empty()) {
    JsonArray objects = object.array("objects");
    for (const engine::PassedObject& passed : qos.objects) {
      JsonObject item = objects.object();
      named(item, "type", passed.type, NameGroup::object_type);
      item.number("length", passed.length);
      if (const auto& info = passed.reserve_info) {
        named(item, "style", info->style, NameGroup::rsvp_style);
        item.number("confirm_request", info->confirm_request);
      }
      if (passed.shape_discard_mode) {
        named(item, "shape_discard_mode", *passed.shape_discard_mode, NameGroup::sd_mode);
      }
      if (passed.shaping_rate) item.number("shaping_rate", *passed.shaping_rate);
      if (passed.destination) item.string("destination", *passed.destination);
      if (!passed.body.empty()) item.hex("body_hex", passed.body);
    }
  }
  if (!qos.decode_error.empty()) object.string("decode_error", qos.decode_error);
}

void add_status(JsonObject& object, std::uint32_t status, std::uint32_t extended_status1,
                std::uint32_t extended_status2) {
  named(object, "status", status, NameGroup::status);
  named(object, "extended_status1", extended_status1, NameGroup::extended_status);
  named(object, "extended_status2", extended_status2, NameGroup::extended_status_value);
}

// What a query's buffer held: its status, then its FLOWSPECs.
void add_read(JsonObject& object, const engine::ReadQos& read) {
  if (const auto& info = read.status_info) {
    add_status(object, info->status_code, info->extended_status1, info->extended_status2);
  }
  if (read.sending) add_flowspec(object.object("sending"), *read.sending);
  if (read.receiving) add_flowspec(object.object("receiving"), *read.receiving);
}

// Each kind's fields after the ones every record has, in the order docs/scenario-language.md
// lists them. What a recording reads beyond them (CallRecord::began_us, ...) is not written.
struct KindFields {
  JsonObject& object;

  void operator()(const engine::CallRecord& r) const {
    if (!r.call.empty()) object.string("call", r.call);
    if (!r.detail.empty()) object.string("detail", r.detail);
    object.number("result", r.result);
    if (r.error) named(object, "error", *r.error, NameGroup::error);
    if (r.buffer_size) object.number("buffer_size", *r.buffer_size);
    if (r.bytes) object.number("bytes", *r.bytes);
    if (r.required) object.number("required", *r.required);
    add_read(object, r.read);
    if (r.qos) add_passed_qos(object.object("qos"), *r.qos);
    if (r.selector) named(object, "selector", *r.selector, NameGroup::chk_qos_selector);
    if (r.value) object.number("value", *r.value);
  }
  void operator()(const engine::CompletionRecord& r) const {
    if (!r.call.empty()) object.string("call", r.call);
    if (!r.decode_error.empty()) object.string("detail", r.decode_error);
    object.name("source", engine::name_of(r.source));
    named(object, "error", r.error, NameGroup::error);
    object.number("buffer_size", r.buffer_size);
    object.number("bytes", r.bytes);
    if (r.required) object.number("required", *r.required);
    add_read(object, r.read);
    object.hex("buffer_hex", r.buffer);
  }
  void operator()(const engine::FinishedRecord& r) const {
    if (!r.call.empty()) object.string("call", r.call);
    named(object, "error", r.error, NameGroup::error);
    object.number("bytes", r.bytes);
  }
  void operator()(const engine::WaitRecord& r) const {
    object.string("call", r.call);
    object.literal("alertable", r.alertable ? "true" : "false");
    object.number("timeout_ms", r.timeout_ms);
    object.number("result", r.result);
    if (auto name = engine::wait_result_name(r.call, r.result)) object.name("result_name", *name);
    if (!r.host.empty()) object.string("host", r.host);
  }
  void operator()(const engine::FdQosRecord& r) const {
    if (!r.delivery.empty()) object.string("detail", r.delivery);
    named(object, "status", r.status, NameGroup::status);
    if (r.sending) add_flowspec(object.object("sending"), *r.sending);
    if (r.receiving) add_flowspec(object.object("receiving"), *r.receiving);
  }
  void operator()(const engine::NetworkEventsRecord& r) const {
    object.name("call", r.call);
    object.number("result", 0);
    object.number("network_events", r.network_events);
    if (r.status) named(object, "status", *r.status, NameGroup::status);
  }
  void operator()(const engine::UpdateRecord& r) const {
    add_status(object, r.status, r.extended_status1, r.extended_status2);
    const bool sending = r.direction == gqos::Direction::sending;
    object.name("direction", sending ? "sending" : "receiving");
    add_flowspec(sending ? object.object("sending") : object.object("receiving"), r.flowspec);
  }
  void operator()(const engine::MonitorErrorRecord& r) const {
    if (!r.what.empty()) object.string("detail", r.what);
    named(object, "error", r.error, NameGroup::error);
  }
  void operator()(const engine::StalledRecord& r) const { object.string("detail", r.why); }
  void operator()(const engine::RsvpRecord& r) const { add_rsvp(object, r); }
};

// Appends the record's JSON to `out`, without the newline.
void append_json(TextBuffer& out, const engine::TraceRecord& record,
                 std::string_view scenario = {}) {
  JsonObject object(out);
  if (!scenario.empty()) object.string("scenario", scenario);
  const engine::RecordHead& head = engine::head_of(record);
  object.number("t_us", head.t_us);
  if (head.socket.empty()) {
    object.literal("socket", "null");
  } else {
    object.string("socket", head.socket);
  }
  object.name("event", engine::kind_of(record));
  std::visit(KindFields{object}, record);
}

}  // namespace

std::string to_json(const engine::TraceRecord& record) {
  TextBuffer out;
  append_json(out, record);
  return std::string(out.text());
}

// One line buffer for every record: once it has grown, a record costs no allocation.
void JsonTraceWriter::record(const engine::TraceRecord& record) {
  line_.clear();
  append_json(line_, record, scenario_);
  line_.append('\n');
  out_.write(line_.text().data(), static_cast<std::streamsize>(line_.text().size()));
}

}  // namespace qosbed::report
