#!/usr/bin/env python3
"""Runs a command N times; prints the median wall time (s) and the largest peak RSS (KiB).

usage: measure.py RUNS -- command args...   (stdout of the command goes to /dev/null)
Output: one line "median_seconds peak_rss_kib".
"""
import resource
import statistics
import subprocess
import sys
import time

def main():
    runs = int(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    times = []
    peak = 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            print(f"command failed with exit code {proc.returncode}: {' '.join(cmd)}", file=sys.stderr)
            sys.exit(3)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"{statistics.median(times):.4f} {peak}")

main()
