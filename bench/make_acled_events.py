"""Seeded SYNTHETIC ACLED-style events for the render benchmark and the map tests.

Nothing here is real: ids, dates, actors, places ("Synthetic place 17") and fatalities are drawn
from a seeded generator; coordinates are uniform in longitude and latitude within a box (default
north-west Syria, lon 35.8-37.2, lat 35.2-36.6). Roughly like ACLED: a mix of event types and
sub-types, time_precision 1/2/3 (85/10/5 %), geo_precision 1/2/3 (70/22/8 %), fatalities mostly 0
with a long tail, admin1 one of four synthetic governorates by quadrant of the box.

Run: python3 bench/make_acled_events.py N OUT.csv [--seed S] [--box W,S,E,N] [--start 2020-01-01 --days 366]
Standard library only, so tests and the benchmark need no extra package.
"""
import argparse
import csv
import datetime
import random

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp"]

TYPES = [
    ("Explosions/Remote violence", ["Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED"], 0.45),
    ("Battles", ["Armed clash", "Government regains territory"], 0.25),
    ("Violence against civilians", ["Attack", "Abduction/forced disappearance"], 0.12),
    ("Protests", ["Peaceful protest"], 0.10),
    ("Strategic developments", ["Looting/property destruction", "Other"], 0.08),
]
ACTORS = ["Synthetic Force A", "Synthetic Force B", "Synthetic Group C", "Synthetic Militia D", "Civilians (Synthetic)"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20201026)
    ap.add_argument("--box", default="35.8,35.2,37.2,36.6")
    ap.add_argument("--start", default="2020-01-01")
    ap.add_argument("--days", type=int, default=366)
    a = ap.parse_args()
    w, s, e, n = (float(v) for v in a.box.split(","))
    start = datetime.date.fromisoformat(a.start)
    rng = random.Random(a.seed)
    weights = [t[2] for t in TYPES]
    with open(a.out, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(COLUMNS)
        for i in range(a.n):
            et, subs, _ = rng.choices(TYPES, weights)[0]
            sub = rng.choice(subs)
            day = start + datetime.timedelta(days=rng.randrange(a.days))
            tp = rng.choices([1, 2, 3], [85, 10, 5])[0]
            gp = rng.choices([1, 2, 3], [70, 22, 8])[0]
            lon, lat = rng.uniform(w, e), rng.uniform(s, n)
            quad = (0 if lon < (w + e) / 2 else 1) + (0 if lat < (s + n) / 2 else 2)
            admin1 = ["Synthetic Governorate SW", "Synthetic Governorate SE", "Synthetic Governorate NW", "Synthetic Governorate NE"][quad]
            fat = 0 if rng.random() < 0.6 else min(300, int(rng.paretovariate(1.3)))
            a1, a2 = rng.sample(ACTORS, 2)
            out.writerow([f"SYN{i + 1}", day.isoformat(), day.year, tp, "Political violence", et, sub, a1, "", "1", a2, "", "2",
                          "12", "", "760", "Middle East", "Syria", admin1, "", "", f"Synthetic place {rng.randrange(2000)}",
                          f"{lat:.4f}", f"{lon:.4f}", gp, "Synthetic source", "Other", "Synthetic event (generated, not real).",
                          fat, "", "1600000000"])


if __name__ == "__main__":
    main()
