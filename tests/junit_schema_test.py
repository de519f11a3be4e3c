"""`qosbed run --junit` read by its consumers: every report must validate against the Jenkins
JUnit schema (tests/junit-10.xsd) with xmllint (Debian's libxml2-utils),
whatever the scenarios' file names hold (bytes that are not UTF-8, control characters, XML's
own characters) and however they are named (absolute, below "../"), and each <testcase> must
carry a time and a well-formed classname.

usage: junit_schema_test.py QOSBED JUNIT_XSD SCENARIOS_DIR
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

PASSES = """scenario: passes
sockets:
  rx: {role: receiver}
steps:
  - {app: bind, socket: rx}
  - {expect: call, result: 0}
"""
FAILS = PASSES.replace("scenario: passes", "scenario: fails").replace(
    "result: 0}", "result: -1, error: WSAEINVAL}")


def main():
    qosbed, schema, scenarios = (os.path.abspath(arg) for arg in sys.argv[1:4])
    if shutil.which("xmllint") is None:
        sys.exit("xmllint is missing: install Debian's libxml2-utils")
    problems = []

    def check(what, condition, shown=""):
        if not condition:
            problems.append(f"{what}\n{shown}")

    def validate(what, xml):
        """Checks one report with xmllint and the schema, then what the schema leaves open."""
        checked = subprocess.run(["xmllint", "--noout", "--schema", schema, "-"], input=xml,
                                 capture_output=True)
        check(f"{what}: validates against junit-10.xsd", checked.returncode == 0,
              checked.stderr.decode(errors="replace"))
        if checked.returncode != 0:
            return None
        root = ElementTree.fromstring(xml)
        for case in root.iter("testcase"):
            name = case.get("name")
            check(f"{what}: {name}: time in seconds", re.fullmatch(r"\d+\.\d{3}", case.get("time", "")),
                  case.get("time"))
            check(f"{what}: {name}: classname well formed",
                  re.fullmatch(r"[^./]+(\.[^./]+)*", case.get("classname", "")),
                  case.get("classname"))
            out = case.findtext("system-out") or ""
            check(f"{what}: {name}: file in system-out", out.startswith("file: "), out)
        return root

    def run(args, cwd=None):
        return subprocess.run([qosbed, "run", *args], capture_output=True, cwd=cwd)

    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        names = [b"passes.yaml", b"fails.yaml", b"caf\xe9 latin-1.yaml", b"bell\x07.yaml",
                 b"<&\"'>]]>.yaml", b"dotted.v2.yaml"]
        (root / "s").mkdir()
        for name in names:
            with open(os.path.join(os.fsencode(folder), b"s", name), "w") as out:
                out.write(PASSES if name == b"passes.yaml" else FAILS)
        (root / "s" / "invalid.yaml").write_text("scenario: invalid\n")

        # Absolute paths, to a file.
        report = root / "report.xml"
        result = run(["--junit", str(report), str(root / "s")])
        check("the run with failures exits 2 (one scenario is invalid)", result.returncode == 2,
              result.stderr.decode(errors="replace"))
        tree = validate("absolute paths", report.read_bytes())
        if tree is not None:
            suite = tree.find("testsuite")
            check("the totals", (suite.get("tests"), suite.get("failures"), suite.get("errors"))
                  == ("7", "5", "1"), ElementTree.tostring(suite)[:200])
            classes = {case.get("classname") for case in tree.iter("testcase")}
            expected = ".".join(part.replace(".", "_") for part in root.parts[1:]) + ".s"
            check("the folders as the classname", classes == {expected}, classes)
            names = sorted(case.get("name") for case in tree.iter("testcase"))
            check("bytes of no UTF-8 and control characters written \\xNN",
                  "caf\\xE9 latin-1" in names and "bell\\x07" in names, names)

        # Below "../", to standard output.
        (root / "here").mkdir()
        result = run(["--junit", "-", "../s/passes.yaml", "../s/fails.yaml"], cwd=root / "here")
        check("--junit - exits 1 on a failed scenario", result.returncode == 1,
              result.stderr.decode(errors="replace"))
        tree = validate("paths below ../ on standard output", result.stdout)
        if tree is not None:
            classes = [case.get("classname") for case in tree.iter("testcase")]
            check("../ left out of the classname", classes == ["s", "s"], classes)
            check("the closing lines on stderr",
                  result.stderr.endswith(b"1 of 2 expectations failed\n1 passed, 1 failed\n"),
                  result.stderr)

        # --fail-fast: what was not played is there, skipped, and the report still validates.
        result = run(["--fail-fast", "--junit", "-", str(root / "s")])
        check("--fail-fast exits 1 on its first failed scenario", result.returncode == 1,
              result.stderr.decode(errors="replace"))
        tree = validate("--fail-fast", result.stdout)
        if tree is not None:
            suite = tree.find("testsuite")
            skipped = [case.get("name") for case in tree.iter("testcase")
                       if case.find("skipped") is not None]
            check("--fail-fast: every scenario reported, the unplayed ones skipped",
                  suite.get("tests") == "7" and suite.get("skipped") == str(len(skipped))
                  and len(skipped) >= 1, ElementTree.tostring(suite)[:300])

        # Every bundled scenario.
        result = run(["--junit", "-", "-j", "2", scenarios])
        check("the bundled scenarios pass", result.returncode == 0,
              result.stderr.decode(errors="replace"))
        validate("the bundled scenarios", result.stdout)

    for problem in problems:
        print("FAILED:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
