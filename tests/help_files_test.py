"""qosbed(1) and the bash completion script, checked with their consumers: groff renders the man
page without a warning and it shows every command and every option that `qosbed help COMMAND`
lists; bash loads the completion script and completes commands, each command's options, the
values of an option that names its choices, and files; `cmake --install` puts both where man and
bash-completion look.

usage: help_files_test.py QOSBED MAN_PAGE COMPLETION BUILD_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

qosbed, man_page, completion, build_dir = map(os.path.abspath, sys.argv[1:5])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def commands():
    usage = run([qosbed, "--help"]).stdout
    listed = usage[usage.index("commands:\n"):].split("\n\n")[0].splitlines()[1:]
    return [line.split()[0] for line in listed if line.split()[0] != "help"]


def options_of(command):
    """The options `qosbed help COMMAND` lists, long and short."""
    help_text = run([qosbed, "help", command]).stdout
    options = help_text[help_text.index("\noptions:\n"):]
    found = []
    for line in options.splitlines():
        match = re.match(r"  (-\w) \[ (--[\w-]+) \]|  (--[\w-]+)", line)
        if match:
            found += [name for name in match.groups() if name]
    return found


names = commands()
check(len(names) >= 9, f"too few commands in qosbed --help: {names}")

# The man page, rendered by groff with every warning on.
for tool in ("groff", "bash"):
    if not shutil.which(tool):
        sys.exit(f"{tool} is needed (Debian's groff-base, bash)")
rendered = run(["groff", "-man", "-Tutf8", "-ww", "-rHY=0", "-rLL=400n", "-P-cbou", man_page])
check(rendered.returncode == 0, f"groff exit code {rendered.returncode}")
check(rendered.stderr == "", f"groff warns:\n{rendered.stderr}")
page = rendered.stdout.replace("\u2010", "-").replace("\u2212", "-")
check(page.startswith("QOSBED(1)"), "the page does not open with its title")
for command in names:
    start = page.find(f"\n   qosbed {command}\n")
    check(start >= 0, f"the man page has no section for qosbed {command}")
    section = page[start:page.find("\n   qosbed ", start + 1)]
    usage_line = run([qosbed, command, "--help"]).stdout.splitlines()[0]
    check(usage_line.removeprefix("usage: ") in section,
          f"qosbed {command}: the man page lacks its usage line '{usage_line}'")
    for option in options_of(command):
        # Each option heads an entry of its own: "--trace json|text" or "-v, --verbose".
        check(re.search(rf"^ +(-\w, )?{re.escape(option)}(, --[\w-]+)?( [^ ]+)?$", section, re.M),
              f"qosbed {command}: the man page has no entry for {option}")
check("EXIT STATUS" in page, "the man page has no EXIT STATUS section")

if man := shutil.which("man"):
    by_man = run([man, "-l", man_page], env=dict(os.environ, MANWIDTH="100", MAN_KEEP_FORMATTING=""))
    check(by_man.returncode == 0 and "qosbed run" in by_man.stdout,
          f"man -l failed: {by_man.stderr}")


# The completion script, loaded by bash as bash-completion loads it.
def complete(*words, cwd=None):
    script = (f"source {completion!r}; complete -p qosbed; "
              f"COMP_WORDS=({' '.join(repr(w) for w in words)}); "
              f"COMP_CWORD={len(words) - 1}; _qosbed; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
    result = run(["bash", "--norc", "--noprofile", "-c", script], cwd=cwd)
    check(result.returncode == 0 and result.stderr == "",
          f"bash failed on {words}: {result.stderr}")
    lines = result.stdout.splitlines()
    check(lines[:1] == ["complete -F _qosbed qosbed"], f"complete -p says {lines[:1]}")
    return sorted(line for line in lines[1:] if line)


check(complete("qosbed", "") == sorted(names + ["help", "--help", "--version"]),
      f"the commands completed: {complete('qosbed', '')}")
check(complete("qosbed", "co") == ["compile", "coverage"], "qosbed co<TAB>")
check(complete("qosbed", "cov") == ["coverage"], "qosbed cov<TAB>")
check(complete("qosbed", "help", "ex") == ["explain"], "qosbed help ex<TAB>")
for command in names:
    got = complete("qosbed", command, "-")
    check(got == sorted(options_of(command)), f"qosbed {command} -<TAB> gives {got}")
check(complete("qosbed", "run", "--trace", "") == ["json", "text"], "--trace <TAB>")
check(complete("qosbed", "run", "--provider", "w") == ["winsock"], "--provider w<TAB>")
check(complete("qosbed", "run", "--color", "") == ["always", "auto", "never"], "--color <TAB>")
check(complete("qosbed", "new", "x", "--role", "r") == ["receiver"], "--role r<TAB>")
check(complete("qosbed", "run", "-j", "") == [], "-j <TAB> offers nothing")
with tempfile.TemporaryDirectory() as folder:
    os.mkdir(os.path.join(folder, "suite"))
    open(os.path.join(folder, "session.yaml"), "w").close()
    check(complete("qosbed", "run", "s", cwd=folder) == ["session.yaml", "suite"],
          "qosbed run s<TAB>")
    check(complete("qosbed", "list", "s", cwd=folder) == ["suite"], "qosbed list s<TAB>")
    check(complete("qosbed", "run", "--golden", "s", cwd=folder) == ["suite"], "--golden s<TAB>")
    check(complete("qosbed", "schema", "") == [], "qosbed schema <TAB> offers nothing")

    # Installed where man and bash-completion find them.
    installed = run(["cmake", "--install", build_dir, "--prefix", os.path.join(folder, "prefix")])
    check(installed.returncode == 0, f"cmake --install failed: {installed.stderr[-2000:]}")
    for built, below in ((man_page, "share/man/man1/qosbed.1"),
                         (completion, "share/bash-completion/completions/qosbed")):
        path = os.path.join(folder, "prefix", below)
        check(os.path.exists(path) and open(path).read() == open(built).read(),
              f"cmake --install did not put {below} in place")

for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
