"""Checks eventmap's offline HTML map in headless Debian chromium (Playwright, no browser download).

Run: python check_map.py PAGE.html EVENTS.csv FORMAT [--reports reports.csv] [--places places.csv] [--screenshot OUT.png]
FORMAT is `bundled` (geodata/events.csv + reports.csv) or `acled`; --places is the gazetteer the page
was made from (a click on a place must show its source and precision; for `bundled`, an approximate
event must be drawn as the circle of its place's uncertainty radius). Every expectation is computed here
from the CSV, independently of eventmap: an event is shown on the days of its span (the stated range;
for one day given with a coarse precision, its Monday-Sunday week or its calendar month).
Every non-file: request is blocked and fails the check; so does any console error.
Prints one line per check; exits 1 on the first failure list.
"""
import argparse
import base64
import csv
import datetime
import json
import sys

from playwright.sync_api import sync_playwright


def spans(path, fmt):
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    out = []
    for r in rows:
        if fmt == "acled":
            d = datetime.date.fromisoformat(r["event_date"])
            tp = int(r["time_precision"])
            if tp == 1:
                a = b = d
            elif tp == 2:
                a = d - datetime.timedelta(days=d.weekday())
                b = a + datetime.timedelta(days=6)
            else:
                a = d.replace(day=1)
                b = (a.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
            out.append(dict(id=r["event_id_cnty"], a=a, b=b, type=r["event_type"], killed=float(r["fatalities"] or 0),
                            geo=int(r["geo_precision"]), actor1=r["actor1"], actor2=r["actor2"]))
        else:
            a = datetime.date.fromisoformat(r["date_start"])
            b = datetime.date.fromisoformat(r["date_end"]) if r["date_end"] else a
            if a == b and r["date_precision"] == "month":
                a = a.replace(day=1)
                b = (a.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
            out.append(dict(id=r["id"], a=a, b=b, type=r["event_type"], killed=None))
    return out


def daynum(d):
    return (d - datetime.date(1970, 1, 1)).days


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("events")
    ap.add_argument("format", choices=["bundled", "acled"])
    ap.add_argument("--reports")
    ap.add_argument("--places")
    ap.add_argument("--screenshot")
    a = ap.parse_args()
    ev = spans(a.events, a.format)
    failures, blocked, errors = [], [], []

    def check(name, ok, detail=""):
        print(("ok   " if ok else "FAIL ") + name + (": " + detail if detail else ""))
        if not ok:
            failures.append(name)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 860})

            def route(r):
                if r.request.url.startswith("file:"):
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto("file://" + a.page)
            check("page script ran", page.evaluate("() => typeof window.eventmap") == "object")
            count = lambda: int(page.get_attribute("#count", "data-count"))

            def set_input(sel, value):
                page.evaluate("([s, v]) => { const e = document.querySelector(s); e.value = v; e.dispatchEvent(new Event('input')); }",
                              [sel, str(value)])

            check("all events shown at first", count() == len(ev), f"{count()} shown, {len(ev)} in the file")
            days = sorted(e["a"] for e in ev)
            mid = days[len(days) // 2]
            set_input("#time", daynum(mid))
            want = sum(1 for e in ev if e["a"] <= mid)
            check(f"slider at {mid}, cumulative", count() == want, f"{count()} shown, {want} expected")
            set_input("#mode", "window")
            set_input("#window", 30)
            lo = mid - datetime.timedelta(days=29)
            want = sum(1 for e in ev if e["a"] <= mid and e["b"] >= lo)
            check(f"slider at {mid}, 30-day window", count() == want, f"{count()} shown, {want} expected")
            set_input("#mode", "cumulative")
            set_input("#time", daynum(max(e["b"] for e in ev)))
            kind = sorted({e["type"] for e in ev})[0]
            set_input("#type", kind)
            want = sum(1 for e in ev if e["type"] == kind)
            check(f"type filter '{kind}'", count() == want and want < len(ev), f"{count()} shown, {want} expected")
            set_input("#type", "")
            if a.format == "acled":
                set_input("#minkilled", 10)
                want = sum(1 for e in ev if e["killed"] >= 10)
                check("min killed 10", count() == want and want < len(ev), f"{count()} shown, {want} expected")
                set_input("#minkilled", 0)
                # ACLED geo_precision 1, 2, 3 are where_prec 1, 2, 4: "within 25 km" keeps 1 and 2.
                set_input("#prec", 2)
                want = sum(1 for e in ev if e["geo"] <= 2)
                check("location precision within 25 km", count() == want and want < len(ev), f"{count()} shown, {want} expected")
                set_input("#prec", 7)
                actor = ev[0]["actor1"].lower()
                set_input("#actor", actor)
                want = sum(1 for e in ev if actor in e["actor1"].lower() or actor in e["actor2"].lower())
                check(f"actor contains '{actor}'", count() == want and want < len(ev), f"{count()} shown, {want} expected")
                set_input("#actor", "")
            # Play from the first day: the slider moves on its own and the count follows the data; pause stops it.
            first_day = daynum(min(e["a"] for e in ev))
            page.click("#play")
            page.wait_for_function("(d) => +document.getElementById('time').value > d", arg=first_day, timeout=10000)
            page.click("#play")
            at = int(page.eval_on_selector("#time", "e => e.value"))
            day = datetime.date(1970, 1, 1) + datetime.timedelta(days=at)
            want = sum(1 for e in ev if e["a"] <= day)
            check(f"play moves the slider, pause stops it at {day}", page.inner_text("#play") == "Play" and count() == want,
                  f"{count()} shown, {want} expected")
            set_input("#time", daynum(max(e["b"] for e in ev)))
            check("count, legend, scale bar and attribution in the page",
                  "events shown" in page.inner_text("#count") and page.locator("#legend li").count() > 0
                  and page.inner_text("#scale-text").strip() != "" and "Natural Earth" in page.inner_text("#attribution"))
            # Click the largest event in the list's order (most killed) on the canvas.
            first = page.evaluate("""() => { const b = document.querySelector('#event-list button'); return b ? b.dataset.event : null; }""")
            xy = page.evaluate("""(id) => { const D = window.eventmap.data, i = D.events.id.indexOf(id);
                                  return window.eventmap.toScreen(D.events.x[i], D.events.y[i]); }""", first)
            box = page.locator("#map").bounding_box()
            page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
            popup = page.locator("#popup")
            shown_id = popup.get_attribute("data-event")
            text = popup.inner_text() if popup.is_visible() else ""
            check("click opens the popup", popup.is_visible() and shown_id is not None, f"event {shown_id}")
            if a.format == "bundled" and a.reports:
                outlets = {r["outlet"] for r in csv.DictReader(open(a.reports, encoding="utf-8")) if r["event_id"] == shown_id}
                check("popup lists every report's outlet", all(o in text for o in outlets) and f"Reports ({sum(1 for r in csv.DictReader(open(a.reports, encoding='utf-8')) if r['event_id'] == shown_id)})" in text,
                      ", ".join(sorted(outlets)))
            else:
                check("popup lists the claim", "Reports (1)" in text and "ACLED" in text and "killed" in text.lower())
            check("popup shows killed {low, best, high}", "{low " in text)
            page.locator("#popup").evaluate("e => e.hidden = true")
            page.focus("#event-list li:nth-child(2) button")
            check("keyboard focus opens the popup", popup.is_visible())
            if a.places and a.format == "bundled":
                # An approximate event is drawn as its uncertainty area: a dashed red circle whose radius is its
                # place's uncertainty in places.csv, here sampled on the canvas at that radius and at 0.7 and 1.3 of it.
                places = {r["id"]: r for r in csv.DictReader(open(a.places, newline="", encoding="utf-8"))}
                rows = list(csv.DictReader(open(a.events, newline="", encoding="utf-8")))
                approx = [(r["id"], float(places[r["place_id"]]["uncertainty_m"])) for r in rows
                          if r["place_id"] in places and places[r["place_id"]]["uncertainty_m"]
                          and 1000 < float(places[r["place_id"]]["uncertainty_m"]) <= 25000]
                check("an approximate event in the data", bool(approx))
                if approx:
                    eid, radius = approx[0]
                    hits = page.evaluate("""([id, r]) => { const D = window.eventmap.data, E = D.events, i = E.id.indexOf(id);
                        const [X, Y] = window.eventmap.toScreen(E.x[i], E.y[i]), s = window.eventmap.view.s;
                        const c = document.getElementById('map'), k = c.width / c.clientWidth, g = c.getContext('2d');
                        const red = (f) => { let n = 0; for (let a = 0; a < 360; a += 2) { let hit = false;
                          for (const d of [-1, 0, 1]) { const R = f * r * s + d, t = a * Math.PI / 180;
                            const p = g.getImageData(Math.round((X + R * Math.cos(t)) * k), Math.round((Y + R * Math.sin(t)) * k), 1, 1).data;
                            if (p[0] > p[1] + 60 && p[0] > p[2] + 60) hit = true; }
                          if (hit) n++; } return n; };
                        return [r * s, red(0.7), red(1.0), red(1.3)]; }""", [eid, radius])
                    check(f"{eid} drawn as its {radius / 1000:g} km uncertainty circle",
                          hits[2] >= 30 and hits[2] > 3 * max(hits[1], hits[3], 1),
                          f"radius {hits[0]:.0f} px; red samples of 180 at 0.7, 1 and 1.3 of it: {hits[1]}, {hits[2]}, {hits[3]}")
            if a.places:
                # A click on a place (the one farthest on screen from any event, so no event symbol is hit first)
                # shows its source and its precision as the gazetteer gives them.
                places = {r["id"]: r for r in csv.DictReader(open(a.places, newline="", encoding="utf-8"))}
                page.locator("#popup").evaluate("e => e.hidden = true")
                target = page.evaluate("""() => { const D = window.eventmap.data, E = D.events, c = document.getElementById('map');
                    const ev = E.x.map((x, i) => window.eventmap.toScreen(x, E.y[i])); let best = null;
                    for (const l of D.layers) for (const f of l.features) {
                      if (!f.id.startsWith('place-') || f.k !== 'pt') continue;
                      const [X, Y] = window.eventmap.toScreen(f.c[0], f.c[1]);
                      if (X < 20 || Y < 20 || X > c.clientWidth - 20 || Y > c.clientHeight - 20) continue;
                      const gap = Math.min(Infinity, ...ev.map(([x, y]) => Math.hypot(x - X, y - Y)));
                      if (!best || gap > best.gap) best = { id: f.id, X, Y, gap };
                    } return best; }""")
                check("a place lies in the first view", target is not None)
                if target:
                    page.mouse.click(box["x"] + target["X"], box["y"] + target["Y"])
                    place = places[target["id"][len("place-"):]]
                    text = popup.inner_text() if popup.is_visible() else ""
                    check(f"click on {place['name']} shows its source and precision",
                          popup.get_attribute("data-feature") == target["id"] and place["source"] in text
                          and f"where_prec {place['precision']}" in text, text.replace("\n", " | ")[:300])
            colours = page.evaluate("""() => { const c = document.getElementById('map'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                                      const s = new Set(); for (let i = 0; i < d.length; i += 397 * 4) s.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); return s.size; }""")
            check("map is not blank", colours >= 8, f"{colours} distinct colours sampled")
            # The screenshot itself (what a user sees, not only the canvas) decoded in the page: many colours, not one.
            shot = page.screenshot(full_page=True)
            if a.screenshot:
                open(a.screenshot, "wb").write(shot)
            seen = page.evaluate("""(b64) => new Promise((done) => { const img = new Image();
                img.onload = () => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
                  const x = c.getContext('2d'); x.drawImage(img, 0, 0); const d = x.getImageData(0, 0, c.width, c.height).data;
                  const s = new Set(); for (let i = 0; i < d.length; i += 211 * 4) s.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
                  done([img.width, img.height, s.size]); };
                img.onerror = () => done([0, 0, 0]); img.src = 'data:image/png;base64,' + b64; })""", base64.b64encode(shot).decode())
            check("screenshot is not blank", seen[0] >= 1280 and seen[2] >= 16, f"{seen[0]}x{seen[1]} px, {seen[2]} distinct colours sampled")
            res = page.evaluate("() => performance.getEntriesByType('resource').map((r) => r.name).filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))")
            check("no request leaves the file", not blocked and not res, ", ".join(blocked + res))
            check("no console error", not errors, " | ".join(errors))
        finally:
            browser.close()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
