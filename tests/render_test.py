"""The HTML report rendered by headless Chromium really shows the sequence diagram.

`qosbed report` writes the page of a bundled scenario; Chromium renders it, and the same page with
its <svg> taken out, to PNG. Every lifeline is drawn in one colour nothing else on the page uses,
so the diagram is there when the first screenshot has many pixels of that colour (at least 80% of
the lifeline heads' area: their rounded corners are blended) and the second has none. The PNGs are decoded here with zlib alone.
Chromium missing is a failure, not a skip: the README's first command and .ci/run install it.

usage: render_test.py QOSBED SCENARIO
"""
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

LIFELINE_RGB = (0xD6, 0x00, 0x8F)  # report::lifeline_colour
HEAD_AREA = 160 * 40  # one lifeline head, in pixels at 100% zoom


def pixels(png_path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = pathlib.Path(png_path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png_path}: not a PNG")
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"{png_path}: depth {depth}, colour type {colour}, interlace {interlace}")
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        unfilter(kind, line, previous, channels)
        rows.append(line)
        previous = line
    return width, height, channels, rows


def unfilter(kind, line, previous, bpp):
    if kind == 0:
        return
    if kind == 2:
        for i in range(len(line)):
            line[i] = (line[i] + previous[i]) & 0xFF
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
        elif kind == 4:
            up_left = previous[i - bpp] if i >= bpp else 0
            estimate = left + up - up_left
            pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - up_left)
            predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
            line[i] = (line[i] + predictor) & 0xFF
        else:
            raise ValueError(f"unknown PNG filter {kind}")


def lifeline_pixels(png_path):
    width, _, channels, rows = pixels(png_path)
    count = 0
    for line in rows:
        for x in range(0, width * channels, channels):
            if all(abs(line[x + c] - LIFELINE_RGB[c]) <= 2 for c in range(3)):
                count += 1
    return count


def render(chromium, page, png, profile):
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                    f"--screenshot={png}", "--window-size=1200,1600", page.as_uri()],
                   check=True, capture_output=True, timeout=90)
    if not pathlib.Path(png).is_file():
        raise AssertionError(f"chromium wrote no {png}")


def main():
    qosbed, scenario = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium not found: install Debian's chromium (the README's first command does)")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        page = folder / "report.html"
        subprocess.run([qosbed, "report", scenario, "-o", str(page)], check=True)
        text = page.read_text()
        without = folder / "without-diagram.html"
        without.write_text(re.sub(r"<svg .*?</svg>", "", text, flags=re.S))
        lifelines = text.count(f'fill="#{bytes(LIFELINE_RGB).hex()}"')
        render(chromium, page, folder / "with.png", folder / "profile")
        render(chromium, without, folder / "without.png", folder / "profile")
        shown = lifeline_pixels(folder / "with.png")
        absent = lifeline_pixels(folder / "without.png")
    print(f"{lifelines} lifelines; lifeline-coloured pixels: {shown} with the diagram, "
          f"{absent} without")
    least = lifelines * HEAD_AREA * 8 // 10
    if lifelines < 2 or shown < least or absent != 0:
        print(f"expected at least {least} with and 0 without")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
