"""The command line every peer of the benchmark takes: EVENTS.csv BORDER.geojson PLACES.csv OUT.csv
[--within M], so that bench.py runs them all alike."""
import argparse


def parser(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("events")
    ap.add_argument("border")
    ap.add_argument("places")
    ap.add_argument("out")
    ap.add_argument("--within", type=float, default=20000.0)
    return ap
