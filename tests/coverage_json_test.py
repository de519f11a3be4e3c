"""`qosbed coverage --format json` read by Python's JSON parser, on the bundled scenarios: the
document's shape, every rule exercised by some scenario and R1-R10 each by its own scenario in
scenarios/rules/, each
notification mode by the scenario made to show it, and the table's counts equal to the lengths
of the JSON's lists.

usage: coverage_json_test.py QOSBED SCENARIOS_DIR
"""
import json
import re
import subprocess
import sys

RULES = [f"R{n}" for n in range(1, 11)] + [f"D{n}" for n in range(1, 40)]
# Each mode, and one bundled scenario that learns of a result through it.
MODES = {
    "routine": "rules/r6-routine-runs-only-in-alertable-wait.yaml",
    "event": "regression/event-notified-query-get-overlapped-result.yaml",
    "sync": "regression/sync-query-returns-data.yaml",
    "event-select": "regression/fd-qos-drain-with-event-select.yaml",
    "monitor": "teaching/sender-session.yaml",
}


def main():
    qosbed, root = sys.argv[1], sys.argv[2].rstrip("/")
    run = subprocess.run([qosbed, "coverage", "--format", "json", root], capture_output=True,
                         text=True, check=True)
    document = json.loads(run.stdout)
    problems = []

    def check(held, what):
        if not held:
            problems.append(what)

    check(list(document) == ["scenarios", "rules", "statuses", "errors", "modes"],
          f"keys {list(document)}")
    scenarios = document["scenarios"]
    check(len(scenarios) == len(set(scenarios)) > 40, f"{len(scenarios)} scenarios")
    check([rule["name"] for rule in document["rules"]] == RULES,
          "rules R1-R10, D1-D39 in order")
    for section in ("rules", "statuses", "errors", "modes"):
        for item in document[section]:
            seen = item["scenarios"]
            check(len(seen) == len(set(seen)) and set(seen) <= set(scenarios),
                  f"{section} {item['name']}: scenarios {seen}")
            check(("value" in item) == (section in ("statuses", "errors")),
                  f"{section} {item['name']}: value")
            check(("title" in item) == (section in ("rules", "modes")),
                  f"{section} {item['name']}: title")

    rules = {rule["name"]: rule["scenarios"] for rule in document["rules"]}
    for n in range(1, 11):
        own = [s for s in scenarios if re.search(rf"/rules/r{n}-[^/]*\.yaml$", s)]
        check(own and set(own) <= set(rules[f"R{n}"]),
              f"R{n} is not exercised by its scenario(s) in rules/: {own}")
    for name, seen in rules.items():
        check(seen, f"{name} is exercised by no bundled scenario")
    modes = {mode["name"]: mode["scenarios"] for mode in document["modes"]}
    check(list(modes) == list(MODES), f"modes {list(modes)}")
    for mode, scenario in MODES.items():
        check(f"{root}/{scenario}" in modes.get(mode, []), f"mode {mode} not by {scenario}")

    # The table says the same: each row's count is the length of its item's list.
    table = subprocess.run([qosbed, "coverage", root], capture_output=True, text=True,
                           check=True).stdout
    # Rows are counted per section: a WSA_QOS_E* code is a row of both statuses and errors.
    headers = {"rule": "rules", "status": "statuses", "error": "errors",
               "notification mode": "modes"}
    counts = {}
    section = None
    for line in table.splitlines():
        header = re.match(r"(\S+(?: mode)?) +scenarios", line)
        if header and header.group(1) in headers:
            section = headers[header.group(1)]
            continue
        match = re.match(r"(\S+) +(\d+|-)(  |$)", line)
        if match and section:
            counts[(section, match.group(1))] = 0 if match.group(2) == "-" else int(match.group(2))
    for section in ("rules", "statuses", "errors", "modes"):
        for item in document[section]:
            count = counts.get((section, item["name"]))
            check(count == len(item["scenarios"]),
                  f"table row {item['name']} ({section}): {count} vs json "
                  f"{len(item['scenarios'])}")

    for problem in problems:
        print(problem)
    print(f"{len(scenarios)} scenarios, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
