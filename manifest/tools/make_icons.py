#!/usr/bin/env python3
"""Generates the MdoBot Teams icons (color.png 192x192, outline.png 32x32).

Standard library only (zlib + struct). Shapes are drawn with signed distance
functions and 4x4 supersampling for smooth edges.

Usage: python3 manifest/tools/make_icons.py [output-dir]   (default: manifest/)
"""

import math
import os
import struct
import sys
import zlib

SUPERSAMPLE = 4


def write_png(path, width, height, rgba_rows):
    """Writes an 8-bit RGBA (colour type 6) PNG."""
    raw = bytearray()
    for row in rgba_rows:
        raw.append(0)  # filter type: none
        for r, g, b, a in row:
            raw += bytes((r, g, b, a))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


# --- signed distance helpers (unit square coordinates, 0..1) -----------------

def sd_rounded_square(x, y, half, radius):
    qx = abs(x - 0.5) - half + radius
    qy = abs(y - 0.5) - half + radius
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def sd_circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


def sd_segment(x, y, ax, ay, bx, by, half_width):
    px, py, dx, dy = x - ax, y - ay, bx - ax, by - ay
    t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - dx * t, py - dy * t) - half_width


def sd_ring(x, y, cx, cy, r, half_width):
    return abs(sd_circle(x, y, cx, cy, r)) - half_width


def render(size, shade):
    """shade(x, y) -> (r, g, b, a) floats 0..1, premultiplied-free; averaged over subsamples."""
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    r, g, b, a = shade(x, y)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (n * n)
            if acc[3] > 0:
                rgb = [acc[i] / acc[3] for i in range(3)]
            else:
                rgb = [0.0, 0.0, 0.0]
            row.append(tuple(int(round(c * 255)) for c in rgb) + (int(round(alpha * 255)),))
        rows.append(row)
    return rows


# --- the motif: a clock (time-boxed cases) above three people (the team) -----

CLOCK = (0.5, 0.40, 0.22)  # centre x, centre y, radius
PEOPLE = (0.28, 0.5, 0.72)  # x positions of the three heads
MOTIF_SCALE = 0.72


def clock_parts(x, y, stroke):
    cx, cy, r = CLOCK
    ring = sd_ring(x, y, cx, cy, r, stroke)
    hour = sd_segment(x, y, cx, cy, cx, cy - r * 0.55, stroke)
    minute = sd_segment(x, y, cx, cy, cx + r * 0.5, cy + r * 0.2, stroke)
    return min(ring, hour, minute)


def people_parts(x, y):
    d = 1e9
    for px in PEOPLE:
        head = sd_circle(x, y, px, 0.76, 0.045)
        shoulders = max(sd_circle(x, y, px, 0.90, 0.085), 0.86 - y, y - 0.95)
        d = min(d, head, shoulders)
    return d


def color_shade(x, y):
    background = (0.20, 0.36, 0.72)  # Teams-like indigo blue
    white = (1.0, 1.0, 1.0)
    accent = (1.0, 0.78, 0.26)  # warm yellow for the clock hands' hub
    if sd_rounded_square(x, y, 0.5, 0.18) > 0:
        return (0.0, 0.0, 0.0, 0.0)
    # Keep the motif inside Teams' safe area (about the middle 120 of 192 pixels).
    x, y = 0.5 + (x - 0.5) / MOTIF_SCALE, 0.5 + (y - 0.5) / MOTIF_SCALE
    cx, cy, _ = CLOCK
    if sd_circle(x, y, cx, cy, 0.03) <= 0:
        return accent + (1.0,)
    if clock_parts(x, y, 0.022) <= 0 or people_parts(x, y) <= 0:
        return white + (1.0,)
    return background + (1.0,)


def outline_shade(x, y):
    white = (1.0, 1.0, 1.0)
    # A 32x32 icon: a clock ring with hands above a table line, white on transparent.
    cx, cy = 0.5, 0.44
    ring = sd_ring(x, y, cx, cy, 0.34, 0.045)
    hour = sd_segment(x, y, cx, cy, cx, cy - 0.2, 0.045)
    minute = sd_segment(x, y, cx, cy, cx + 0.17, cy + 0.07, 0.045)
    base = sd_segment(x, y, 0.24, 0.91, 0.76, 0.91, 0.04)
    if min(ring, hour, minute, base) <= 0:
        return white + (1.0,)
    return (0.0, 0.0, 0.0, 0.0)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    write_png(os.path.join(out_dir, "color.png"), 192, 192, render(192, color_shade))
    write_png(os.path.join(out_dir, "outline.png"), 32, 32, render(32, outline_shade))
    print("wrote color.png and outline.png to", os.path.normpath(out_dir))


if __name__ == "__main__":
    main()
