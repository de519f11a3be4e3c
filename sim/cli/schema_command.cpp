#include "cli/arguments.hpp"
#include "cli/commands.hpp"

namespace qosbed::cli {

namespace {

// The structure of docs/scenario-language.md for editors and other validators. Names and the
// rules that need the whole file (time order, declared sockets) are left to `qosbed validate`.
constexpr std::string_view schema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://qosbed.invalid/scenario.schema.json",
  "title": "qosbed scenario",
  "description": "A GQoS/RSVP SP scenario for qosbed (docs/scenario-language.md). Names (statuses, errors, service types, ...) are also accepted without their prefix, in any case, or as numbers, so they are checked as strings or numbers here and exactly by `qosbed validate`.",
  "type": "object",
  "required": ["scenario", "sockets", "steps"],
  "additionalProperties": false,
  "properties": {
    "scenario": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "the scenario's name: lowercase letters, digits, single -"},
    "description": {"type": "string"},
    "profile": {"enum": ["windows-2000", "windows-xp", "windows-2003", "no-qos-provider"], "default": "windows-2000"},
    "pending": {"enum": ["queue", "coalesce", "drop"], "default": "queue", "description": "indications with no query pending (R9, D12)"},
    "admission_limit": {"$ref": "#/$defs/number", "description": "a requested TokenRate above it fails with WSAEOPNOTSUPP (D17)"},
    "decisions": {
      "type": "object",
      "description": "choose otherwise where Windows' behaviour is undocumented (docs/behaviour.md)",
      "additionalProperties": false,
      "properties": {
        "sender_not_connected": {"$ref": "#/$defs/name", "description": "R3 D2, default WSAENOTCONN"},
        "receiver_not_bound": {"$ref": "#/$defs/name", "description": "R3 D2, default WSAEINVAL"},
        "short_buffer": {"$ref": "#/$defs/name", "description": "R5 D7, default WSAEFAULT"},
        "enobufs_keeps_indication": {"type": "boolean", "description": "R5 D5, default true"},
        "nothing_queued": {"$ref": "#/$defs/name", "description": "R7 D8, default WSAEWOULDBLOCK"},
        "unused_flowspec_fields": {"$ref": "#/$defs/field", "description": "R2 D9, default not_specified"}
      }
    },
    "sockets": {
      "type": "object",
      "minProperties": 1,
      "propertyNames": {"pattern": "^[A-Za-z0-9_-]+$"},
      "additionalProperties": {"$ref": "#/$defs/socket"}
    },
    "network": {"$ref": "#/$defs/network"},
    "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}}
  },
  "$defs": {
    "number": {"type": "integer", "minimum": 0, "maximum": 4294967295},
    "field": {"anyOf": [{"$ref": "#/$defs/number"}, {"const": "not_specified"}]},
    "bytes": {"type": "integer", "minimum": 0, "maximum": 1048576},
    "name": {"anyOf": [{"type": "string", "pattern": "^[A-Za-z0-9_]+$"}, {"$ref": "#/$defs/number"}]},
    "duration": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(us|ms|s)$"},
    "address": {"type": "string", "pattern": "^[0-9]{1,3}(\\.[0-9]{1,3}){3}:[0-9]{1,5}$"},
    "socket_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
    "ipv4": {"type": "string", "pattern": "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$"},
    "probability": {"type": "number", "minimum": 0, "maximum": 1},
    "presence": {"enum": ["present", "absent"]},
    "network": {
      "type": "object",
      "description": "an RSVP network whose hosts' SPs give the indications (docs/scenario-language.md, Network scenarios)",
      "required": ["nodes", "links"],
      "additionalProperties": false,
      "properties": {
        "refresh": {"$ref": "#/$defs/duration", "description": "R, default 30s"},
        "k": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "K, default 3"},
        "seed": {"$ref": "#/$defs/number", "description": "the generator's seed, default 1"},
        "end": {"$ref": "#/$defs/duration", "description": "when the network stops; default the last step's time"},
        "nodes": {
          "type": "object",
          "minProperties": 1,
          "additionalProperties": {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": false,
            "properties": {"host": {"$ref": "#/$defs/ipv4"}, "router": {"$ref": "#/$defs/ipv4"}}
          }
        },
        "links": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["between", "bandwidth"],
            "additionalProperties": false,
            "properties": {
              "between": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2},
              "name": {"type": "string"},
              "bandwidth": {"$ref": "#/$defs/number", "description": "bytes/s each way"},
              "reservable": {"$ref": "#/$defs/number", "description": "bytes/s admission may hand out; default the bandwidth"},
              "delay": {"$ref": "#/$defs/duration"},
              "loss": {"$ref": "#/$defs/probability"},
              "up": {"type": "boolean", "default": true}
            }
          }
        },
        "sessions": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "required": ["destination"],
            "additionalProperties": false,
            "properties": {"destination": {"$ref": "#/$defs/address"}, "protocol": {"enum": ["udp", "tcp"]}}
          }
        },
        "senders": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "required": ["host", "session", "port", "tspec"],
            "additionalProperties": false,
            "properties": {
              "host": {"type": "string"},
              "session": {"type": "string"},
              "port": {"type": "integer", "minimum": 0, "maximum": 65535},
              "tspec": {"$ref": "#/$defs/given_flowspec"},
              "start": {"$ref": "#/$defs/duration"},
              "socket": {"$ref": "#/$defs/socket_id"}
            }
          }
        },
        "receivers": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "required": ["host", "session", "flowspec"],
            "additionalProperties": false,
            "properties": {
              "host": {"type": "string"},
              "session": {"type": "string"},
              "style": {"enum": ["WF", "FF", "SE"], "default": "WF"},
              "flowspec": {"$ref": "#/$defs/given_flowspec"},
              "confirm": {"type": "boolean", "default": false},
              "senders": {"type": "array", "items": {"type": "string"}},
              "start": {"$ref": "#/$defs/duration"},
              "socket": {"$ref": "#/$defs/socket_id"}
            }
          }
        }
      }
    },
    "flowspec": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "service_type": {"$ref": "#/$defs/name"},
        "token_rate": {"$ref": "#/$defs/field"},
        "token_bucket_size": {"$ref": "#/$defs/field"},
        "peak_bandwidth": {"$ref": "#/$defs/field"},
        "latency": {"$ref": "#/$defs/field"},
        "delay_variation": {"$ref": "#/$defs/field"},
        "max_sdu_size": {"$ref": "#/$defs/field"},
        "minimum_policed_size": {"$ref": "#/$defs/field"}
      }
    },
    "given_flowspec": {
      "description": "a FLOWSPEC that is passed or delivered: it names its service_type",
      "$ref": "#/$defs/flowspec",
      "required": ["service_type"]
    },
    "qos": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "sending": {"$ref": "#/$defs/given_flowspec"},
        "receiving": {"$ref": "#/$defs/given_flowspec"},
        "style": {"$ref": "#/$defs/name"},
        "confirm": {"type": "boolean", "default": false}
      }
    },
    "socket": {
      "type": "object",
      "required": ["role"],
      "additionalProperties": false,
      "properties": {
        "role": {"enum": ["sender", "receiver", "both"]},
        "protocol": {"enum": ["udp", "tcp"], "default": "udp"},
        "local": {"$ref": "#/$defs/address"},
        "remote": {"$ref": "#/$defs/address"},
        "qos": {"$ref": "#/$defs/qos"}
      }
    },
    "extended_status": {"type": "array", "prefixItems": [{"$ref": "#/$defs/name"}, {"$ref": "#/$defs/name"}], "minItems": 2, "maxItems": 2},
    "events": {"type": "array", "items": {"enum": ["fd_qos", "fd_group_qos"]}},
    "object": {
      "anyOf": [
        {"const": "end_of_list"},
        {
          "type": "object",
          "minProperties": 1,
          "maxProperties": 1,
          "additionalProperties": false,
          "properties": {
            "adspec": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "hop_count": {"$ref": "#/$defs/field"},
                "path_bandwidth": {"$ref": "#/$defs/field"},
                "minimum_latency": {"$ref": "#/$defs/field"},
                "path_mtu": {"$ref": "#/$defs/field"},
                "break_bit": {"type": "boolean"},
                "guaranteed": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "c_total": {"$ref": "#/$defs/field"},
                    "d_total": {"$ref": "#/$defs/field"},
                    "c_sum": {"$ref": "#/$defs/field"},
                    "d_sum": {"$ref": "#/$defs/field"}
                  }
                }
              }
            },
            "sd_mode": {"$ref": "#/$defs/name"},
            "shaping_rate": {"$ref": "#/$defs/number"},
            "raw": {
              "type": "object",
              "required": ["type"],
              "additionalProperties": false,
              "properties": {
                "type": {"$ref": "#/$defs/name"},
                "length": {"$ref": "#/$defs/number"},
                "hex": {"type": "string", "pattern": "^[0-9A-Fa-f ]*$"}
              }
            }
          }
        }
      ]
    },
    "step": {
      "type": "object",
      "description": "exactly one of app, sp, net or expect, with at or after (not both)",
      "oneOf": [{"required": ["app"]}, {"required": ["sp"]}, {"required": ["net"]}, {"required": ["expect"]}],
      "not": {"anyOf": [{"required": ["at", "after"]}, {"required": ["sp", "sending", "receiving"], "properties": {"sp": {"const": "fd_qos"}}}]},
      "additionalProperties": false,
      "properties": {
        "app": {"enum": ["bind", "connect", "set_qos", "get_qos", "wait", "get_overlapped_result", "event_select", "enum_network_events", "close", "monitor"]},
        "sp": {"enum": ["fd_qos", "fail"]},
        "net": {"enum": ["link_down", "link_up", "loss", "silence_sender", "tear_down_sender", "silence_receiver", "tear_down_receiver"]},
        "expect": {"enum": ["call", "completion", "wait", "update", "network_events", "nothing", "message", "state"]},
        "at": {"$ref": "#/$defs/duration"},
        "after": {"$ref": "#/$defs/duration"},
        "socket": {"$ref": "#/$defs/socket_id"},
        "qos": {"$ref": "#/$defs/qos"},
        "mode": {"enum": ["sync", "overlapped"]},
        "notify": {"enum": ["routine", "event"]},
        "buffer": {"anyOf": [{"$ref": "#/$defs/bytes"}, {"const": "required"}]},
        "alertable": {"type": "boolean"},
        "timeout": {"anyOf": [{"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(us|ms|s)$"}, {"const": "infinite"}]},
        "events": {"type": "array"},
        "wait": {"type": "boolean"},
        "initial_buffer": {"$ref": "#/$defs/bytes"},
        "status": {"$ref": "#/$defs/name"},
        "sending": {"$ref": "#/$defs/flowspec"},
        "receiving": {"$ref": "#/$defs/flowspec"},
        "extended_status": {"$ref": "#/$defs/extended_status"},
        "objects": {"type": "array", "items": {"$ref": "#/$defs/object"}},
        "call": {"enum": ["bind", "connect", "set_qos", "get_qos", "close"]},
        "pending": {"const": true},
        "error": {"$ref": "#/$defs/name"},
        "result": {"anyOf": [{"type": "integer"}, {"$ref": "#/$defs/name"}]},
        "bytes": {"$ref": "#/$defs/number"},
        "required": {"$ref": "#/$defs/number"},
        "direction": {"enum": ["sending", "receiving"]},
        "flowspec": {"$ref": "#/$defs/flowspec"},
        "until": {"$ref": "#/$defs/duration"},
        "link": {"type": "string"},
        "loss": {"$ref": "#/$defs/probability"},
        "sender": {"type": "string"},
        "receiver": {"type": "string"},
        "message": {"enum": ["Path", "Resv", "PathTear", "ResvTear", "PathErr", "ResvErr", "ResvConf"]},
        "action": {"enum": ["sent", "received", "lost", "dropped"]},
        "from": {"type": "string"},
        "to": {"type": "string"},
        "session": {"type": "string"},
        "count": {"$ref": "#/$defs/number"},
        "within": {"$ref": "#/$defs/duration"},
        "node": {"type": "string"},
        "toward": {"type": "string"},
        "path_state": {"$ref": "#/$defs/presence"},
        "resv_state": {"$ref": "#/$defs/presence"},
        "blockade": {"$ref": "#/$defs/presence"},
        "reservation": {"$ref": "#/$defs/presence"},
        "reserved": {"$ref": "#/$defs/number"}
      },
      "allOf": [
        {"if": {"required": ["app"], "properties": {"app": {"const": "wait"}}}, "then": {"not": {"required": ["socket"]}, "properties": {"events": {"type": "array", "items": {"$ref": "#/$defs/socket_id"}}}}},
        {"if": {"required": ["app"], "properties": {"app": {"enum": ["event_select"]}}}, "then": {"required": ["socket", "events"], "properties": {"events": {"$ref": "#/$defs/events"}}}},
        {"if": {"required": ["expect"], "properties": {"expect": {"const": "network_events"}}}, "then": {"properties": {"events": {"$ref": "#/$defs/events"}}}},
        {"if": {"required": ["app"], "properties": {"app": {"enum": ["bind", "connect", "set_qos", "get_qos", "get_overlapped_result", "enum_network_events", "close", "monitor"]}}}, "then": {"required": ["socket"]}},
        {"if": {"required": ["app"], "properties": {"app": {"const": "monitor"}}}, "then": {"required": ["initial_buffer"]}},
        {"if": {"required": ["sp"]}, "then": {"required": ["socket"]}},
        {"if": {"required": ["sp"], "properties": {"sp": {"const": "fd_qos"}}}, "then": {"required": ["status"], "properties": {"sending": {"$ref": "#/$defs/given_flowspec"}, "receiving": {"$ref": "#/$defs/given_flowspec"}}}},
        {"if": {"required": ["sp"], "properties": {"sp": {"const": "fail"}}}, "then": {"required": ["error"], "oneOf": [{"required": ["call"]}, {"required": ["pending"]}]}},
        {"if": {"required": ["expect"], "properties": {"expect": {"enum": ["completion", "update", "network_events"]}}}, "then": {"required": ["socket"]}},
        {"if": {"required": ["expect"], "properties": {"expect": {"const": "wait"}}}, "then": {"not": {"required": ["socket"]}}},
        {"if": {"required": ["expect"], "properties": {"expect": {"const": "nothing"}}}, "then": {"required": ["until"]}},
        {"if": {"required": ["net"]}, "then": {"not": {"required": ["socket"]}}},
        {"if": {"required": ["net"], "properties": {"net": {"enum": ["link_down", "link_up"]}}}, "then": {"required": ["link"]}},
        {"if": {"required": ["net"], "properties": {"net": {"const": "loss"}}}, "then": {"required": ["link", "loss"]}},
        {"if": {"required": ["net"], "properties": {"net": {"enum": ["silence_sender", "tear_down_sender"]}}}, "then": {"required": ["sender"]}},
        {"if": {"required": ["net"], "properties": {"net": {"enum": ["silence_receiver", "tear_down_receiver"]}}}, "then": {"required": ["receiver"]}},
        {"if": {"required": ["expect"], "properties": {"expect": {"enum": ["message", "state"]}}}, "then": {"not": {"required": ["socket"]}}},
        {"if": {"required": ["expect"], "properties": {"expect": {"const": "state"}}}, "then": {"required": ["node"]}}
      ]
    }
  }
})json";

}  // namespace

CommandHelp schema_help() {
  constexpr std::string_view usage =
      "usage: qosbed schema\n"
      "\n"
      "Prints a JSON Schema (draft 2020-12) of the scenario language, for editors (completion\n"
      "and checks as you type) and other validators. It checks the structure: keys, types,\n"
      "verbs and the keys each needs; `qosbed validate` checks the rest (names, time order,\n"
      "declared sockets). Exit 0, or 2 on a wrong argument.";
  return {usage, boost::program_options::options_description("options")};
}

int schema_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandHelp help = schema_help();
  add_help_option(help.options);
  if (!args.empty() && (args.front() == "--help" || args.front() == "-h") && args.size() == 1) {
    out << help.usage << "\n\n" << help.options;
    return exit_ok;
  }
  if (!args.empty()) {
    err << "qosbed: schema takes no arguments, not '" << args.front() << "'\n"
        << help.usage << "\n";
    return exit_bad_input;
  }
  out << schema << "\n";
  return exit_ok;
}

}  // namespace qosbed::cli
