"""Every bundled network scenario's capture is what its trace says, as Wireshark reads it.

For each scenario with a `network:` section below the folders given, `qosbed run --pcap` writes
the capture and `--trace json` the trace. tshark then reads the capture, and:
  - it shows, in order, exactly the messages the trace records as `sent`: the same count, each
    of the same RSVP message type, on the interface named as the trace's link, at the trace's
    virtual time;
  - every RSVP checksum verifies ("[correct]"), no packet is malformed, and the capture has no
    expert error or warning (-z expert; IP header checksums checked);
  - `tshark -Y rsvp` shows them all;
  - a scenario whose hosts name no user sends no POLICY_DATA, and in the first messages of
    the policy-data lessons POLICY_DATA names the users their hosts name (D39).
tshark missing (Debian's tshark package) is a skip, exit code 77, not a pass.

usage: capture_tshark_test.py QOSBED WORK_DIR FOLDER...
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys

from rsvp_wire_tshark_test import broken_copy, tshark

SKIP = 77
MESSAGE_TYPES = {"Path": "1", "Resv": "2", "PathErr": "3", "ResvErr": "4", "PathTear": "5",
                 "ResvTear": "6", "ResvConf": "7"}
FIELDS = ["rsvp.msg", "frame.interface_name", "frame.time_epoch"]
# The first packets of a scenario, each as its RSVP type and the user its POLICY_DATA names.
IDENTITIES = {
    "policy-data-identity-refused": [("1", "alice"), ("1", "bob"), ("1", "alice"), ("3", None),
                                     ("2", "alice"), ("2", "alice")],
    "policy-data-resv-refused": [("1", "alice"), ("1", "alice"), ("2", "bob"), ("4", None)],
}
AUTH_USER, CREDENTIAL, ASCII_ID = 2, 2, 1


def user_of(policy_data):
    """The user an RSVP POLICY_DATA body names: RFC 2750's Data Offset (from the object header)
    to its policy elements, each Length and P-Type, then for AUTH_USER RFC 3182's attributes,
    each Length (padding not counted), A-Type and SubType; the CREDENTIAL ASCII_ID's value."""
    at = int.from_bytes(policy_data[0:2], "big") - 4
    while at + 4 <= len(policy_data):
        length = int.from_bytes(policy_data[at:at + 2], "big")
        p_type = int.from_bytes(policy_data[at + 2:at + 4], "big")
        attribute, end = at + 4, at + length
        while p_type == AUTH_USER and attribute + 4 <= end:
            size = int.from_bytes(policy_data[attribute:attribute + 2], "big")
            if policy_data[attribute + 2] == CREDENTIAL and policy_data[attribute + 3] == ASCII_ID:
                return policy_data[attribute + 4:attribute + size].decode("ascii")
            attribute += (size + 3) // 4 * 4
        at = end
    return None


def identities(capture):
    """Each packet's RSVP type and the user of its POLICY_DATA (None without one)."""
    found = []
    for line in tshark(str(capture), "-T", "fields", "-e", "rsvp.msg",
                       "-e", "rsvp.policy.data").splitlines():
        msg_type, _, data = line.partition("\t")
        found.append((msg_type, user_of(bytes.fromhex(data.split(",")[0])) if data else None))
    return found


def sent_messages(qosbed, scenario, capture):
    """The (type, link, seconds) of each message the trace records as sent."""
    run = subprocess.run([qosbed, "run", "--trace", "json", "--pcap", str(capture), str(scenario)],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"qosbed run {scenario} exited {run.returncode}: {run.stderr}")
    sent = []
    for line in run.stdout.splitlines():
        record = json.loads(line)
        if record.get("event") == "rsvp" and record.get("action") == "sent":
            sent.append((MESSAGE_TYPES[record["message"]], record["link"],
                         record["t_us"] / 1e6))
    return sent


def problems(capture, sent):
    found = []
    rows = [line.split("\t") for line in
            tshark(str(capture), "-T", "fields", *sum((["-e", f] for f in FIELDS), [])).splitlines()]
    if len(rows) != len(sent):
        found.append(f"tshark read {len(rows)} packets, the trace sent {len(sent)}")
    for number, (row, (msg_type, link, seconds)) in enumerate(zip(rows, sent), 1):
        got = dict(zip(FIELDS, row))
        if got["rsvp.msg"] != msg_type or got["frame.interface_name"] != link:
            found.append(f"packet {number}: RSVP type {got['rsvp.msg']!r} on "
                         f"{got['frame.interface_name']!r}, the trace sent type {msg_type} on {link}")
        if abs(float(got["frame.time_epoch"]) - seconds) > 1e-6:
            found.append(f"packet {number}: at {got['frame.time_epoch']} s, sent at {seconds} s")
    shown = len(tshark(str(capture), "-Y", "rsvp").splitlines())
    if shown != len(sent):
        found.append(f"tshark -Y rsvp shows {shown} packets, the trace sent {len(sent)}")
    verbose = tshark(str(capture), "-V")
    correct = len(re.findall(r"Message Checksum: 0x[0-9a-f]{4} \[correct\]", verbose))
    if correct != len(sent):
        found.append(f"{correct} of {len(sent)} RSVP checksums verified correct")
    if "[Malformed Packet" in verbose:
        found.append("tshark reports a malformed packet")
    expert = tshark(str(capture), "-q", "-z", "expert")
    if "Errors (" in expert or "Warnings (" in expert:
        found.append(f"tshark expert info:\n{expert.strip()}")
    return found


def policy_problems(scenario, capture):
    carried = identities(capture)
    expected = IDENTITIES.get(scenario.stem)
    if expected is not None:
        if carried[:len(expected)] != expected:
            return [f"POLICY_DATA users {carried[:len(expected)]}, expected {expected}"]
        return []
    if not re.search(r"\buser:", scenario.read_text()) and any(user for _, user in carried):
        return ["POLICY_DATA sent though no host names a user"]
    return []


def main():
    qosbed, work = sys.argv[1], pathlib.Path(sys.argv[2])
    if shutil.which("tshark") is None:
        print("tshark not found: install Debian's tshark package to run this test")
        return SKIP
    work.mkdir(parents=True, exist_ok=True)
    scenarios = sorted(path for folder in sys.argv[3:] for path in pathlib.Path(folder).rglob("*.yaml")
                       if "invalid" not in path.parts and
                       re.search(r"^network:", path.read_text(), re.MULTILINE))
    if not scenarios:
        print("no network scenario found")
        return 1
    failed = 0
    packets = 0
    # The checks must be able to fail: a capture with a broken checksum, and one packet short, of
    # the first scenario that sends anything (one played for a program sends nothing without it).
    first = work / "first.pcapng"
    for scenario in scenarios:
        sent = sent_messages(qosbed, scenario, first)
        if sent:
            break
    broken = work / "broken.pcapng"
    broken_copy(str(first), str(broken))
    if not problems(broken, sent) or not problems(first, sent[:-1]):
        print(f"the checks found nothing wrong with a broken capture of {scenario}")
        return 1
    if user_of(bytes.fromhex("000800000010000200090201616c696365000000")) != "alice":
        print("an AUTH_USER naming alice does not read as alice")
        return 1
    for scenario in scenarios:
        capture = work / (scenario.stem + ".pcapng")
        sent = sent_messages(qosbed, scenario, capture)
        packets += len(sent)
        found = problems(capture, sent) + policy_problems(scenario, capture)
        for problem in found:
            print(f"{scenario}: {problem}")
        failed += bool(found)
    print(f"{len(scenarios)} network scenarios, {packets} packets checked, {failed} with problems")
    # A scenario may send nothing (an application that never connects), the suite may not.
    if packets == 0:
        print("no scenario sent an RSVP message")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
