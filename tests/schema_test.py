"""`qosbed schema` against the scenarios: every bundled scenario and a fresh `qosbed new` one
must validate against the JSON Schema, and every structurally wrong file of scenarios/invalid/
must fail it. The other invalid files break rules a schema cannot state (time order, declared
sockets, names, YAML itself) and are left to `qosbed validate`.

Then the schema against the reader, `qosbed validate` itself: in every map and every step verb,
a key the reader takes is in the schema and a key of the schema the reader takes, and so are
the verbs of each step kind and the words of each closed set. Each is found by writing a file
with a word the language does not have where the key or word goes and reading what the reader
says it expected there.

usage: schema_test.py QOSBED SCENARIOS_DIR
"""
import copy
import json
import pathlib
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

STRUCTURALLY_WRONG = [
    "app-and-expect.yaml", "bad-duration-unit.yaml", "buffer-over-cap.yaml", "empty.yaml",
    "extended-status-one-value.yaml", "fail-without-call.yaml", "fd-qos-both-directions.yaml",
    "missing-role.yaml", "missing-scenario-key.yaml", "negative-time.yaml", "not-a-map.yaml",
    "number-past-32-bits.yaml", "several-problems.yaml", "step-without-kind.yaml",
    "unknown-key.yaml", "unknown-profile.yaml", "unknown-verb.yaml", "wait-takes-no-socket.yaml",
    "wrong-type.yaml", "network-bad-loss.yaml", "flowspec-without-service-type.yaml",
    "network-policy-users.yaml",
]


PROBE = "zzzzzzzzzz"  # far from every key and word, so the reader lists them all

# A network scenario every probe starts from: each map and verb of the language is reachable.
BASE = {
    "scenario": "probe",
    "sockets": {"rx": {"role": "receiver"}},
    "network": {
        "nodes": {"a": {"host": "10.0.0.1"}, "b": {"host": "10.0.0.2"}},
        "links": [{"between": ["a", "b"], "bandwidth": 1000}],
        "sessions": {"s": {"destination": "10.0.0.2:5000"}},
        "senders": {"tx": {"host": "a", "session": "s", "port": 6000,
                           "tspec": {"service_type": "guaranteed"}}},
        "receivers": {"r": {"host": "b", "session": "s",
                            "flowspec": {"service_type": "guaranteed"}}},
    },
    "steps": [],
}


def expected_by_reader(qosbed, folder, document, what):
    """What the reader lists as expected where `what` ('key', 'app verb', 'role', ...) is
    PROBE in `document`."""
    path = pathlib.Path(folder) / "probe.yaml"
    path.write_text(json.dumps(document))  # JSON is YAML
    result = subprocess.run([qosbed, "validate", str(path)], capture_output=True, text=True)
    message = re.search(rf"unknown {what} '{PROBE}' \(expected one of: ([^)]*)\)", result.stderr)
    if not message:
        return None
    return set(message.group(1).split(", "))


def with_step(step):
    document = copy.deepcopy(BASE)
    document["steps"] = [step]
    return document


def with_at(path, value):
    """BASE with `value` at `path` (keys and list indexes), what is there merged into a map."""
    document = copy.deepcopy(BASE)
    place = document
    for key in path[:-1]:
        place = place[key]
    if isinstance(place.get(path[-1]) if isinstance(place, dict) else None, dict) and \
            isinstance(value, dict):
        place[path[-1]].update(value)
    else:
        place[path[-1]] = value
    return document


def probe_keys(schema):
    """(context, document with PROBE as a key there, the keys the schema lists there)."""
    defs = schema["$defs"]
    keys = lambda name: set(defs[name]["properties"])
    probe = {PROBE: 1}
    fd_qos = {"sp": "fd_qos", "socket": "rx", "status": 1}
    yield "top level", with_at(["zz"], 1) | {PROBE: 1}, set(schema["properties"])
    yield "decisions", with_at(["decisions"], probe), keys("decisions")
    yield "socket", with_at(["sockets", "rx"], probe), keys("socket")
    yield "qos", with_at(["sockets", "rx", "qos"], probe), keys("qos")
    yield "given FLOWSPEC", with_at(["sockets", "rx", "qos"],
                                    {"sending": {"service_type": 1, PROBE: 1}}), \
        keys("given_flowspec")
    yield "FLOWSPEC", with_step({"expect": "completion", "socket": "rx", "sending": probe}), \
        keys("flowspec")
    yield "adspec", with_step(fd_qos | {"objects": [{"adspec": probe}]}), keys("adspec")
    yield "guaranteed", with_step(fd_qos | {"objects": [{"adspec": {"guaranteed": probe}}]}), \
        keys("guaranteed")
    yield "raw", with_step(fd_qos | {"objects": [{"raw": {"type": 1, PROBE: 1}}]}), keys("raw")
    yield "network", with_at(["network"], probe), keys("network")
    yield "node", with_at(["network", "nodes", "a"], probe), keys("node")
    yield "link", with_at(["network", "links"], [{"between": ["a", "b"], "bandwidth": 1,
                                                   PROBE: 1}]), keys("link")
    for name in ("session", "sender", "receiver"):
        yield name, with_at(["network", name + "s", {"session": "s", "sender": "tx",
                                                     "receiver": "r"}[name]], probe), keys(name)
    for definition, verb_schema in defs.items():
        kind = definition.split("_")[0]
        if kind not in ("app", "sp", "net", "expect"):
            continue
        verb = verb_schema["properties"][kind]["const"]
        yield f"{kind}: {verb}", with_step({kind: verb, PROBE: 1}), \
            set(verb_schema["properties"])


def probe_words(schema):
    """(what the reader calls the set, document with PROBE in its place, the schema's words)."""
    defs = schema["$defs"]
    verbs = {}
    for verb_schema in defs.values():
        for kind in ("app", "sp", "net", "expect"):
            if kind in verb_schema.get("properties", {}) and "const" in \
                    verb_schema["properties"][kind]:
                verbs.setdefault(kind, set()).add(verb_schema["properties"][kind]["const"])
    titles = {"app": "app verb", "sp": "sp verb", "net": "net verb", "expect": "expect kind"}
    for kind, names in verbs.items():
        yield titles[kind], with_step({kind: PROBE}), names
    enum = lambda node: set(node["enum"])
    yield "profile", with_at(["profile"], PROBE), enum(schema["properties"]["profile"])
    yield "pending policy", with_at(["pending"], PROBE), enum(schema["properties"]["pending"])
    yield "role", with_at(["sockets", "rx", "role"], PROBE), enum(defs["socket"]["properties"]["role"])
    yield "protocol", with_at(["sockets", "rx", "protocol"], PROBE), \
        enum(defs["socket"]["properties"]["protocol"])
    yield "style", with_at(["network", "receivers", "r", "style"], PROBE), \
        enum(defs["receiver"]["properties"]["style"])
    yield "object", with_step({"sp": "fd_qos", "socket": "rx", "status": 1, "objects": [PROBE]}), \
        set(defs["object"]["properties"]) | {"end_of_list"}
    steps = {
        "mode": ({"app": "get_qos", "socket": "rx", "mode": PROBE}, "app_get_qos"),
        "notify": ({"app": "get_qos", "socket": "rx", "notify": PROBE}, "app_get_qos"),
        "call": ({"sp": "fail", "socket": "rx", "error": 1, "call": PROBE}, "sp_fail"),
        "direction": ({"expect": "update", "socket": "rx", "direction": PROBE}, "expect_update"),
        "message": ({"expect": "message", "message": PROBE}, "expect_message"),
        "action": ({"expect": "message", "action": PROBE}, "expect_message"),
        "blockade": ({"expect": "state", "node": "a", "blockade": PROBE}, "expect_state"),
        "network event": ({"app": "event_select", "socket": "rx", "events": [PROBE]},
                          "app_event_select"),
    }
    for title, (step, definition) in steps.items():
        key = {"blockade": "blockade", "network event": "events"}.get(title, title)
        words = defs[definition]["properties"][key]
        yield title, with_step(step), enum(words.get("items", words))


def reader_and_schema_agree(qosbed, schema, folder):
    problems = []
    for context, document, in_schema in probe_keys(schema):
        by_reader = expected_by_reader(qosbed, folder, document, "key")
        if by_reader is None:
            problems.append(f"{context}: the reader did not refuse the key {PROBE}")
        elif by_reader != in_schema:
            problems.append(f"{context}: keys only the reader takes {sorted(by_reader - in_schema)}"
                            f", only the schema {sorted(in_schema - by_reader)}")
    for title, document, in_schema in probe_words(schema):
        by_reader = expected_by_reader(qosbed, folder, document, title)
        if by_reader is None:
            problems.append(f"{title}: the reader did not refuse the word {PROBE}")
        elif by_reader != in_schema:
            problems.append(f"{title}: words only the reader takes {sorted(by_reader - in_schema)}"
                            f", only the schema {sorted(in_schema - by_reader)}")
    return problems


def main():
    qosbed, root = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads(subprocess.run([qosbed, "schema"], check=True, capture_output=True,
                                       text=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []

    def errors(path):
        return list(validator.iter_errors(yaml.safe_load(path.read_text())))

    bundled = [p for p in sorted(root.rglob("*.yaml")) if "invalid" not in p.parts]
    with tempfile.TemporaryDirectory() as folder:
        for role in ("receiver", "sender"):
            subprocess.run([qosbed, "new", f"{folder}/fresh-{role}", "--role", role], check=True,
                           capture_output=True)
        fresh = sorted(pathlib.Path(folder).glob("*.yaml"))
        for path in bundled + fresh:
            for error in errors(path)[:1]:
                problems.append(f"{path}: should validate: {error.message}")
    for name in STRUCTURALLY_WRONG:
        if not errors(root / "invalid" / name):
            problems.append(f"{root / 'invalid' / name}: should fail the schema")
    with tempfile.TemporaryDirectory() as folder:
        agreement = reader_and_schema_agree(qosbed, schema, folder)
    problems += agreement
    contexts = len(list(probe_keys(schema))) + len(list(probe_words(schema)))
    for problem in problems:
        print(problem)
    print(f"{len(bundled) + len(fresh)} scenarios valid, {len(STRUCTURALLY_WRONG)} invalid "
          f"files refused, {contexts} maps, verbs and word sets alike in the reader and the "
          f"schema, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
