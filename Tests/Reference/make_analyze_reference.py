"""Reference answers for `eventmap analyze`, computed outside the tool with GeographicLib's own
Python implementation (PyPI `geographiclib`, pure Python, independent of the C code in PROJ).

For each test point: the geodesic distance to the Syria-Turkey border (geodata/borders/
syria-turkey.geojson, edges read as geodesics) and the nearest border point, by brute force over
the border densified to at most 10 m along the true geodesic edges, then a golden-section search
along the edge around the best sample (to 1e-6 m of arc); and the nearest gazetteer place
(geodata/places.csv) by geodesic distance to every place (ties: the first listed).

Edges are skipped only when a rigorous bound shows they cannot hold a nearer point: any point of
an edge of length L lies within L/2 of arc of one of its ends, so its distance is at least
min(d(P, A), d(P, B)) - L/2.

Points (seeded): random ones in lon 35.8-37.2, lat 35.2-36.6 (both sides of the border), border
vertices, points inside border edges, points 30-800 m from vertices, and far-away cities.

Run from the repository root:
  python3 -m venv /tmp/venv-analyze && /tmp/venv-analyze/bin/pip install geographiclib
  /tmp/venv-analyze/bin/python Tests/Reference/make_analyze_reference.py > Tests/Reference/analyze_reference.csv
"""
import csv
import json
import math
import random
import sys

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
STEP = 10.0  # metres between samples along each edge


def border():
    with open("Tests/Reference/syria-turkey.geojson") as f:
        fc = json.load(f)
    return [tuple(c[:2]) for c in fc["features"][0]["geometry"]["coordinates"]]  # (lon, lat)


def places():
    with open("geodata/places.csv", newline="") as f:
        return [(r["id"], float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)]


def dist(lat1, lon1, lat2, lon2):
    return G.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]


def nearest_on_border(lat, lon, line, lines):
    vd = [dist(lat, lon, v[1], v[0]) for v in line]
    upper = min(vd)
    best = (upper, vd.index(upper), 0.0)  # distance, edge index, arc length along the edge
    if vd.index(upper) == len(line) - 1:
        best = (upper, len(line) - 2, lines[-1].s13)
    for i, gl in enumerate(lines):
        if min(vd[i], vd[i + 1]) - gl.s13 / 2 > best[0]:
            continue
        n = max(1, math.ceil(gl.s13 / STEP))
        for k in range(n + 1):
            s = gl.s13 * k / n
            pos = gl.Position(s, Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.LONG_UNROLL)
            d = dist(lat, lon, pos["lat2"], pos["lon2"])
            if d < best[0]:
                best = (d, i, s)
    # Local refinement: golden-section search within one sample step on each side.
    d0, i, s0 = best
    gl = lines[i]
    a, b = max(0.0, s0 - STEP), min(gl.s13, s0 + STEP)

    def f(s):
        pos = gl.Position(s, Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.LONG_UNROLL)
        return dist(lat, lon, pos["lat2"], pos["lon2"]), pos

    phi = (math.sqrt(5) - 1) / 2
    c, d = b - phi * (b - a), a + phi * (b - a)
    fc, fd = f(c)[0], f(d)[0]
    while b - a > 1e-6:
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - phi * (b - a)
            fc = f(c)[0]
        else:
            a, c, fc = c, d, fd
            d = a + phi * (b - a)
            fd = f(d)[0]
    candidates = [f(a), f(b), f((a + b) / 2), (d0, gl.Position(s0, Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.LONG_UNROLL))]
    dm, pos = min(candidates, key=lambda t: t[0])
    return dm, pos["lat2"], pos["lon2"]


def points(line, lines):
    rng = random.Random(20201026)
    pts = []
    for k in range(120):
        pts.append((f"random{k + 1}", rng.uniform(35.2, 36.6), rng.uniform(35.8, 37.2)))
    for k in rng.sample(range(len(line)), 20):
        pts.append((f"vertex{k}", line[k][1], line[k][0]))
    for k in rng.sample(range(len(lines)), 20):
        gl = lines[k]
        pos = gl.Position(gl.s13 * rng.uniform(0.05, 0.95))
        pts.append((f"on-edge{k}", pos["lat2"], pos["lon2"]))
    for k in rng.sample(range(len(line)), 20):
        r = G.Direct(line[k][1], line[k][0], rng.uniform(-180, 180), rng.uniform(30, 800))
        pts.append((f"near-vertex{k}", r["lat2"], r["lon2"]))
    far = [("damascus", 33.5138, 36.2765), ("beirut", 33.8938, 35.5018), ("baghdad", 33.3152, 44.3661),
           ("ankara", 39.9334, 32.8597), ("cairo", 30.0444, 31.2357), ("riyadh", 24.7136, 46.6753),
           ("london", 51.5072, -0.1276), ("cape-town", -33.9249, 18.4241), ("equator-0", 0.0, 0.0),
           ("mosul", 36.3350, 43.1189)]
    pts.extend(far)
    return pts


def main():
    line = border()
    lines = [G.InverseLine(line[i][1], line[i][0], line[i + 1][1], line[i + 1][0]) for i in range(len(line) - 1)]
    pl = places()
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id", "lat", "lon", "border_distance_m", "border_lat", "border_lon", "nearest_id", "nearest_distance_m"])
    for pid, lat, lon in points(line, lines):
        d, blat, blon = nearest_on_border(lat, lon, line, lines)
        nd = [(dist(lat, lon, plat, plon), i) for i, (_, plat, plon) in enumerate(pl)]
        ndist, ni = min(nd)
        w.writerow([pid, f"{lat:.9f}", f"{lon:.9f}", f"{d:.6f}", f"{blat:.9f}", f"{blon:.9f}", pl[ni][0], f"{ndist:.6f}"])
        sys.stdout.flush()


if __name__ == "__main__":
    main()
