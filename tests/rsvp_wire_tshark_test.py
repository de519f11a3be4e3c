"""Wireshark reads the RSVP wire format as real RSVP.

rsvp_wire_capture writes the sample messages (every message type, object, style and service) as
a pcapng capture and prints what each packet must be: "FRAME TYPE NAME ROUTER_ALERT LINK". tshark
then reads the capture, and for every packet:
  - it is IPv4 protocol 46 with a good header checksum (ip.check_checksum on), shown by the
    display filter `rsvp`, dissected as RSVP (rsvp.msg) of the expected type, with Router Alert (ip.opt.ra) exactly on Path, PathTear and
    ResvConf, and an RSVP length that fills the datagram;
  - the RSVP checksum is verified: Wireshark appends "[correct]" to it (it raises no expert info
    for a wrong one, so the text is what there is to check);
  - the packet sits on its link's interface at its timestamp (1 ms per packet);
and the whole capture has no malformed packet and no expert error or warning (-z expert).
The same checks run first on a copy with one RSVP checksum and one IP checksum broken, and must
fail there, so they are known to be able to fail with the installed tshark.
tshark missing (Debian's tshark package) is a skip, exit code 77, not a pass.

usage: rsvp_wire_tshark_test.py RSVP_WIRE_CAPTURE OUT.pcapng
"""
import re
import shutil
import struct
import subprocess
import sys

SKIP = 77
FIELDS = ["frame.number", "frame.interface_name", "frame.time_epoch", "ip.proto",
          "ip.checksum.status", "ip.len", "ip.hdr_len", "ip.opt.ra", "rsvp.msg",
          "rsvp.message_length"]
IP_CHECKSUM_GOOD = "1"


def tshark(capture, *arguments):
    run = subprocess.run(["tshark", "-r", capture, "-o", "ip.check_checksum:TRUE", *arguments],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"tshark {' '.join(arguments)} failed: {run.stderr}")
    return run.stdout


def problems(capture, expected):
    """Every way the capture differs from what it must be, as readable lines."""
    found = []
    rows = [line.split("\t") for line in
            tshark(capture, "-T", "fields", *sum((["-e", f] for f in FIELDS), [])).splitlines()]
    if len(rows) != len(expected):
        found.append(f"tshark read {len(rows)} packets, expected {len(expected)}")
    for row, (frame, msg_type, name, router_alert, link) in zip(rows, expected):
        got = dict(zip(FIELDS, row))
        where = f"frame {frame} ({name})"
        if got["frame.number"] != frame:
            found.append(f"{where}: tshark numbered it {got['frame.number']}")
        if got["ip.proto"] != "46" or got["ip.checksum.status"] != IP_CHECKSUM_GOOD:
            found.append(f"{where}: IP protocol {got['ip.proto']}, "
                         f"header checksum status {got['ip.checksum.status']}")
        if got["rsvp.msg"] != msg_type:
            found.append(f"{where}: RSVP message type {got['rsvp.msg']!r}, expected {msg_type}")
        if (got["ip.opt.ra"] != "") != (router_alert == "1"):
            found.append(f"{where}: Router Alert {got['ip.opt.ra']!r}, expected {router_alert}")
        if got["rsvp.message_length"] and (int(got["ip.len"]) - int(got["ip.hdr_len"]) !=
                                           int(got["rsvp.message_length"])):
            found.append(f"{where}: RSVP length {got['rsvp.message_length']} in an IP payload "
                         f"of {int(got['ip.len']) - int(got['ip.hdr_len'])}")
        if got["frame.interface_name"] != link:
            found.append(f"{where}: on interface {got['frame.interface_name']!r}, not {link}")
        if abs(float(got["frame.time_epoch"]) - int(frame) / 1000) > 1e-9:
            found.append(f"{where}: time {got['frame.time_epoch']}, expected {int(frame) / 1000}")

    shown = len(tshark(capture, "-Y", "rsvp").splitlines())
    if shown != len(expected):
        found.append(f"tshark -Y rsvp shows {shown} packets, expected {len(expected)}")

    verbose = tshark(capture, "-V")
    correct = len(re.findall(r"Message Checksum: 0x[0-9a-f]{4} \[correct\]", verbose))
    if correct != len(expected):
        found.append(f"{correct} of {len(expected)} RSVP checksums verified correct")
    if "[Malformed Packet" in verbose:
        found.append("tshark reports a malformed packet")
    expert = tshark(capture, "-q", "-z", "expert")
    for severity in ("Errors", "Warnings"):
        if f"{severity} (" in expert:
            found.append(f"tshark expert info:\n{expert.strip()}")
            break
    return found


def broken_copy(capture, broken):
    """The capture with the first packet's RSVP checksum and IPv4 header checksum altered."""
    data = bytearray(open(capture, "rb").read())
    at = 0
    while at < len(data):
        block_type, length = struct.unpack_from("<II", data, at)
        if block_type == 6:  # Enhanced Packet Block: 28 bytes before the datagram
            datagram = at + 28
            header = (data[datagram] & 0x0F) * 4
            data[datagram + header + 2] ^= 0xFF
            data[datagram + 10] ^= 0x01
            break
        at += length
    open(broken, "wb").write(data)


def main():
    capture_program, capture = sys.argv[1], sys.argv[2]
    if shutil.which("tshark") is None:
        print("tshark not found: install Debian's tshark package to run this test")
        return SKIP
    written = subprocess.run([capture_program, capture], capture_output=True, text=True,
                             check=True)
    expected = [tuple(line.split()) for line in written.stdout.splitlines()]
    if len({fields[1] for fields in expected}) != 7:
        print("the capture does not hold all seven message types")
        return 1

    broken = capture + ".broken.pcapng"
    broken_copy(capture, broken)
    caught = problems(broken, expected)
    if not any("checksums verified" in p for p in caught) or not any("expert" in p for p in caught):
        print("the checks did not notice a broken RSVP and IP checksum:", caught)
        return 1

    found = problems(capture, expected)
    for problem in found:
        print(problem)
    print(f"{len(expected)} packets checked, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
