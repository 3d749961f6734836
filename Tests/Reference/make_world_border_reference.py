#!/usr/bin/env python3
"""Reference distances to the world's land borders (geodata/world), by brute force with
GeographicLib (independent of eventmap's engine): for each test point, the geodesic distance
to the nearest international land border, which border it is, and the nearest point; edges are
read as geodesics, as eventmap reads them.

Method: the nearest vertex over every border vertex bounds the answer (D); only edges with an
end within D + the edge's length can hold a nearer point (triangle inequality); each such edge
is sampled every 10 m and the best sample refined by golden-section search to 1e-6 m.

    /tmp/geovenv/bin/python Tests/Reference/make_world_border_reference.py > Tests/Reference/world-border-distances.csv

Test points are chosen coordinates on several continents and both hemispheres (not data):
cities near a border, points at sea, and points on a border vertex.
"""
import json
import math
import os
import struct
import sys

from geographiclib.geodesic import Geodesic

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_border_reference import dist, golden  # noqa: E402  (one minimisation for both references)

G = Geodesic.WGS84
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

POINTS = [  # id, lat, lon
    ("kafr-takharim", 36.1168, 36.51522),
    ("kharkiv", 49.9935, 36.2304),
    ("goma", -1.6792, 29.2228),
    ("el-geneina", 13.4526, 22.4472),
    ("cucuta", 7.8939, -72.5078),
    ("myawaddy", 16.6880, 98.5086),
    ("cape-town", -33.9249, 18.4241),
    ("mopti", 14.4843, -4.1830),
    ("ciudad-juarez", 31.6904, -106.4245),
    ("geneva", 46.2044, 6.1432),
    ("arica", -18.4783, -70.3126),
    ("vladivostok", 43.1155, 131.8855),
    ("south-atlantic", -40.0, -30.0),
    ("tasman-sea", -40.0, 160.0),
]


def load():
    meta = json.load(open(os.path.join(ROOT, "geodata/world/borders.json"), encoding="utf-8"))
    data = open(os.path.join(ROOT, "geodata/world/borders.bin"), "rb").read()
    assert data[:8] == b"EMWORLD1"
    n = struct.unpack("<Q", data[8:16])[0]
    flat = struct.unpack("<%di" % (2 * n), data[16:])
    verts = [(flat[2 * i] / 1e7, flat[2 * i + 1] / 1e7) for i in range(n)]
    borders = []
    for b in meta["borders"]:
        lines, off = [], b["offset"]
        for k in b["lines"]:
            lines.append(verts[off:off + k])
            off += k
        borders.append(("-".join(b["countries"]), lines))
    return borders


def refine(lat, lon, line):
    """The nearest point of one edge: sampled every 10 m, then the golden-section search of
    make_border_reference.py around the best sample."""
    n = max(1, math.ceil(line.s13 / 10.0))
    best = min((dist(lat, lon, line, line.s13 * i / n)[0], line.s13 * i / n) for i in range(n + 1))
    return golden(lat, lon, line, best[1], line.s13 / n)[0]


def nearest(lat, lon, borders):
    vd = []
    best_vertex = math.inf
    for bi, (label, lines) in enumerate(borders):
        for li, line in enumerate(lines):
            ds = [G.Inverse(lat, lon, v[1], v[0], Geodesic.DISTANCE)["s12"] for v in line]
            vd.append((bi, li, ds))
            best_vertex = min(best_vertex, min(ds))
    best = (math.inf, None, None, None)
    for bi, li, ds in vd:
        line = borders[bi][1][li]
        for k in range(len(line) - 1):
            (lon1, lat1), (lon2, lat2) = line[k], line[k + 1]
            if (lon1, lat1) == (lon2, lat2):
                continue
            g = G.InverseLine(lat1, lon1, lat2, lon2, Geodesic.STANDARD | Geodesic.DISTANCE_IN)
            if min(ds[k], ds[k + 1]) > best_vertex + g.s13:
                continue
            d, nlat, nlon = refine(lat, lon, g)
            if d < best[0]:
                best = (d, borders[bi][0], nlat, nlon)
    return best


def main():
    borders = load()
    out = sys.stdout
    out.write("# nearest land border of geodata/world (Natural Earth 10m), GeographicLib %s brute force\n"
              % __import__("geographiclib").__version__)
    out.write("id,lat,lon,border,distance_m,nearest_lat,nearest_lon\n")
    # A border vertex itself: vertex 5 (the sixth) of the Syria-Turkey line's first part (distance 0).
    st = next(lines for label, lines in borders if label == "SYR-TUR")
    points = POINTS + [("on-vertex-syr-tur", st[0][5][1], st[0][5][0])]
    for pid, lat, lon in points:
        d, label, nlat, nlon = nearest(lat, lon, borders)
        out.write("%s,%.10f,%.10f,%s,%.6f,%.10f,%.10f\n" % (pid, lat, lon, label, d, nlat, nlon))
        out.flush()


if __name__ == "__main__":
    main()
