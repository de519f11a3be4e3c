"""`qosbed schema` against the scenarios: every bundled scenario and a fresh `qosbed new` one
must validate against the JSON Schema, and every structurally wrong file of scenarios/invalid/
must fail it. The other invalid files break rules a schema cannot state (time order, declared
sockets, names, YAML itself) and are left to `qosbed validate`.

usage: schema_test.py QOSBED SCENARIOS_DIR
"""
import json
import pathlib
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
]


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
    for problem in problems:
        print(problem)
    print(f"{len(bundled) + len(fresh)} scenarios valid, {len(STRUCTURALLY_WRONG)} invalid "
          f"files refused, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
