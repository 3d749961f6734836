"""Deterministic synthetic events for the benchmark: uniform by area inside Syria's part of
the box lon 35.8-37.2, lat 35.2-36.6 (Syria = the SY polygon of Tests/Reference/syria-turkey-countries.geojson).

Uniform by area: longitude uniform, sin(latitude) uniform (equal-area on the sphere; the
ellipsoid's authalic correction is far below what a benchmark needs), then rejection of points
outside the polygon. Seeded, so the same N gives the same file.

Run (from the repository root, in the bench venv): python bench/make_events.py N OUT.csv [--seed S]
Columns: id,lat,lon (6 decimals, about 0.1 m).
"""
import argparse
import json
import math

import numpy as np
import shapely

BOX = (35.8, 35.2, 37.2, 36.6)  # west, south, east, north


def syria(path):
    with open(path) as f:
        fc = json.load(f)
    for feat in fc["features"]:
        if feat["properties"].get("id") == "SY":
            return shapely.geometry.shape(feat["geometry"])
    raise SystemExit(f"{path}: no feature with id SY")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20201026)
    ap.add_argument("--countries", default="Tests/Reference/syria-turkey-countries.geojson")
    args = ap.parse_args()

    area = shapely.intersection(syria(args.countries), shapely.box(*BOX))
    shapely.prepare(area)
    rng = np.random.default_rng(args.seed)
    w, s, e, n = BOX
    sin_s, sin_n = math.sin(math.radians(s)), math.sin(math.radians(n))
    lons, lats = [], []
    have = 0
    while have < args.n:
        k = max(1024, int((args.n - have) * 1.6))
        lon = rng.uniform(w, e, k)
        lat = np.degrees(np.arcsin(rng.uniform(sin_s, sin_n, k)))
        inside = shapely.contains_xy(area, lon, lat)
        lons.append(lon[inside])
        lats.append(lat[inside])
        have += int(inside.sum())
    lon = np.concatenate(lons)[: args.n]
    lat = np.concatenate(lats)[: args.n]
    with open(args.out, "w") as f:
        f.write("id,lat,lon\n")
        for i in range(args.n):
            f.write(f"ev{i + 1},{lat[i]:.6f},{lon[i]:.6f}\n")


if __name__ == "__main__":
    main()
