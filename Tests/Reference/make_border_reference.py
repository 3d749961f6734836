#!/usr/bin/env python3
"""Reference distances from points to the Syria-Turkey border, computed independently of eventmap.

For each gazetteer place and a set of synthetic points (near vertices, near edge interiors,
on the border, far away), the geodesic distance to the border line (edges read as WGS 84
geodesics) is found by brute force with GeographicLib (Python, PyPI `geographiclib`):
  1. every edge is sampled every <= 1 km and the distance to every sample computed;
  2. every edge that could hold a point nearer than the best sample (its best sample minus
     half the sample spacing) is densified to <= 10 m and searched point by point;
  3. the best 10 m sample is refined by golden-section search along its edge to 1e-6 m.
No chord bounds, no Newton steps: nothing shared with the Swift code under test.

Run (from the repository root):
  python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install geographiclib==2.1
  /tmp/venv-ref/bin/python Tests/Reference/make_border_reference.py > Tests/Reference/border-distances.csv
"""
import csv
import json
import math
import os
import sys

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def load_border():
    with open(os.path.join(ROOT, "Tests/Reference/syria-turkey.geojson")) as f:
        doc = json.load(f)
    feats = doc["features"] if doc.get("type") == "FeatureCollection" else [doc]
    geom = feats[0]["geometry"]
    assert geom["type"] == "LineString", geom["type"]
    return [(lon, lat) for lon, lat, *rest in geom["coordinates"]]


def edge_lines(border):
    lines = []
    for (lon1, lat1), (lon2, lat2) in zip(border, border[1:]):
        lines.append(G.InverseLine(lat1, lon1, lat2, lon2, Geodesic.STANDARD | Geodesic.DISTANCE_IN))
    return lines


def dist(lat, lon, line, s):
    p = line.Position(s, Geodesic.STANDARD)
    return G.Inverse(lat, lon, p["lat2"], p["lon2"])["s12"], p["lat2"], p["lon2"]


def samples(line, step):
    n = max(1, math.ceil(line.s13 / step))
    return [line.s13 * i / n for i in range(n + 1)]


def nearest(lat, lon, lines):
    coarse_step = 1000.0
    coarse = []
    for i, line in enumerate(lines):
        coarse.append(min(dist(lat, lon, line, s)[0] for s in samples(line, coarse_step)))
    best_coarse = min(coarse)
    best = (math.inf, None, None)
    for i, line in enumerate(lines):
        spacing = line.s13 / max(1, math.ceil(line.s13 / coarse_step))
        if coarse[i] - spacing / 2 > best_coarse:
            continue
        fine = samples(line, 10.0)
        for s in fine:
            d = dist(lat, lon, line, s)[0]
            if d < best[0]:
                best = (d, i, s)
    d, i, s = best
    line = lines[i]
    (d, nlat, nlon), x = golden(lat, lon, line, s, line.s13 / max(1, math.ceil(line.s13 / 10.0)))
    return d, nlat, nlon, i, x / line.s13 if line.s13 > 0 else 0.0


def golden(lat, lon, line, s, step):
    """The minimum of the distance along `line` within `step` of arc length `s`, by golden-section
    search to 1e-6 m (the ends and the edge's vertices compared too): ((d, lat, lon), arc length)."""
    a, b = max(0.0, s - step), min(line.s13, s + step)
    phi = (math.sqrt(5) - 1) / 2
    c, e = b - phi * (b - a), a + phi * (b - a)
    fc, fe = dist(lat, lon, line, c)[0], dist(lat, lon, line, e)[0]
    while b - a > 1e-6:
        if fc < fe:
            b, e, fe = e, c, fc
            c = b - phi * (b - a)
            fc = dist(lat, lon, line, c)[0]
        else:
            a, c, fc = c, e, fe
            e = a + phi * (b - a)
            fe = dist(lat, lon, line, e)[0]
    candidates = [(dist(lat, lon, line, x), x) for x in (a, b, (a + b) / 2, 0.0, line.s13)]
    return min(candidates, key=lambda c: c[0][0])


def synthetic(border, lines):
    pts = []
    n = len(border)
    # Near vertices: 300 m and 3 km off a vertex, on both sides.
    for k, vi in enumerate(range(5, n - 1, max(1, n // 12))):
        lon, lat = border[vi]
        for off, az in ((300.0, 45.0 + 90 * k), (3000.0, 225.0 + 90 * k)):
            p = G.Direct(lat, lon, az, off)
            pts.append((f"near-vertex-{vi}-{int(off)}m", p["lat2"], p["lon2"]))
    # Near edge interiors: 50 m and 2 km perpendicular from the midpoint of long edges.
    long_edges = sorted(range(len(lines)), key=lambda i: -lines[i].s13)[:8]
    for i in sorted(long_edges):
        line = lines[i]
        mid = line.Position(line.s13 / 2, Geodesic.STANDARD)
        for off, side in ((50.0, 90.0), (2000.0, -90.0)):
            p = G.Direct(mid["lat2"], mid["lon2"], mid["azi2"] + side, off)
            pts.append((f"near-edge-{i}-{int(off)}m", p["lat2"], p["lon2"]))
        q = line.Position(line.s13 * 0.37, Geodesic.STANDARD)
        pts.append((f"on-edge-{i}", q["lat2"], q["lon2"]))
    lon, lat = border[n // 2]
    pts.append((f"on-vertex-{n // 2}", lat, lon))
    # Far away: Damascus, Ankara, a point at sea off Latakia, Mosul.
    pts += [("far-damascus", 33.5102, 36.29128), ("far-ankara", 39.91987, 32.85427),
            ("far-sea", 35.5, 35.2), ("far-mosul", 36.335, 43.11889)]
    return pts


def main():
    border = load_border()
    lines = edge_lines(border)
    points = []
    with open(os.path.join(ROOT, "geodata/places.csv"), newline="") as f:
        for row in csv.DictReader(f):
            points.append((row["id"], float(row["lat"]), float(row["lon"])))
    points += synthetic(border, lines)
    out = csv.writer(sys.stdout, lineterminator="\n")
    print(f"# border: {len(border)} vertices, first {border[0][1]:.7f},{border[0][0]:.7f}, "
          f"last {border[-1][1]:.7f},{border[-1][0]:.7f}; geographiclib {__import__('geographiclib').__version__}")
    out.writerow(["id", "lat", "lon", "distance_m", "nearest_lat", "nearest_lon", "segment", "fraction"])
    for pid, lat, lon in points:
        d, nlat, nlon, i, t = nearest(lat, lon, lines)
        out.writerow([pid, f"{lat:.10f}", f"{lon:.10f}", f"{d:.6f}", f"{nlat:.10f}", f"{nlon:.10f}", i, f"{t:.9f}"])


if __name__ == "__main__":
    main()
