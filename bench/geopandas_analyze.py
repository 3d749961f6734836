"""The peer: the same job as `eventmap analyze`, done the usual GeoPandas way (UTM 37N, planar).

Reads the events CSV, projects to UTM zone 37N (EPSG:32637), measures the planar distance to the
border line and its nearest point, joins each event to its nearest gazetteer place with
sjoin_nearest, flags events within DISTANCE metres of the border, and writes the same CSV
columns as eventmap: id,border_distance_m,border_lat,border_lon,nearest_id,nearest_name,
nearest_distance_m,within.

Run (in the bench venv): python bench/geopandas_analyze.py EVENTS.csv BORDER.geojson PLACES.csv OUT.csv [--within M]
"""

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

import peer_cli

UTM = "EPSG:32637"


def main():
    ap = peer_cli.parser(__doc__.splitlines()[0])
    args = ap.parse_args()

    ev = pd.read_csv(args.events, usecols=["id", "lat", "lon"], dtype={"id": str})
    events = gpd.GeoDataFrame(ev[["id"]], geometry=gpd.points_from_xy(ev["lon"], ev["lat"]), crs="EPSG:4326").to_crs(UTM)

    border = gpd.read_file(args.border).to_crs(UTM).geometry.union_all()
    events["border_distance_m"] = events.distance(border)
    foot = gpd.GeoSeries(shapely.get_point(shapely.shortest_line(events.geometry.values, border), 1), crs=UTM).to_crs("EPSG:4326")
    events["border_lat"] = foot.y.round(7)
    events["border_lon"] = foot.x.round(7)

    pl = pd.read_csv(args.places, usecols=["id", "name", "lat", "lon"], dtype={"id": str})
    places = gpd.GeoDataFrame(pl[["id", "name"]].rename(columns={"id": "nearest_id", "name": "nearest_name"}),
                              geometry=gpd.points_from_xy(pl["lon"], pl["lat"]), crs="EPSG:4326").to_crs(UTM)
    joined = gpd.sjoin_nearest(events, places, distance_col="nearest_distance_m")
    joined = joined[~joined.index.duplicated(keep="first")]  # ties give several rows per event

    out = joined[["id", "border_distance_m", "border_lat", "border_lon", "nearest_id", "nearest_name", "nearest_distance_m"]].copy()
    out["border_distance_m"] = out["border_distance_m"].round(3)
    out["nearest_distance_m"] = out["nearest_distance_m"].round(3)
    out["within"] = np.where(out["border_distance_m"] <= args.within, "true", "false")
    out.to_csv(args.out, index=False)


if __name__ == "__main__":
    main()
