#!/usr/bin/env python3
"""Runs a command N times; prints the median wall time (s), the largest peak RSS (KiB) and the
median CPU time (user + system, s; on a loaded machine it moves less than the wall time).

usage: measure.py RUNS -- command args...   (stdout of the command goes to /dev/null)
Output: one line "median_seconds peak_rss_kib median_cpu_seconds".
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
    cpu = []
    peak = 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1):
            print(f"command failed with exit code {proc.returncode}: {' '.join(cmd)}", file=sys.stderr)
            sys.exit(3)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"{statistics.median(times):.4f} {peak} {statistics.median(cpu):.4f}")

main()
