#include "rsvp_wire/grammar.hpp"

#include <cstdint>
#include <limits>
#include <utility>

namespace qosbed::rsvp_wire::grammar {

namespace {

constexpr std::uint32_t bit(std::uint8_t class_num) {
  return std::uint32_t{1} << class_num;
}

constexpr std::uint32_t sender_descriptor =
    bit(class_num::sender_template) | bit(class_num::sender_tspec) | bit(class_num::adspec);
constexpr std::uint32_t flow_descriptors =
    bit(class_num::style) | bit(class_num::flowspec) | bit(class_num::filter_spec);

// The classes of each message's grammar (RFC 2205 sections 3.1.3-3.1.9), INTEGRITY aside.
std::uint32_t classes_of(MessageType type) {
  const std::uint32_t session = bit(class_num::session);
  const std::uint32_t hop = bit(class_num::rsvp_hop);
  const std::uint32_t times = bit(class_num::time_values);
  const std::uint32_t error = bit(class_num::error_spec);
  const std::uint32_t policy = bit(class_num::policy_data);
  const std::uint32_t scope = bit(class_num::scope);
  const std::uint32_t confirm = bit(class_num::resv_confirm);
  switch (type) {
    case MessageType::path:
      return session | hop | times | policy | sender_descriptor;
    case MessageType::resv:
      return session | hop | times | confirm | scope | policy | flow_descriptors;
    case MessageType::path_err:
      return session | error | policy | sender_descriptor;
    case MessageType::resv_err:
      return session | hop | error | scope | policy | flow_descriptors;
    case MessageType::path_tear:
      return session | hop | sender_descriptor;
    case MessageType::resv_tear:
      return session | hop | scope | flow_descriptors;
    case MessageType::resv_conf:
      return session | error | confirm | flow_descriptors;
  }
  return 0;
}

// How many flow descriptors a message may have, and whether each needs its FLOWSPEC.
struct ListRules {
  std::size_t min = 1;
  std::size_t max = std::numeric_limits<std::size_t>::max();
  bool flowspecs_optional = false;
};

ListRules rules_of(MessageType type, Style style) {
  switch (type) {
    case MessageType::resv_err:
      return ListRules{0, 1, false};  // section 3.1.8: [ <error flow descriptor> ]
    case MessageType::resv_tear:
      // Section 3.1.6: FLOWSPECs may be left out, so a WF list may be empty.
      return ListRules{style == Style::wf ? 0u : 1u, std::numeric_limits<std::size_t>::max(), true};
    default:
      return ListRules{};
  }
}

class Assembler {
 public:
  Assembler(MessageType type, std::size_t end, DecodeResult& result)
      : type_(type), end_(end), result_(result) {}

  template <typename T>
  bool require(const std::optional<T>& object, std::uint8_t class_num) {
    if (object) return true;
    return fail(DecodeError::missing_object, end_, class_num);
  }

  bool sender(Objects& objects, std::optional<SenderDescriptor>& out) {
    if (!objects.sender_template) {
      if (objects.tspec) return fail(DecodeError::missing_object, end_, class_num::sender_template);
      if (objects.adspec)
        return fail(DecodeError::missing_object, end_, class_num::sender_template);
      return true;
    }
    // Path and PathErr carry the whole descriptor; a PathTear may leave the rest out (3.1.5).
    if (type_ != MessageType::path_tear && !require(objects.tspec, class_num::sender_tspec)) {
      return false;
    }
    out = SenderDescriptor{*objects.sender_template, objects.tspec, std::move(objects.adspec)};
    return true;
  }

  // Section 3.1.4's style-dependent rules for the flow descriptor list.
  bool descriptors(Style style, const std::vector<DescriptorObject>& objects,
                   std::vector<FlowDescriptor>& out) {
    const ListRules rules = rules_of(type_, style);
    std::vector<std::size_t> starts;  // where each descriptor begins, for errors
    std::optional<FlowSpec> pending;  // FF: a FLOWSPEC waiting for its FILTER_SPEC
    std::size_t pending_at = 0;
    for (const DescriptorObject& object : objects) {
      if (style == Style::wf) {
        // WF: one FLOWSPEC, no filters.
        if (!object.flowspec || !out.empty()) return broken(object.offset);
        out.push_back(FlowDescriptor{object.flowspec, {}});
        starts.push_back(object.offset);
      } else if (style == Style::se) {
        // SE: [FLOWSPEC] then one or more FILTER_SPECs, in one descriptor.
        if (object.flowspec) {
          if (!out.empty()) return broken(object.offset);
          out.push_back(FlowDescriptor{object.flowspec, {}});
          starts.push_back(object.offset);
        } else {
          if (out.empty()) {
            out.emplace_back();
            starts.push_back(object.offset);
          }
          out.back().filters.push_back(object.filter);
        }
      } else if (object.flowspec) {
        // FF: [FLOWSPEC] FILTER_SPEC, repeated.
        if (pending) return broken(object.offset);
        pending = object.flowspec;
        pending_at = object.offset;
      } else {
        starts.push_back(pending ? pending_at : object.offset);
        out.push_back(FlowDescriptor{std::exchange(pending, std::nullopt), {object.filter}});
      }
    }
    if (pending) return broken(pending_at);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (style == Style::se && out[i].filters.empty()) return broken(starts[i]);
      // FF: only the first needs its own FLOWSPEC; the others may share the one before.
      const bool needs_flowspec = style != Style::ff || i == 0;
      if (needs_flowspec && !rules.flowspecs_optional && !out[i].flowspec) {
        return broken(starts[i]);
      }
    }
    if (out.size() < rules.min) return broken(end_);
    if (out.size() > rules.max) return broken(starts[rules.max]);
    return true;
  }

 private:
  bool broken(std::size_t offset) {
    return fail(DecodeError::bad_flow_descriptors, offset, class_num::style);
  }

  bool fail(DecodeError error, std::size_t offset, std::uint8_t class_num) {
    result_.error = error;
    result_.offset = offset;
    result_.object = class_num;
    return false;
  }

  MessageType type_;
  std::size_t end_;
  DecodeResult& result_;
};

}  // namespace

bool allows(MessageType type, std::uint8_t class_num) {
  return class_num < 32 && (classes_of(type) & bit(class_num)) != 0;
}

bool repeats(std::uint8_t class_num) {
  return class_num == class_num::policy_data || class_num == class_num::flowspec ||
         class_num == class_num::filter_spec;
}

void assemble(MessageType type, Objects objects, std::size_t end, DecodeResult& result) {
  Assembler in(type, end, result);
  Message& message = result.message;
  switch (type) {
    case MessageType::path: {
      Path m;
      if (!in.require(objects.session, class_num::session) ||
          !in.require(objects.hop, class_num::rsvp_hop) ||
          !in.require(objects.time_values, class_num::time_values) ||
          !in.sender(objects, m.sender)) {
        return;
      }
      m.session = *objects.session;
      m.hop = *objects.hop;
      m.time_values = *objects.time_values;
      m.policy = std::move(objects.policy);
      m.opaque = std::move(objects.opaque);
      message.body = std::move(m);
      return;
    }
    case MessageType::resv: {
      Resv m;
      if (!in.require(objects.session, class_num::session) ||
          !in.require(objects.hop, class_num::rsvp_hop) ||
          !in.require(objects.time_values, class_num::time_values) ||
          !in.require(objects.style, class_num::style) ||
          !in.descriptors(*objects.style, objects.descriptors, m.descriptors)) {
        return;
      }
      m.session = *objects.session;
      m.hop = *objects.hop;
      m.time_values = *objects.time_values;
      m.confirm = objects.confirm;
      m.scope = std::move(objects.scope);
      m.policy = std::move(objects.policy);
      m.style = *objects.style;
      m.opaque = std::move(objects.opaque);
      message.body = std::move(m);
      return;
    }
    case MessageType::path_err: {
      PathErr m;
      if (!in.require(objects.session, class_num::session) ||
          !in.require(objects.error, class_num::error_spec) || !in.sender(objects, m.sender)) {
        return;
      }
      m.session = *objects.session;
      m.error = *objects.error;
      m.policy = std::move(objects.policy);
      m.opaque = std::move(objects.opaque);
      message.body = std::move(m);
      return;
    }
    case MessageType::resv_err: {
      ResvErr m;
      std::vector<FlowDescriptor> list;
      if (!in.require(objects.session, class_num::session) ||
          !in.require(objects.hop, class_num::rsvp_hop) ||
          !in.require(objects.error, class_num::error_spec) ||
          !in.require(objects.style, class_num::style) ||
          !in.descriptors(*objects.style, objects.descriptors, list)) {
        return;
      }
      m.session = *objects.session;
      m.hop = *objects.hop;
      m.error = *objects.error;
      m.scope = std::move(objects.scope);
      m.policy = std::move(objects.policy);
      m.style = *objects.style;
      if (!list.empty()) m.descriptor = std::move(list.front());
      m.opaque = std::move(objects.opaque);
      message.body = std::move(m);
      return;
    }
    case MessageType::path_tear: {
      PathTear m;
      if (!in.require(objects.session, class_num::session) ||
          !in.require(objects.hop, class_num::rsvp_hop) || !in.sender(objects, m.sender)) {
        return;
      }
      m.session = *objects.session;
      m.hop = *objects.hop;
      m.opaque = std::move(objects.opaque);
      message.body = std::move(m);
      return;
    }
    case MessageType::resv_tear: {
      ResvTear m;
      if (!in.require(objects.session, class_num::session) ||
          !in.require(objects.hop, class_num::rsvp_hop) ||
          !in.require(objects.style, class_num::style) ||
          !in.descriptors(*objects.style, objects.descriptors, m.descriptors)) {
        return;
      }
      m.session = *objects.session;
      m.hop = *objects.hop;
      m.scope = std::move(objects.scope);
      m.style = *objects.style;
      m.opaque = std::move(objects.opaque);
      message.body = std::move(m);
      return;
    }
    case MessageType::resv_conf: {
      ResvConf m;
      if (!in.require(objects.session, class_num::session) ||
          !in.require(objects.error, class_num::error_spec) ||
          !in.require(objects.confirm, class_num::resv_confirm) ||
          !in.require(objects.style, class_num::style) ||
          !in.descriptors(*objects.style, objects.descriptors, m.descriptors)) {
        return;
      }
      m.session = *objects.session;
      m.error = *objects.error;
      m.confirm = *objects.confirm;
      m.style = *objects.style;
      m.opaque = std::move(objects.opaque);
      message.body = std::move(m);
      return;
    }
  }
}

}  // namespace qosbed::rsvp_wire::grammar
