"""tools/check_layers.py on small trees made here: it passes a tree that keeps the layer rules,
fails an upward include naming FILE:LINE and the rule, accepts a break its exceptions file lists,
fails an exception that no longer matches an include, and fails a folder the table lacks.

usage: check_layers_test.py CHECK_LAYERS_PY
"""
import pathlib
import subprocess
import sys
import tempfile

CHECK = sys.argv[1]


def tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def check(root):
    done = subprocess.run([sys.executable, CHECK, "--root", str(root)], capture_output=True,
                          text=True)
    return done.returncode, done.stdout


def expect(condition, what, output):
    if not condition:
        sys.exit(f"FAILED: {what}\n--- output ---\n{output}")


KEEPS_THE_RULES = {
    "sim/gqos/layout.hpp": "#pragma once\n#include <cstdint>\n",
    "sim/scenario/scenario.hpp": '#pragma once\n#include "gqos/layout.hpp"\n'
                                 '#include "scenario/steps.hpp"\n',
    "provider_stub/emulator.hpp": '#pragma once\n#include "engine/event_queue.hpp"\n',
    "sim/runner/runner.cpp": '#include "provider_stub/emulator.hpp"\n'
                             '#include "scenario/scenario.hpp"\n',
    "sim/report/html.cpp": '#include "runner/runner.hpp"\n',
    "sim/main.cpp": '#include "report/html.hpp"\n',
}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp) / "good"
        tree(root, KEEPS_THE_RULES)
        code, out = check(root)
        expect(code == 0 and out == "", "a tree that keeps the rules passes", out)

        # The scenario including the emulator above it.
        root = pathlib.Path(tmp) / "upward"
        tree(root, KEEPS_THE_RULES)
        tree(root, {"sim/scenario/network.hpp":
                    '#pragma once\n\n#include <vector>\n#include "provider_stub/emulator.hpp"\n'})
        code, out = check(root)
        expect(code == 1, "an upward include fails", out)
        expect(out == "sim/scenario/network.hpp:4: error: scenario may not include "
                      "provider_stub/emulator.hpp (scenario may include: gqos, provider)\n",
               "the failure names FILE:LINE and the rule", out)

        # The runner's one header a report may include, and no other.
        tree(root, {"sim/report/junit.cpp": '#include "runner/expectations.hpp"\n'})
        code, out = check(root)
        expect("sim/report/junit.cpp:1: error: report may not include runner/expectations.hpp"
               in out, "a report may include runner/runner.hpp only", out)

        # A listed break passes; once it is gone, its entry fails.
        tree(root, {"tools/layer_exceptions.txt":
                    "# known\nsim/scenario/network.hpp provider_stub  # goes soon\n"
                    "sim/report/junit.cpp runner/expectations.hpp\n"})
        code, out = check(root)
        expect(code == 0 and out == "", "listed breaks pass", out)
        tree(root, {"sim/scenario/network.hpp": "#pragma once\n"})
        code, out = check(root)
        expect(code == 1 and out == f"{root}/tools/layer_exceptions.txt:2: error: "
                                    "sim/scenario/network.hpp no longer includes provider_stub: "
                                    "delete this exception\n",
               "a stale exception fails", out)

        # A new folder must be given its place in the table.
        root = pathlib.Path(tmp) / "new-part"
        tree(root, KEEPS_THE_RULES)
        tree(root, {"sim/apps/app.cpp": '#include "gqos/layout.hpp"\n'})
        code, out = check(root)
        expect(code == 1 and "sim/apps/app.cpp: error: sim/apps/ is not in the layer table" in out,
               "a folder the table lacks fails", out)
    print("ok")


if __name__ == "__main__":
    main()
