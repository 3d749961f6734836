"""Times `eventmap render` on SYNTHETIC ACLED-style events (bench/make_acled_events.py: seeded,
uniform in the box lon 35.8-37.2, lat 35.2-36.6, made-up ids, actors and places, not real data),
with peak memory (GNU time -v) and the size of each map, and writes bench/RENDER_RESULTS.md.
Targets (issue 13): 100,000 events in at most 5 s, each SVG under 2 MB, peak memory under 300 MiB;
the HTML page under 15 MB.

Run: python3 bench/render_bench.py [--sizes 20000,100000] [--repeats 3] [--facet month]   (standard library only;
the release binary must be built: swift build -c release --product eventmap, as bench/run does)
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "eventmap")
DATA = os.path.join(ROOT, "bench", "data")


def timed(argv):
    r = subprocess.run(["/usr/bin/time", "-v"] + argv, capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{r.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    seconds = (int(wall.group(1) or 0) * 3600) + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", r.stderr).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", r.stderr).group(1))
    return seconds, rss, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="20000,100000")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--facet", default="month", help="also time the largest size with --facet PERIOD ('' for none)")
    a = ap.parse_args()
    if not os.path.exists(BIN):
        sys.exit(f"{BIN} missing: run swift build -c release --product eventmap")
    os.makedirs(DATA, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    runs_to_do = [(n, []) for n in sizes] + ([(sizes[-1], ["--facet", a.facet])] if a.facet else [])
    rows = []
    for n, extra in runs_to_do:
        csv = os.path.join(DATA, f"acled-synthetic-{n}.csv")
        if not os.path.exists(csv):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_acled_events.py"), str(n), csv], check=True)
        out = tempfile.mkdtemp(prefix="eventmap-render-bench-")
        load_before = os.getloadavg()[0]
        runs = [timed([BIN, "render", "--events", csv, "-o", out] + extra) for _ in range(a.repeats)]
        load_after = os.getloadavg()[0]
        files = {f: os.path.getsize(os.path.join(out, f)) for f in sorted(os.listdir(out)) if f.endswith((".svg", ".html", ".geojson"))}
        rows.append(dict(n=n, extra=" ".join(extra), wall=statistics.median(r[0] for r in runs), rss=max(r[1] for r in runs),
                         cpu=statistics.median(r[2] for r in runs), files=files, load=(load_before, load_after)))
        print(f"{n} events {' '.join(extra)}: {rows[-1]['wall']:.2f} s (median of {a.repeats}), peak {rows[-1]['rss']:.0f} MiB", file=sys.stderr)
    cpu = subprocess.run("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2", shell=True, capture_output=True, text=True).stdout.strip()
    lines = ["# `eventmap render` on synthetic ACLED-style events", "",
             f"Machine: {cpu}, {os.cpu_count()} cores (shared with other sessions), {platform.system()} {platform.release()}. "
             f"Command: `python3 bench/render_bench.py --sizes {a.sizes} --repeats {a.repeats}" + (f" --facet {a.facet}" if a.facet != "month" else "") + "`; "
             "`eventmap render --events FILE -o DIR` (a scenario derived from the data: overview.svg, overview.html, the GeoJSON layers); "
             "wall and CPU time medians, peak RSS max, GNU time -v. Data: bench/make_acled_events.py (seeded synthetic, not real events).", "",
             "| events | options | wall (s) | CPU user+sys (s) | peak RSS (MiB) | load avg (1 min) before → after | largest SVG (KB) | overview.html (KB) | events.geojson (KB) |",
             "|---:|---|---:|---:|---:|---|---|---:|---:|"]
    for r in rows:
        kb = lambda f: f"{r['files'].get(f, 0) / 1000:,.0f}"
        svgs = {f: v for f, v in r["files"].items() if f.endswith(".svg")}
        big = max(svgs, key=svgs.get) if svgs else ""
        lines.append(f"| {r['n']:,} | {r['extra'] or '-'} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} | {r['load'][0]:.1f} → {r['load'][1]:.1f} | "
                     f"{big} {kb(big)} | {kb('overview.html')} | {kb('events.geojson')} |")
    lines += ["", f"Load averages are for the whole machine ({os.cpu_count()} cores): the render runs on one core but for events.geojson (made in batches on every core), so wall time above CPU time is "
              "waiting for a core that other sessions hold.",
              "", "Targets (issue 13): ≤ 5 s and < 300 MiB at 100,000 events, each SVG < 2 MB (facet sheets too), the HTML page < 15 MB."]
    with open(os.path.join(ROOT, "bench", "RENDER_RESULTS.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
