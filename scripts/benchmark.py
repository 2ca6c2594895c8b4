#!/usr/bin/env python3
"""Benchmarks of edx against baselines measured in the same run, reported as ratios.

    scripts/benchmark.py [--studies N] [--memory-counts 1000,10000,100000] [--repeat 3]

Builds the release edx, generates archives with `edx synth` (deterministic, seed 1), and measures
the median wall time of each command over --repeat runs, and the peak memory (maximum resident set
size, GNU time) of batches over archives of growing size:

1. XML import: `edx import --summary` against `xmllint --stream --noout` on the same archive
   (libxml2's own streaming parser; target: edx at least 60 % of its throughput).
2. measurements-csv import: `edx import --summary` against a plain tokenizer, awk splitting every
   line into fields, on the same file.
3. End-to-end `edx batch --reports none` (import, interpretation, localization, results.jsonl,
   summary.csv, index.sqlite) with 1 and 2 workers, against xmllint on one core (target: 2 workers
   no slower than xmllint).
4. Peak memory of `edx batch` for each archive size (target: within 20 % from the smallest to the
   largest).

Needs xmllint and GNU time: `scripts/bootstrap.sh xmllint time`.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def run(command, **kwargs):
    return subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)


def timed(command, repeat, before=None):
    """Median wall time of `command` over `repeat` runs (`before` runs untimed before each)."""
    times = []
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(command):
    """Peak resident memory of `command` in MiB, and its wall time."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + command, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        kib = int(open(report.name).read().strip().splitlines()[-1])
    return kib / 1024, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--studies", type=int, default=20000)
    parser.add_argument("--memory-counts", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for tool in ["xmllint", "/usr/bin/time", "awk"]:
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: run scripts/bootstrap.sh xmllint time")
    os.chdir(ROOT)
    print("building release edx ...", file=sys.stderr)
    run(["swift", "build", "-c", "release", "--product", "edx"])
    edx = os.path.join(ROOT, ".build", "release", "edx")
    work = tempfile.mkdtemp(prefix="edx-bench-")
    try:
        xml = os.path.join(work, "archive.xml")
        csv = os.path.join(work, "archive.csv")
        run([edx, "synth", "--count", str(args.studies), "--seed", "1", "--format", "xml", "--out", xml])
        run([edx, "synth", "--count", str(args.studies), "--seed", "1", "--format", "measurements-csv", "--out", csv])
        mb_xml = os.path.getsize(xml) / 1e6
        mb_csv = os.path.getsize(csv) / 1e6
        n = args.studies
        out = os.path.join(work, "batch")

        def clean():
            shutil.rmtree(out, ignore_errors=True)

        t_xmllint = timed(["xmllint", "--stream", "--noout", xml], args.repeat)
        t_edx_xml = timed([edx, "import", "--summary", xml], args.repeat)
        t_awk = timed(["awk", "-F,", "{ n += NF } END { print n }", csv], args.repeat)
        t_edx_csv = timed([edx, "import", "--summary", csv], args.repeat)
        t_batch1 = timed([edx, "batch", xml, "--out", out, "--reports", "none", "--jobs", "1", "--quiet"],
                         args.repeat, before=clean)
        t_batch2 = timed([edx, "batch", xml, "--out", out, "--reports", "none", "--jobs", "2", "--quiet"],
                         args.repeat, before=clean)
        clean()

        print(f"machine: {os.cpu_count()} cores; archive: {n} synthetic studies, XML {mb_xml:.0f} MB, "
              f"measurements-csv {mb_csv:.0f} MB; median of {args.repeat} runs\n")
        print(f"{'measurement':48} {'seconds':>8} {'studies/s':>10} {'MB/s':>7} {'ratio':>7}")
        rows = [
            ("xmllint --stream --noout (baseline)", t_xmllint, mb_xml, None),
            ("edx import --summary, XML", t_edx_xml, mb_xml, t_xmllint / t_edx_xml),
            ("awk field split (baseline)", t_awk, mb_csv, None),
            ("edx import --summary, measurements-csv", t_edx_csv, mb_csv, t_awk / t_edx_csv),
            ("edx batch --reports none, 1 worker", t_batch1, mb_xml, t_xmllint / t_batch1),
            ("edx batch --reports none, 2 workers", t_batch2, mb_xml, t_xmllint / t_batch2),
        ]
        for name, seconds, megabytes, ratio in rows:
            ratio_text = f"{ratio:7.3f}" if ratio is not None else "      -"
            print(f"{name:48} {seconds:8.2f} {n / seconds:10.0f} {megabytes / seconds:7.1f} {ratio_text}")
        print("\nratio: the baseline's time over edx's (1.0 = as fast as the baseline; XML import target >= 0.60,"
              " batch with 2 workers target >= 1.00 against xmllint)\n")

        print(f"{'peak memory of edx batch':32} {'studies':>9} {'seconds':>8} {'MiB':>8} {'ratio':>7}")
        first = None
        for count in [int(c) for c in args.memory_counts.split(",")]:
            archive = os.path.join(work, f"memory-{count}.xml")
            run([edx, "synth", "--count", str(count), "--seed", "2", "--format", "xml", "--out", archive])
            clean()
            mib, seconds = peak_memory([edx, "batch", archive, "--out", out, "--reports", "none", "--jobs", "2",
                                        "--quiet"])
            first = first or mib
            print(f"{'':32} {count:9d} {seconds:8.1f} {mib:8.1f} {mib / first:7.2f}")
            os.remove(archive)
        clean()
        print("\nratio: peak memory over that of the smallest archive (target: at most 1.20)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
