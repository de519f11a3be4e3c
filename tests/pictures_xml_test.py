"""`qosbed diagram` and `qosbed report` read by real parsers: the SVG of every bundled scenario and
of one written here is well-formed XML whose lifelines are the scenario's sockets, the RSVP SP and
the network (or its nodes) in that order; the fresh one's arrows carry the expected labels in
order; the report's inline SVG parses too, and a hostile description comes back out of the HTML
exactly as written.

usage: pictures_xml_test.py QOSBED SCENARIOS_DIR
"""
import html.parser
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

SVG = "{http://www.w3.org/2000/svg}"
LIFELINE_COLOUR = "#d6008f"
HOSTILE = "<script>alert(1)</script> & \"quoted\" 'single' ]]> <!-- comment"
FRESH = """scenario: fresh
description: '{description}'
sockets:
  rx: {{role: receiver}}
steps:
  - {{app: bind, socket: rx}}
  - {{app: get_qos, socket: rx}}
  - {{at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}}
  - {{app: wait, alertable: true, timeout: 10ms}}
  - {{expect: completion, socket: rx, status: WSA_QOS_SENDERS}}
  - {{app: close, socket: rx}}
"""
FRESH_LABELS = [
    "bind (0.0.0.0:0): 0",
    "get_qos (overlapped routine): WSA_IO_PENDING",
    "FD_QOS WSA_QOS_SENDERS for rx: completed",
    "finished get_qos: NO_ERROR, 100 bytes (not yet seen)",
    "completion get_qos (routine): NO_ERROR, 100 bytes, WSA_QOS_SENDERS",
    "sleep_ex (alertable, 10 ms): WSA_WAIT_IO_COMPLETION",
    "close: 0",
]


def lifelines(svg):
    """The names in the lifeline heads, left to right."""
    heads = [rect for rect in svg.iter(SVG + "rect") if rect.get("fill") == LIFELINE_COLOUR]
    names = [text for text in svg.iter(SVG + "text") if text.get("font-weight") == "bold"
             and text.get("fill") == "#ffffff"]
    if len(heads) != len(names):
        raise AssertionError(f"{len(heads)} lifeline heads but {len(names)} names")
    return ["".join(text.itertext()) for text in sorted(names, key=lambda t: int(t.get("x")))]


def labels(svg):
    """Arrow and box labels, top to bottom (the full text where a label was shortened)."""
    found = []
    for text in svg.iter(SVG + "text"):
        title = text.find(SVG + "title")
        content = title.text if title is not None else "".join(text.itertext())
        found.append((int(text.get("y")), content))
    return [content for _, content in sorted(found, key=lambda item: item[0])]


def expected_lifelines(path):
    scenario = yaml.safe_load(path.read_text())
    sockets = list(scenario.get("sockets", {}))
    nodes = list(scenario.get("network", {}).get("nodes", {}))
    return sockets + ["RSVP SP"] + (nodes if nodes else ["network"])


class TextOf(html.parser.HTMLParser):
    """The text of the first element with a given class, entities decoded."""

    def __init__(self, css_class):
        super().__init__(convert_charrefs=True)
        self.css_class, self.inside, self.text, self.done = css_class, False, "", False

    def handle_starttag(self, tag, attrs):
        if not self.done and dict(attrs).get("class") == self.css_class:
            self.inside = True

    def handle_endtag(self, tag):
        if self.inside:
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.inside:
            self.text += data


def main():
    qosbed, root = sys.argv[1], pathlib.Path(sys.argv[2])
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = pathlib.Path(folder) / "fresh.yaml"
        fresh.write_text(FRESH.format(description=HOSTILE.replace("'", "''")))
        bundled = [p for p in sorted(root.rglob("*.yaml")) if "invalid" not in p.parts]
        for path in bundled + [fresh]:
            out = pathlib.Path(folder) / "out.svg"
            run = subprocess.run([qosbed, "diagram", str(path), "-o", str(out)],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                problems.append(f"{path}: diagram exit {run.returncode}: {run.stderr}")
                continue
            try:
                svg = ET.parse(out).getroot()
            except ET.ParseError as error:
                problems.append(f"{path}: not well-formed XML: {error}")
                continue
            if svg.tag != SVG + "svg":
                problems.append(f"{path}: root element {svg.tag}")
            names, wanted = lifelines(svg), expected_lifelines(path)
            if names != wanted:
                problems.append(f"{path}: lifelines {names}, expected {wanted}")

        drawn = labels(ET.parse(pathlib.Path(folder) / "out.svg").getroot())
        shown = [label for label in drawn if label in FRESH_LABELS]
        if shown != FRESH_LABELS:
            problems.append(f"fresh labels {shown}, expected {FRESH_LABELS}")

        page_path = pathlib.Path(folder) / "fresh.html"
        run = subprocess.run([qosbed, "report", str(fresh), "-o", str(page_path)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"report exit {run.returncode}: {run.stderr}")
        else:
            page = page_path.read_text()
            inline = re.search(r"<svg .*?</svg>", page, re.S)
            try:
                ET.fromstring(inline.group(0))
            except (AttributeError, ET.ParseError) as error:
                problems.append(f"the report's inline SVG does not parse: {error}")
            description = TextOf("description")
            description.feed(page)
            if description.text != HOSTILE:
                problems.append(f"description read back as {description.text!r}")
            if "<script" in page:
                problems.append("the report holds a <script")
    for problem in problems:
        print(problem)
    checked = len(bundled) + 1
    print(f"{checked} diagrams checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
