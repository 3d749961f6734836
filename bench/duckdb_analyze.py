"""A peer: the same job as `eventmap analyze` in DuckDB with its spatial extension (PyPI
`duckdb` and `duckdb-extension-spatial`, loaded from the wheel's file: no download at run time).

What DuckDB can and cannot do here: ST_Distance_Spheroid is a true WGS 84 geodesic (GeographicLib
inside), but it takes two points only. So the nearest place is exact (every place measured,
arg_min; fine for a gazetteer of tens of places, a cross join for a world one), while the border
distance cannot be asked of the line: we take the line's nearest point in planar lon/lat degrees
(ST_ShortestLine, GEOS) and measure the spheroid distance to it. That point lies on the straight
lon/lat segment, not on the geodesic edge, and may sit on another edge than the true nearest one,
so the distance is an approximation (shown against GeographicLib in RESULTS.md).

Run: python bench/duckdb_analyze.py EVENTS.csv BORDER.geojson PLACES.csv OUT.csv [--within M] [--threads N]
"""
import glob
import json
import os

import duckdb
import duckdb_extension_spatial

import peer_cli


def spatial_extension():
    base = os.path.dirname(duckdb_extension_spatial.__file__)
    found = glob.glob(os.path.join(base, "extensions", "*", "spatial.duckdb_extension"))
    if not found:
        raise SystemExit(f"no spatial.duckdb_extension under {base}")
    return found[0]


def main():
    ap = peer_cli.parser(__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    args = ap.parse_args()

    con = duckdb.connect(config={"threads": args.threads})
    con.execute(f"LOAD '{spatial_extension()}'")
    with open(args.border) as f:
        geoms = [json.dumps(feat["geometry"]) for feat in json.load(f)["features"] if feat.get("geometry")]
    con.execute("CREATE TABLE border AS SELECT ST_Union_Agg(ST_GeomFromGeoJSON(g)) AS g FROM (SELECT unnest(?) AS g)", [geoms])
    con.execute(f"CREATE TABLE events AS SELECT id::VARCHAR AS id, lat::DOUBLE AS lat, lon::DOUBLE AS lon, row_number() OVER () AS ord "
                f"FROM read_csv('{args.events}', header = true, columns = {{'id': 'VARCHAR', 'lat': 'DOUBLE', 'lon': 'DOUBLE'}})")
    con.execute(f"CREATE TABLE places AS SELECT id::VARCHAR AS id, name, lat::DOUBLE AS lat, lon::DOUBLE AS lon "
                f"FROM read_csv('{args.places}', header = true, all_varchar = true)")
    # ST_Distance_Spheroid wants [latitude, longitude] axis order (EPSG:4326 as defined).
    con.execute(f"""
        COPY (
          WITH foot AS (
            SELECT e.id, e.ord, e.lat, e.lon, ST_EndPoint(ST_ShortestLine(ST_Point(e.lon, e.lat), b.g)) AS cp
            FROM events e, border b),
          border_d AS (
            SELECT id, ord, lat, lon, ST_Y(cp) AS blat, ST_X(cp) AS blon,
                   ST_Distance_Spheroid(ST_Point(lat, lon), ST_Point(ST_Y(cp), ST_X(cp))) AS m
            FROM foot),
          nearest AS (
            SELECT e.ord, arg_min(p.id, ST_Distance_Spheroid(ST_Point(e.lat, e.lon), ST_Point(p.lat, p.lon))) AS nid,
                   arg_min(p.name, ST_Distance_Spheroid(ST_Point(e.lat, e.lon), ST_Point(p.lat, p.lon))) AS nname,
                   min(ST_Distance_Spheroid(ST_Point(e.lat, e.lon), ST_Point(p.lat, p.lon))) AS nm
            FROM events e, places p GROUP BY e.ord)
          SELECT d.id, round(d.m, 3) AS border_distance_m, round(d.blat, 7) AS border_lat, round(d.blon, 7) AS border_lon,
                 n.nid AS nearest_id, n.nname AS nearest_name, round(n.nm, 3) AS nearest_distance_m,
                 CASE WHEN d.m <= {args.within} THEN 'true' ELSE 'false' END AS within
          FROM border_d d JOIN nearest n USING (ord) ORDER BY d.ord
        ) TO '{args.out}' (FORMAT csv, HEADER)""")


if __name__ == "__main__":
    main()
