"""`qosbed report` names each sent RSVP message's objects as Wireshark does.

For each network scenario given, `qosbed report` writes the page and `qosbed run --pcap` the
capture of the same run. The report's trace table lists, in the detail of each `sent` RSVP row,
the message's objects; tshark -V sums up each object of the same packet on one line of its tree
(four spaces in, after the RSVP header). The two lists must be equal, packet by packet, trailing
spaces aside. tshark missing (Debian's tshark package) is a skip, exit code 77, not a pass.

usage: report_objects_tshark_test.py QOSBED WORK_DIR SCENARIO...
"""
import html
import pathlib
import re
import shutil
import subprocess
import sys

from rsvp_wire_tshark_test import tshark

SKIP = 77
ROW = re.compile(r"<tr><td class=\"time\">[^<]*</td><td></td><td>rsvp</td><td></td>"
                 r"<td>sent</td><td>([^<]*)</td></tr>")
OBJECT = re.compile(r"^[A-Z][A-Z ]*(:|$)")


def report_objects(qosbed, scenario, page):
    """The objects of each sent RSVP message, as the report's trace table lists them."""
    run = subprocess.run([qosbed, "report", str(scenario), "-o", str(page)],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"qosbed report {scenario} exited {run.returncode}: {run.stderr}")
    rows = ROW.findall(page.read_text())
    return [[item for item in html.unescape(row).split("; ") if OBJECT.match(item)]
            for row in rows]


def tshark_objects(qosbed, scenario, capture):
    run = subprocess.run([qosbed, "run", "--pcap", str(capture), str(scenario)],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"qosbed run {scenario} exited {run.returncode}: {run.stderr}")
    packets = []
    for frame in tshark(str(capture), "-V").split("\nFrame ")[0:]:
        rsvp = frame.split("Resource ReserVation Protocol (RSVP)", 1)
        if len(rsvp) < 2:
            continue
        lines = [line[4:].rstrip() for line in rsvp[1].splitlines()
                 if re.match(r"^    [A-Z]", line) and not line.startswith("    RSVP Header")]
        packets.append(lines)
    return packets


def main():
    qosbed, work = sys.argv[1], pathlib.Path(sys.argv[2])
    if shutil.which("tshark") is None:
        print("tshark not found: install Debian's tshark package to run this test")
        return SKIP
    work.mkdir(parents=True, exist_ok=True)
    failed = 0
    checked = 0
    for scenario in map(pathlib.Path, sys.argv[3:]):
        ours = report_objects(qosbed, scenario, work / (scenario.stem + ".html"))
        theirs = tshark_objects(qosbed, scenario, work / (scenario.stem + ".pcapng"))
        if len(ours) != len(theirs) or not ours:
            print(f"{scenario}: the report lists {len(ours)} sent messages, tshark {len(theirs)}")
            failed += 1
            continue
        for number, (mine, wireshark) in enumerate(zip(ours, theirs), 1):
            checked += 1
            if mine != wireshark:
                print(f"{scenario}: packet {number}: the report lists {mine}, tshark {wireshark}")
                failed += 1
                break
    print(f"{checked} messages compared, {failed} scenarios differing")
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
