"""Times `eventmap analyze` and its peers doing the same job side by side, on the same synthetic
events, with peak memory (GNU time -v), compares their outputs, and writes bench/RESULTS.md.
Peers: GeoPandas (UTM 37N, planar), PostGIS (SQL on geography, a throwaway server started here)
and DuckDB spatial (points-only spheroid distance). Started by bench/run (which prepares the
venv, the data and the binary).
"""
import argparse
import csv
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
BIN = os.path.join(ROOT, ".build", "release", "eventmap")
BORDER = os.path.join(ROOT, "Tests", "Reference", "syria-turkey.geojson")  # the world data's SYR-TUR line as GeoJSON, for the peers
PLACES = os.path.join(ROOT, "geodata", "places.csv")


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


def timed(argv):
    """Runs argv under /usr/bin/time -v: (wall s, user s, sys s, max RSS MiB, stderr of the program).
    The previous run's written pages are flushed first and the machine is given a moment, so
    that neither tool pays for the other's write-back."""
    os.sync()
    time.sleep(0.5)
    r = subprocess.run(["/usr/bin/time", "-v"] + argv, capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{r.stderr}")
    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", r.stderr).group(1).strip()
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return seconds, float(field("User time (seconds)")), float(field("System time (seconds)")), \
        int(field("Maximum resident set size (kbytes)")) / 1024, r.stderr


def events_file(n):
    path = os.path.join(DATA, f"events-{n}.csv")
    if not os.path.exists(path):
        os.makedirs(DATA, exist_ok=True)
        subprocess.run([sys.executable, "bench/make_events.py", str(n), path], check=True, cwd=ROOT)
    return path


def compare(ours_path, peer_path):
    """UTM (peer) minus geodesic (ours), where both name the same events in the same order."""
    a = pd.read_csv(ours_path, dtype={"id": str, "nearest_id": str})
    b = pd.read_csv(peer_path, dtype={"id": str, "nearest_id": str})
    assert len(a) == len(b) and (a["id"].values == b["id"].values).all(), "outputs differ in rows or order"
    places = pd.read_csv(PLACES, dtype={"id": str}).set_index("id")
    pos_a = places.loc[a["nearest_id"], ["lat", "lon"]].values
    pos_b = places.loc[b["nearest_id"], ["lat", "lon"]].values
    same_place = (pos_a == pos_b).all(axis=1)
    d = b["border_distance_m"].values - a["border_distance_m"].values
    dn = (b["nearest_distance_m"].values - a["nearest_distance_m"].values)[same_place]
    return {
        "border_mean": d.mean(), "border_absmax": np.abs(d).max(), "border_p99": np.percentile(np.abs(d), 99),
        "within_disagree": int((a["within"].astype(str).str.lower() != b["within"].astype(str).str.lower()).sum()),
        "nearest_other_place": int((~same_place).sum()),
        "nearest_absmax": np.abs(dn).max(), "nearest_mean": dn.mean(),
    }


def callgrind_profile(path, n):
    """Instruction counts (valgrind callgrind: deterministic, unlike times on a shared machine)
    for the first n events, by phase: inclusive counts of the functions that own each phase."""
    sample = os.path.join(DATA, f"events-first-{n}.csv")
    with open(path) as f, open(sample, "w") as out:
        for i, line in enumerate(f):
            if i > n:
                break
            out.write(line)
    cg = os.path.join(DATA, "callgrind.out")
    # This valgrind cannot read the Swift code's DWARF 5: profile a copy without debug info (the
    # symbols stay), and leave the section out rather than fail the whole run if it still cannot.
    binary = os.path.join(DATA, "eventmap-nodebug")
    shutil.copy(BIN, binary)
    subprocess.run(["objcopy", "--strip-debug", binary], check=True)
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", binary, "analyze", sample, "--border", "border:SYR-TUR", "-o",
                          os.path.join(DATA, "callgrind-analysis.csv")], capture_output=True, cwd=ROOT)
    if run.returncode != 0:
        print("callgrind failed; no instruction profile:\n" + run.stderr.decode(errors="replace")[-400:], file=sys.stderr)
        return None
    # Every function, however small (by default the listing stops at 99 % of the total).
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", cg], capture_output=True, text=True).stdout

    def count(pattern):
        best = 0
        for line in text.splitlines():
            m = re.match(r"\s*([\d,]+) \(", line)
            if m and re.search(pattern, line):
                best = max(best, int(m.group(1).replace(",", "")))
        return best

    total = count(r"PROGRAM TOTALS")
    # Swift inlines the nearest-place search and the geodesic wrappers into the block loop, so
    # the phases are the functions that stay separate; the nearest place is in "the rest".
    # Through the cells (their learning included); a country's prepared area is made once, when first met.
    border = count(r"PolylineCellsC10nearestHit2to5chord")
    # countryIndices may be inlined into the block loop: then its per-point lookup is the outermost.
    country = max(count(r"CountryLocatorC14countryIndices2of"), count(r"CountryLocatorC5index33_"))
    prepared = count(r"CountryLocatorC12preparedArea")
    parse = count(r"ColumnsV10parsePlain_") + count(r"ColumnsV11parseFields_")
    fmt = count(r"AnalysisRowFormatterO7csvRows")
    analyse = count(r"BatchAnalysisV7analyse_6layout")
    phases = {
        "dynamic loading and relocation (ld.so)": count(r"rtld.c:_dl_start"),
        "shared-library initialisers": count(r"dl-init.c:_dl_init"),
        "events: geod_inverse (border, places; a little set-up)": count(r"\?\?\?:geod_inverse "),
        "events: border (tree search, refinement, chord brackets, its geod_inverse)": border,
        "countries' prepared areas (once per country met)": prepared,
        "events: country (CountryLocator.countryIndices, less the prepared areas)": country - prepared,
        "events: parse (split rows, numbers)": parse,
        "events: format (CSV rows)": fmt,
        "events: nearest place (chord brackets) and the rest of each block": analyse - border - country - parse - fmt,
        "events: read blocks": count(r"RowBlockReaderC4next"),
    }
    return n, total, phases


PEERS = ("geopandas", "postgis", "duckdb")
TITLES = {"geopandas": "GeoPandas", "postgis": "PostGIS", "duckdb": "DuckDB spatial"}


def peer_command(peer, path, out, pg):
    if peer == "geopandas":
        return [sys.executable, "bench/geopandas_analyze.py", path, BORDER, PLACES, out, "--within", "20000"]
    if peer == "postgis":
        return [sys.executable, "bench/postgis_analyze.py", path, BORDER, PLACES, out, "--within", "20000", "--socket", pg.socket]
    return [sys.executable, "bench/duckdb_analyze.py", path, BORDER, PLACES, out, "--within", "20000"]


def peak_mib(peer, run):
    """Peak memory: the process tree's (GNU time); for PostGIS plus the server backend's VmHWM."""
    rss = run[3]
    if peer == "postgis":
        m = re.search(r"VmHWM\): (\d+) kB", run[4])
        rss += int(m.group(1)) / 1024 if m else 0
    return rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated: " + ", ".join(PEERS))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"))
    ap.add_argument("--callgrind", type=int, default=200000, help="events for the instruction profile (0: skip; enough that the cells' learning and the set-up are amortised)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    peers = [p for p in args.peers.split(",") if p]
    pg = None
    if "postgis" in peers:
        sys.path.insert(0, os.path.join(ROOT, "bench"))
        from postgis_server import PostGISServer
        pg = PostGISServer().__enter__()
    try:
        load_before = os.getloadavg()
        rows, comparisons, profile, worlds = [], {}, "", {}
        for n in sizes:
            path = events_file(n)
            ours_out = os.path.join(DATA, f"ours-{n}.csv")
            # The same job as the peers: the Syria-Turkey line (`--border border:SYR-TUR`); and, for the
            # cost of the world, the default (every land border of the world).
            ours_cmd = [BIN, "analyze", path, "--border", "border:SYR-TUR", "-o", ours_out]
            world_cmd = [BIN, "analyze", path, "-o", os.path.join(DATA, f"world-{n}.csv")]
            ours, theirs, world = [], {p: [] for p in peers}, []
            for _ in range(args.repeats):  # interleaved, so that load from other work hits all alike
                ours.append(timed(ours_cmd))
                world.append(timed(world_cmd))
                report = [f"eventmap {ours[-1][0]:.2f} s"]
                for p in peers:
                    theirs[p].append(timed(peer_command(p, path, os.path.join(DATA, f"{p}-{n}.csv"), pg)))
                    report.append(f"{TITLES[p]} {theirs[p][-1][0]:.2f} s")
                print(f"{n}: " + ", ".join(report), file=sys.stderr)
            rows.append((n, ours, theirs))
            worlds[n] = world
            comparisons[n] = {p: compare(ours_out, os.path.join(DATA, f"{p}-{n}.csv")) for p in peers}
            if n == max(sizes):
                # The phase timers count thread time, waits included: keep the least disturbed of 3 runs.
                runs = [timed([BIN, "analyze", path, "--border", "border:SYR-TUR", "-o", ours_out, "--profile"]) for _ in range(3)]
                profile = min(runs, key=lambda r: r[0])[4]
                profile = profile[: profile.index("\tCommand being timed")].strip().replace(ROOT + "/", "")
        pg_version = pg.version() if pg else ""
    finally:
        if pg:
            pg.__exit__(None, None, None)

    cg = callgrind_profile(events_file(max(sizes)), args.callgrind) if args.callgrind and shutil.which("valgrind") else None

    def med(runs, k):
        return statistics.median(r[k] for r in runs)

    lines = []
    lines.append("# analyze benchmark: eventmap vs " + ", ".join(TITLES[p] for p in peers) + "\n")
    lines.append(f"Written by `bench/run` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. "
                 f"Median of {args.repeats} interleaved runs each; wall clock, CPU (user+sys) and peak resident "
                 "memory from GNU `time -v`, whole process (start-up, reading the border and gazetteer, writing the CSV). "
                 "PostGIS is timed whole from the client (COPY of the events, the border and places, the index, the query, "
                 "the CSV export) against a server started before the runs; its CPU column counts the client only (the "
                 "server's work is in the wall time), its memory adds the server backend's peak (VmHWM).\n")
    lines.append("## Machine\n")
    cpu = sh("lscpu | grep 'Model name' | cut -d: -f2").strip()
    ram = sh("free -g | awk '/Mem:/{print $2}'")
    osname = sh(". /etc/os-release; echo $PRETTY_NAME")
    swift = sh("swift --version 2>&1 | head -1")
    proj = sh("pkg-config --modversion proj")
    version = sh(BIN + " --version")
    lines.append(f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {ram} GiB; {osname}, kernel {platform.release()}")
    lines.append(f"- eventmap {version}, {swift}; PROJ {proj}")
    import geopandas, shapely, pyproj, pyogrio
    lines.append(f"- Python {platform.python_version()}, GeoPandas {geopandas.__version__}, Shapely {shapely.__version__} "
                 f"(GEOS {'.'.join(map(str, shapely.geos_version))}), pyproj {pyproj.__version__} (PROJ {pyproj.proj_version_str}), "
                 f"pyogrio {pyogrio.__version__}, pandas {pd.__version__}")
    if pg_version:
        lines.append(f"- PostgreSQL {pg_version} (Debian postgresql-15-postgis-3; shared_buffers 512MB, work_mem 256MB, fsync off)")
    if "duckdb" in peers:
        import duckdb
        lines.append(f"- DuckDB {duckdb.__version__} with duckdb-extension-spatial (PyPI), loaded from the wheel's file")
    lines.append(f"- Load average before the runs: {load_before[0]:.2f}, {load_before[1]:.2f}, {load_before[2]:.2f} "
                 "(the 2 cores are shared with other sessions: wall times carry that noise, CPU times less so)\n")
    lines.append("## Time and memory\n")
    lines.append("| events | peer | eventmap wall | peer wall | ratio (wall) | eventmap CPU | peer CPU | ratio (CPU) | eventmap peak RSS | peer peak RSS |")
    lines.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, ours, theirs in rows:
        ow = med(ours, 0)
        oc = statistics.median(r[1] + r[2] for r in ours)
        for p, peer in theirs.items():
            pw = med(peer, 0)
            pc = statistics.median(r[1] + r[2] for r in peer)
            cpu_ratio = f"{pc / oc:.1f}x" if p != "postgis" else "(client only)"
            lines.append(f"| {n:,} | {TITLES[p]} | {ow:.2f} s | {pw:.2f} s | **{pw / ow:.1f}x** | {oc:.2f} s | {pc:.2f} s | {cpu_ratio} | "
                         f"{max(r[3] for r in ours):.0f} MiB | {max(peak_mib(p, r) for r in peer):.0f} MiB |")
    lines.append("")
    lines.append("## The world's land borders vs. the Syria-Turkey line (issue 11)\n")
    lines.append("The same eventmap job, `analyze` with its default border (the 329 land borders of the world, "
                 "geodata/world) against `--border border:SYR-TUR`; both write the same columns (border_countries, country).\n")
    lines.append("| events | SYR-TUR wall | world wall | ratio (wall) | SYR-TUR CPU | world CPU | ratio (CPU) | SYR-TUR peak | world peak |")
    lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, ours, _ in rows:
        w = worlds[n]
        ow, ww = med(ours, 0), med(w, 0)
        oc, wc = statistics.median(r[1] + r[2] for r in ours), statistics.median(r[1] + r[2] for r in w)
        lines.append(f"| {n:,} | {ow:.2f} s | {ww:.2f} s | **{ww / ow:.2f}x** | {oc:.2f} s | {wc:.2f} s | {wc / oc:.2f}x | "
                     f"{max(r[3] for r in ours):.0f} MiB | {max(r[3] for r in w):.0f} MiB |")
    lines.append("")
    lines.append("All runs (wall s): " + "; ".join(
        f"{n:,}: eventmap {', '.join(f'{r[0]:.2f}' for r in ours)}" + "".join(
            f" / {TITLES[p]} {', '.join(f'{r[0]:.2f}' for r in peer)}" for p, peer in theirs.items())
        for n, ours, theirs in rows) + "\n")
    lines.append("## How far each peer's answer is from the geodesic one\n")
    lines.append("eventmap gives WGS 84 geodesics (checked against GeographicLib to 1 mm in the tests), so each row is the "
                 "peer's error. GeoPandas measures in UTM 37N (planar). PostGIS takes the spheroid distance to the nearest "
                 "point of each edge found on a sphere, and the nearest place by KNN on the sphere. DuckDB measures the "
                 "spheroid distance to the border's nearest point in planar lon/lat degrees (it cannot measure a point to a "
                 "line on the spheroid), and the nearest place exactly. Differences, peer minus eventmap:\n")
    lines.append("| events | peer | border distance: mean | 99th pct abs | max abs | `within` 20 km flags that differ | nearest place differs (position) | nearest distance, same place: max abs |")
    lines.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        for p, c in comparisons[n].items():
            lines.append(f"| {n:,} | {TITLES[p]} | {c['border_mean']:.3f} m | {c['border_p99']:.3f} m | {c['border_absmax']:.3f} m | "
                         f"{c['within_disagree']} | {c['nearest_other_place']} | {c['nearest_absmax']:.3f} m |")
    lines.append("")
    lines.append(f"## Where eventmap's time goes ({max(sizes):,} events, `--profile`, least disturbed of 3 runs)\n")
    lines.append("Phase times are thread times summed over the workers, waits for a core included.\n")
    lines.append("```\n" + profile + "\n```\n")
    if cg:
        n, total, phases = cg
        lines.append(f"## Instructions by phase (valgrind callgrind, first {n:,} events)\n")
        lines.append("Instruction counts do not depend on the load from other sessions. Per event = count / events.\n")
        lines.append("| phase | instructions | share | per event |")
        lines.append("| --- | ---: | ---: | ---: |")
        for name, v in phases.items():
            per = f"{v / n:,.0f}" if name.startswith("events") else "(once)"
            lines.append(f"| {name} | {v:,} | {100 * v / total:.1f} % | {per} |")
        lines.append(f"| whole run | {total:,} | 100 % | |\n")
    notes = os.path.join(ROOT, "bench", "NOTES.md")
    if os.path.exists(notes):
        lines.append(open(notes).read())
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
