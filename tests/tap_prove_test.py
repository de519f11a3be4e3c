"""`qosbed run --tap` read by its consumer, perl's prove (Debian's perl, in the base system): a
failing scenario whose file name holds "# TODO" must fail prove's run, a passing one pass it,
and prove's TAP::Parser must read each YAML diagnostics block without a parse error.

usage: tap_prove_test.py QOSBED
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

SCENARIO = """scenario: {name}
sockets:
  rx: {{role: receiver}}
steps:
  - {{app: bind, socket: rx}}
  - {{expect: call, result: {result}, error: {error}}}
"""

# Prints each test point and YAML block as TAP::Parser reads them, and its parse errors.
READER = r"""
use TAP::Parser;
my $parser = TAP::Parser->new({source => $ARGV[0]});
while (my $result = $parser->next) {
  printf "test %d %s todo=%d\n", $result->number, $result->is_ok ? 'ok' : 'not ok',
      $result->has_todo ? 1 : 0 if $result->is_test;
  if ($result->is_yaml) {
    my $data = $result->data;
    printf "yaml %s %d of %d [%s]\n%s", $data->{severity}, $data->{expectations}{failed},
        $data->{expectations}{checked}, $data->{file}, $data->{messages};
  }
}
print "parse error: $_\n" for $parser->parse_errors;
"""


def prove(tap):
    return subprocess.run(["prove", "-e", "cat", str(tap)], capture_output=True, text=True)


def main():
    qosbed = sys.argv[1]
    if shutil.which("prove") is None:
        sys.exit("prove is missing: it comes with Debian's perl package")
    problems = []

    def check(what, condition, shown):
        if not condition:
            problems.append(f"{what}:\n{shown}")

    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        # One expectation that fails on two fields: two messages, one failed expectation.
        fails = root / "fails # TODO later.yaml"
        fails.write_text(SCENARIO.format(name="fails", result=-1, error="WSAEINVAL"))
        passes = root / "passes # TODO later.yaml"
        passes.write_text(SCENARIO.format(name="passes", result=0, error="NO_ERROR"))

        tap = root / "fails.tap"
        run = subprocess.run([qosbed, "run", "--tap", str(tap), str(fails)],
                             capture_output=True, text=True)
        check("qosbed run exits 1 on the failing scenario", run.returncode == 1, run.stderr)
        verdict = prove(tap)
        check("prove fails the run", verdict.returncode == 1, verdict.stdout)
        check("prove says FAIL", "Result: FAIL" in verdict.stdout, verdict.stdout)
        check("prove names the failed test", "Failed test:  1\n" in verdict.stdout,
              verdict.stdout)
        check("prove parses the TAP", "Parse errors" not in verdict.stdout, verdict.stdout)
        read = subprocess.run(["perl", "-e", READER, str(tap)], capture_output=True, text=True,
                              check=True)
        expected = (f"test 1 not ok todo=0\n"
                    f"yaml fail 1 of 1 [{fails}]\n"
                    f"{fails}:6: expected call result -1 vs actual 0 "
                    f"(call on rx at 0.000 ms, from bind)\n"
                    f"{fails}:6: expected call error WSAEINVAL vs actual NO_ERROR "
                    f"(call on rx at 0.000 ms, from bind)\n")
        check("TAP::Parser reads the test point and its diagnostics", read.stdout == expected,
              read.stdout)

        tap = root / "passes.tap"
        run = subprocess.run([qosbed, "run", "--tap", str(tap), str(passes)],
                             capture_output=True, text=True)
        check("qosbed run exits 0 on the passing scenario", run.returncode == 0, run.stderr)
        verdict = prove(tap)
        check("prove passes the run", verdict.returncode == 0, verdict.stdout)
        check("prove says PASS", "Result: PASS" in verdict.stdout, verdict.stdout)

        # Both in one run, through standard output: only the failing one fails.
        run = subprocess.run([qosbed, "run", "--tap", "-", folder], capture_output=True,
                             text=True)
        tap = root / "both.tap"
        tap.write_text(run.stdout)
        verdict = prove(tap)
        check("prove fails the run of both", verdict.returncode == 1, verdict.stdout)
        check("prove fails only the failing one", "Failed test:  1\n" in verdict.stdout
              and "Tests: 2 Failed: 1)" in verdict.stdout, verdict.stdout)

        # --fail-fast: the scenario after the failing one is reported skipped, the plan holds.
        run = subprocess.run([qosbed, "run", "--fail-fast", "--tap", "-", folder],
                             capture_output=True, text=True)
        tap.write_text(run.stdout)
        verdict = prove(tap)
        check("prove fails the --fail-fast run", verdict.returncode == 1, verdict.stdout)
        check("the --fail-fast report is whole: no bad plan, no parse error",
              "Bad plan" not in verdict.stdout and "Parse errors" not in verdict.stdout
              and "Tests: 2 Failed: 1)" in verdict.stdout, verdict.stdout)
        check("prove counts the skipped scenario", "(less 1 skipped subtest" in verdict.stdout,
              verdict.stdout)

    for problem in problems:
        print("FAILED:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
