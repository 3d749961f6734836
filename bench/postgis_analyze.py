"""A peer: the same job as `eventmap analyze`, done in SQL by PostGIS (geography, WGS 84).

Loads the events (COPY), the border and the gazetteer into a running PostGIS, then one query:
the distance to the border as geography (ST_Distance: spheroid distance, nearest point of each
edge found on a sphere), the nearest place by KNN (`<->` on geography, GiST index) with its
ST_Distance, and the 20 km flag; the result is copied out as the same CSV columns as eventmap.
PostGIS 3.3 has no ST_ClosestPoint for geography, so border_lat/border_lon are the planar closest
point in degrees (shown, not compared). Timed whole: load, index, query and export.

Run: python bench/postgis_analyze.py EVENTS.csv BORDER.geojson PLACES.csv OUT.csv --socket DIR [--within M]
Prints the peak memory of the server backend that did the work (its VmHWM, read by the backend
itself through pg_read_file: the bench's user is the throwaway server's superuser) on stderr.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import peer_cli

PSQL = "/usr/lib/postgresql/15/bin/psql"


def main():
    ap = peer_cli.parser(__doc__.splitlines()[0])
    ap.add_argument("--socket", required=True)
    ap.add_argument("--user", default="eventmap")
    ap.add_argument("--database", default="eventmap")
    args = ap.parse_args()

    with open(args.border) as f:
        border = [feat["geometry"] for feat in json.load(f)["features"] if feat.get("geometry")]
    tmp = tempfile.mkdtemp(prefix="postgis-bench-")
    places_csv = os.path.join(tmp, "places.csv")
    with open(args.places, newline="") as f, open(places_csv, "w", newline="") as out:
        w = csv.writer(out)
        for row in csv.DictReader(f):
            w.writerow([row["id"], row["name"], row["lat"], row["lon"]])
    geoms = ", ".join("ST_GeomFromGeoJSON($g$" + json.dumps(g) + "$g$)" for g in border)
    sql = f"""
\\set ON_ERROR_STOP 1
DROP TABLE IF EXISTS bench_events, bench_border, bench_places;
CREATE UNLOGGED TABLE bench_events (id text, lat float8, lon float8);
\\copy bench_events FROM '{os.path.abspath(args.events)}' WITH (FORMAT csv, HEADER)
ALTER TABLE bench_events ADD COLUMN ord serial;
CREATE UNLOGGED TABLE bench_border AS SELECT ST_Union(ARRAY[{geoms}])::geography AS g;
CREATE UNLOGGED TABLE bench_places (id text, name text, lat float8, lon float8);
\\copy bench_places FROM '{places_csv}' WITH (FORMAT csv)
ALTER TABLE bench_places ADD COLUMN g geography(Point, 4326);
UPDATE bench_places SET g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;
CREATE INDEX ON bench_places USING gist (g);
ANALYZE bench_places;
\\copy (SELECT e.id, round(d.m::numeric, 3) AS border_distance_m, round(ST_Y(d.cp)::numeric, 7) AS border_lat, round(ST_X(d.cp)::numeric, 7) AS border_lon, n.id AS nearest_id, n.name AS nearest_name, round(n.m::numeric, 3) AS nearest_distance_m, CASE WHEN d.m <= {args.within} THEN 'true' ELSE 'false' END AS within FROM (SELECT id, ord, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g FROM bench_events) e CROSS JOIN LATERAL (SELECT ST_Distance(e.g, b.g) AS m, ST_ClosestPoint(b.g::geometry, e.g::geometry) AS cp FROM bench_border b) d CROSS JOIN LATERAL (SELECT p.id, p.name, ST_Distance(p.g, e.g) AS m FROM bench_places p ORDER BY p.g <-> e.g LIMIT 1) n ORDER BY e.ord) TO '{os.path.abspath(args.out)}' WITH (FORMAT csv, HEADER)
SELECT substring(pg_read_file('/proc/self/status') from 'VmHWM:\\s*(\\d+ kB)');
"""
    script = os.path.join(tmp, "job.sql")
    with open(script, "w") as f:
        f.write(sql)
    r = subprocess.run([PSQL, "-X", "-q", "-A", "-t", "-h", args.socket, "-U", args.user, "-d", args.database, "-f", script],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"psql failed: {r.stderr}")
    print(f"postgres backend peak memory (VmHWM): {r.stdout.strip()}", file=sys.stderr)


if __name__ == "__main__":
    main()
