#include "cli/schema.hpp"

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/language.hpp"
#include "scenario/limits.hpp"

namespace qosbed::cli {
namespace {

namespace language = scenario::language;
using language::Value;

// A JSON value, enough of one to write a schema: a literal written as is, an object (members in
// the order added) or an array.
struct Json {
  enum class Kind { literal, object, array } kind = Kind::literal;
  std::string text;  // literal
  // An object's members, key by key: parallel lists, since a std::pair may not hold the
  // incomplete Json (a std::vector may).
  std::vector<std::string> keys;  // object
  std::vector<Json> values;       // object
  std::vector<Json> items;        // array

  static Json string(std::string_view text) {
    std::string quoted = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return literal(quoted + "\"");
  }
  static Json literal(std::string text) {
    Json json;
    json.text = std::move(text);
    return json;
  }
  static Json number(std::uint64_t value) { return literal(std::to_string(value)); }
  static Json object() {
    Json json;
    json.kind = Kind::object;
    return json;
  }
  static Json array() {
    Json json;
    json.kind = Kind::array;
    return json;
  }
  Json& add(std::string key, Json value) {
    keys.push_back(std::move(key));
    values.push_back(std::move(value));
    return *this;
  }
  Json& push(Json value) {
    items.push_back(std::move(value));
    return *this;
  }
};

Json reference(std::string_view definition) {
  return Json::object().add("$ref", Json::string("#/$defs/" + std::string(definition)));
}
Json type(std::string_view name) {
  return Json::object().add("type", Json::string(name));
}
Json strings(std::span<const std::string_view> texts) {
  Json array = Json::array();
  for (std::string_view text : texts) array.push(Json::string(text));
  return array;
}
Json one_of_words(std::span<const std::string_view> words) {
  return Json::object().add("enum", strings(words));
}
Json pattern(std::string_view expression) {
  return type("string").add("pattern", Json::string(expression));
}
Json any_of(Json first, Json second) {
  return Json::object().add("anyOf", Json::array().push(std::move(first)).push(std::move(second)));
}
Json list_of(Json item) {
  return type("array").add("items", std::move(item));
}

constexpr std::string_view duration_pattern = "^[0-9]+(\\.[0-9]+)?(us|ms|s)$";

// The definitions every kind of value refers to, named as language::Value names them.
Json value_definitions() {
  Json defs = Json::object();
  // Any scalar: a name may read as a number or a boolean to a YAML 1.1 reader.
  defs.add("text", Json::object().add("type", Json::array()
                                                  .push(Json::string("string"))
                                                  .push(Json::string("number"))
                                                  .push(Json::string("boolean"))));
  defs.add("slug", pattern("^[a-z0-9]+(-[a-z0-9]+)*$"));
  defs.add(
      "number",
      type("integer").add("minimum", Json::number(0)).add("maximum", Json::number(4294967295)));
  defs.add("field",
           any_of(reference("number"), Json::object().add("const", Json::string("not_specified"))));
  defs.add("bytes", type("integer")
                        .add("minimum", Json::number(0))
                        .add("maximum", Json::number(scenario::limits::max_buffer_bytes)));
  defs.add("buffer",
           any_of(reference("bytes"), Json::object().add("const", Json::string("required"))));
  defs.add("name", any_of(pattern("^[A-Za-z0-9_]+$"), reference("number")));
  defs.add("duration", pattern(duration_pattern));
  defs.add("timeout",
           any_of(reference("duration"), Json::object().add("const", Json::string("infinite"))));
  defs.add("address", pattern("^[0-9]{1,3}(\\.[0-9]{1,3}){3}:[0-9]{1,5}$"));
  defs.add("ipv4", pattern("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$"));
  defs.add("socket_id", pattern("^[A-Za-z0-9_-]+$"));
  defs.add("probability",
           type("number").add("minimum", Json::number(0)).add("maximum", Json::number(1)));
  defs.add("extended_status",
           type("array")
               .add("prefixItems", Json::array().push(reference("name")).push(reference("name")))
               .add("minItems", Json::number(2))
               .add("maxItems", Json::number(2)));
  return defs;
}

// What the schema says of a value of `key`.
Json value_of(const language::Key& key) {
  switch (key.value) {
    case Value::text:
      return reference("text");
    case Value::slug:
      return reference("slug");
    case Value::number:
      return reference("number");
    case Value::field:
      return reference("field");
    case Value::bytes:
      return reference("bytes");
    case Value::buffer:
      return reference("buffer");
    case Value::name:
      return reference("name");
    case Value::duration:
      return reference("duration");
    case Value::timeout:
      return reference("timeout");
    case Value::address:
      return reference("address");
    case Value::ipv4:
      return reference("ipv4");
    case Value::socket_id:
      return reference("socket_id");
    case Value::boolean:
      return type("boolean");
    case Value::probability:
      return reference("probability");
    case Value::integer:
      return type("integer");
    case Value::port:
      return type("integer").add("minimum", Json::number(0)).add("maximum", Json::number(65535));
    case Value::round_count:
      return type("integer").add("minimum", Json::number(1)).add("maximum", Json::number(1000));
    case Value::hex:
      return pattern("^[0-9A-Fa-f ]*$");
    case Value::always:
      return Json::object().add("const", Json::literal("true"));
    case Value::word:
      return one_of_words(key.words);
    case Value::words:
      return list_of(one_of_words(key.words));
    case Value::socket_ids:
      return list_of(reference("socket_id"));
    case Value::texts:
      return list_of(reference("text"));
    case Value::pair_of_texts:
      return list_of(reference("text"))
          .add("minItems", Json::number(2))
          .add("maxItems", Json::number(2));
    case Value::extended_status:
      return reference("extended_status");
    case Value::objects:
      return list_of(any_of(Json::object().add("const", Json::string(language::end_of_list)),
                            reference(key.map->name)));
    case Value::map:
      return reference(key.map->name);
    case Value::named_maps:
      return type("object").add("additionalProperties", reference(key.map->name));
    case Value::maps:
      return list_of(reference(key.map->name));
    case Value::steps:
      return list_of(reference("step"));
  }
  return Json::object();
}

// `properties`, then `required` when some key is needed.
void add_keys(Json& schema, std::span<const language::Key> keys, Json properties, Json required) {
  for (const language::Key& key : keys) {
    Json value = value_of(key);
    if (!key.description.empty()) value.add("description", Json::string(key.description));
    properties.add(std::string(key.name), std::move(value));
    if (key.required) required.push(Json::string(key.name));
  }
  schema.add("properties", std::move(properties));
  if (!required.items.empty()) schema.add("required", std::move(required));
}

Json map_definition(const language::Map& map) {
  Json schema = type("object");
  if (!map.description.empty()) schema.add("description", Json::string(map.description));
  schema.add("additionalProperties", Json::literal("false"));
  if (map.one_of == map.keys.size()) {
    schema.add("minProperties", Json::number(1)).add("maxProperties", Json::number(1));
  } else if (map.one_of > 0) {
    Json each = Json::array();
    for (const language::Key& key : map.keys.first(map.one_of)) {
      each.push(Json::object().add("required", strings(std::span(&key.name, 1))));
    }
    schema.add("oneOf", std::move(each));
  }
  add_keys(schema, map.keys, Json::object(), Json::array());
  return schema;
}

// One verb of one step kind: its keys, and the kind's key naming it.
Json verb_definition(const language::StepKind& kind, const language::Verb& verb) {
  Json schema = type("object").add("additionalProperties", Json::literal("false"));
  Json properties = Json::object();
  properties.add(std::string(kind.key), Json::object().add("const", Json::string(verb.name)));
  properties.add(std::string(language::at_key), reference("duration"));
  properties.add(std::string(language::after_key), reference("duration"));
  Json required = Json::array().push(Json::string(kind.key));
  if (verb.socket != language::SocketUse::none) properties.add("socket", reference("socket_id"));
  if (verb.socket == language::SocketUse::required) required.push(Json::string("socket"));
  add_keys(schema, verb.keys, std::move(properties), std::move(required));
  if (!verb.exclusive.empty()) {
    if (verb.one_needed) {
      Json each = Json::array();
      for (std::string_view key : verb.exclusive) {
        each.push(Json::object().add("required", strings(std::span(&key, 1))));
      }
      schema.add("oneOf", std::move(each));
    } else {
      schema.add("not", Json::object().add("required", strings(verb.exclusive)));
    }
  }
  return schema;
}

std::string definition_name(const language::StepKind& kind, const language::Verb& verb) {
  return std::string(kind.key) + "_" + std::string(verb.name);
}

Json step_definition() {
  Json verbs = Json::array();
  for (const language::StepKind& kind : language::step_kinds()) {
    for (const language::Verb& verb : kind.verbs)
      verbs.push(reference(definition_name(kind, verb)));
  }
  return type("object")
      .add("description", Json::string("one of app, sp, net or expect with its verb's keys, and "
                                       "at or after (not both)"))
      .add("not", Json::object().add("required", Json::array()
                                                     .push(Json::string(language::at_key))
                                                     .push(Json::string(language::after_key))))
      .add("oneOf", std::move(verbs));
}

bool is_scalar(const Json& json) {
  return json.kind == Json::Kind::literal;
}

// Objects and arrays of scalars that fit stay on one line; the rest open one member a line.
void write(std::string& out, const Json& json, int indent) {
  if (is_scalar(json)) {
    out += json.text;
    return;
  }
  const bool object = json.kind == Json::Kind::object;
  const std::size_t count = object ? json.keys.size() : json.items.size();
  bool flat = true;
  std::size_t width = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Json& value = object ? json.values[i] : json.items[i];
    flat = flat && is_scalar(value);
    width += value.text.size() + (object ? json.keys[i].size() + 4 : 0) + 2;
  }
  const char open = object ? '{' : '[';
  const char close = object ? '}' : ']';
  if (count == 0 || (flat && indent + width < 96)) {
    out += open;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) out += ", ";
      if (object) out += "\"" + json.keys[i] + "\": ";
      out += object ? json.values[i].text : json.items[i].text;
    }
    out += close;
    return;
  }
  out += open;
  const std::string inner(static_cast<std::size_t>(indent + 2), ' ');
  for (std::size_t i = 0; i < count; ++i) {
    out += (i > 0 ? ",\n" : "\n") + inner;
    if (object) out += "\"" + json.keys[i] + "\": ";
    write(out, object ? json.values[i] : json.items[i], indent + 2);
  }
  out += "\n" + std::string(static_cast<std::size_t>(indent), ' ') + close;
}

}  // namespace

std::string scenario_schema() {
  Json schema = Json::object();
  schema.add("$schema", Json::string("https://json-schema.org/draft/2020-12/schema"));
  schema.add("$id", Json::string("https://qosbed.invalid/scenario.schema.json"));
  schema.add("title", Json::string("qosbed scenario"));
  schema.add("description",
             Json::string("A GQoS/RSVP SP scenario for qosbed (docs/scenario-language.md), made "
                          "from the table `qosbed validate` checks files against. Names "
                          "(statuses, errors, service types, ...) are also accepted without their "
                          "prefix, in any case, or as numbers, so they are checked as strings or "
                          "numbers here and exactly by `qosbed validate`."));
  const language::Map& top = language::top();
  schema.add("type", Json::string("object"));
  schema.add("additionalProperties", Json::literal("false"));
  add_keys(schema, top.keys, Json::object(), Json::array());

  Json defs = value_definitions();
  for (const language::Map* map :
       {&language::decisions(), &language::socket(), &language::qos(), &language::flowspec(),
        &language::given_flowspec(), &language::object_kinds(), &language::adspec(),
        &language::guaranteed(), &language::raw(), &language::network(),
        &language::network_decisions(), &language::node(), &language::link(), &language::session(),
        &language::sender(), &language::receiver(), &language::policy()}) {
    defs.add(std::string(map->name), map_definition(*map));
  }
  defs.add("step", step_definition());
  for (const language::StepKind& kind : language::step_kinds()) {
    for (const language::Verb& verb : kind.verbs) {
      defs.add(definition_name(kind, verb), verb_definition(kind, verb));
    }
  }
  schema.add("$defs", std::move(defs));
  std::string out;
  write(out, schema, 0);
  return out;
}

}  // namespace qosbed::cli
