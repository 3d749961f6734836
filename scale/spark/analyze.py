"""eventmap analyze on Apache Spark: more events than one machine holds.

Spark reads and partitions the events; every partition is piped through the `eventmap` binary
(`analyze - --columns ... --no-header`), which computes the exact answer (WGS 84 geodesic distance
to the border along geodesic edges, nearest place): no Spark engine does that itself.

    spark-submit --master yarn --deploy-mode cluster \
      --files .build/release/eventmap,geodata/places.csv,geodata/world/countries.json,geodata/world/countries.bin,geodata/world/borders.json,geodata/world/borders.bin \
      scale/spark/analyze.py --input hdfs:///events.csv --output hdfs:///analysis [--border border:SYR-TUR]

Why a pipe per partition (RDD.mapPartitions with a subprocess, as RDD.pipe does) rather than
mapInArrow: the binary is a line filter, and the events arrive as lines; Arrow would turn them
into columns only for us to print them back to text for the binary. We run the subprocess
ourselves instead of calling RDD.pipe because RDD.pipe throws away the child's stderr, and a bad
row must fail the job with its text and eventmap's reason.

Input: a CSV whose first line is a header naming an id, a latitude and a longitude column
(id,lat,lon; ACLED; UCDP GED); one event per line (quoted line breaks are not split correctly by
Spark's line reader, as with its CSV reader without multiLine). Output: a folder of part files of
header-less CSV rows, id,border_distance_m,border_lat,border_lon,nearest_id,nearest_name,
nearest_distance_m,within,border_countries,country, in input order within each partition. The
world data (geodata/world, four files) and the gazetteer are shipped with --files; eventmap finds
them in the executor's SparkFiles folder (--data).
"""

import argparse
import csv
import os
import re
import stat
import subprocess
import sys
import threading

BINARY, PLACES = "eventmap", "places.csv"
WORLD = ("countries.json", "countries.bin", "borders.json", "borders.bin")
COLUMNS = ("id,border_distance_m,border_lat,border_lon,nearest_id,nearest_name,nearest_distance_m,within,"
           "border_countries,country")


class BadEventRow(RuntimeError):
    """A row eventmap refused: the job fails with this message (the row, its place, the reason)."""


def shipped(name):
    """The path of a file shipped with --files (or SparkContext.addFile) on this executor."""
    from pyspark import SparkFiles
    return SparkFiles.get(name)


def partition_worker(columns, within, border, places_name):
    """The function run on each partition: feeds its lines to eventmap, yields the output rows."""

    def work(index, lines):
        binary = shipped(BINARY)
        mode = os.stat(binary).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        rows = list(lines)  # kept to name a bad row by its text; one partition at a time
        if not rows:
            return
        from pyspark import SparkFiles
        command = [binary, "analyze", "-", "--columns", columns, "--no-header", "--within", within,
                   "--data", SparkFiles.getRootDirectory(), "--nearest", shipped(places_name)]
        if border:  # a border TARGET (border:SYR-TUR) as text, or the name of a GeoJSON shipped with --files
            command += ["--border", border if border.startswith("border") else shipped(border)]
        proc = subprocess.Popen(command,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

        def feed():
            try:
                for row in rows:
                    proc.stdin.write(row.encode("utf-8") + b"\n")
                proc.stdin.close()
            except BrokenPipeError:
                pass  # eventmap stopped early (a bad row): its stderr says why

        errors = []
        feeder = threading.Thread(target=feed, daemon=True)
        drain = threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True)
        feeder.start()
        drain.start()
        out = [line.decode("utf-8").rstrip("\n") for line in proc.stdout]
        proc.wait()
        feeder.join()
        drain.join()
        message = b"".join(errors).decode("utf-8", "replace")
        if proc.returncode != 0:
            found = re.search(r"standard input, line (\d+), (.*)", message)
            if found:
                n = int(found.group(1))
                raise BadEventRow(f"bad event row {rows[n - 1]!r} (partition {index}, row {n} of the partition): "
                                  f"{found.group(2).strip()}")
            raise BadEventRow(f"eventmap failed on partition {index} (exit {proc.returncode}): {message.strip()}")
        if len(out) != len(rows):
            raise BadEventRow(f"eventmap gave {len(out)} rows for the {len(rows)} of partition {index}")
        yield from out

    return work


def run(spark, input_path, output_path, partitions=None, within="20km",
        border=None, places_name=PLACES):
    """Analyses `input_path` into the folder `output_path`; returns the number of events."""
    sc = spark.sparkContext
    lines = sc.textFile(input_path, minPartitions=partitions) if partitions else sc.textFile(input_path)
    header = lines.first()
    names = next(csv.reader([header.lstrip("\ufeff")]))
    columns = ",".join(n.strip() for n in names)

    def drop_header(index, it):
        if index == 0:
            first = next(it, None)
            if first is not None and first != header:
                yield first
        yield from it

    body = lines.mapPartitionsWithIndex(drop_header).filter(lambda line: line.strip() != "")
    result = body.mapPartitionsWithIndex(partition_worker(columns, within, border, places_name))
    result.saveAsTextFile(output_path)
    return sc.textFile(output_path).count()


def main(argv=None):
    ap = argparse.ArgumentParser(description="eventmap analyze on Spark: the binary per partition.")
    ap.add_argument("--input", required=True, help="events CSV with a header (local path, hdfs://, s3a://)")
    ap.add_argument("--output", required=True, help="output folder (must not exist)")
    ap.add_argument("--partitions", type=int, help="at least this many partitions (default: one per input split)")
    ap.add_argument("--within", default="20km", help="distance from the border that sets `within`, with a unit")
    ap.add_argument("--border", help="border:AAA-BBB / border:AAA, or the name of a GeoJSON shipped with --files "
                                      "(default: every land border of the world)")
    ap.add_argument("--places", default=PLACES, help="name of the gazetteer CSV shipped with --files")
    args = ap.parse_args(argv)
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("eventmap-analyze").getOrCreate()
    try:
        n = run(spark, args.input, args.output, args.partitions, args.within, args.border, args.places)
        print(f"{n} events analysed into {args.output} ({COLUMNS})", file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
