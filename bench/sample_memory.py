#!/usr/bin/env python3
"""Samples a process's memory every 100 ms until it ends or gets SIGTERM: sample_memory.py PID OUT.

Writes "PEAK_RESIDENT_MB PEAK_PRIVATE_MB SAMPLES" to OUT: VmRSS, and RssAnon + RssShmem (the process's own
pages, without the mapped framework files), both from /proc/PID/status.
"""
import signal, sys, time

pid, out = int(sys.argv[1]), sys.argv[2]
peak_rss = peak_private = samples = 0
stop = False


def ask_stop(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, ask_stop)
while not stop:
    try:
        with open(f"/proc/{pid}/status") as f:
            kb = {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in f) if k in ("VmRSS", "RssAnon", "RssShmem")}
    except (FileNotFoundError, ProcessLookupError):
        break
    peak_rss = max(peak_rss, kb["VmRSS"])
    peak_private = max(peak_private, kb["RssAnon"] + kb["RssShmem"])
    samples += 1
    time.sleep(0.1)
with open(out, "w") as f:
    f.write(f"{peak_rss / 1024:.0f} {peak_private / 1024:.0f} {samples}\n")
