#!/usr/bin/env python3
"""Waits for a just-started server's first 200: wait_200.py URL PID START_NS [--timeout S].

Polls URL every 10 ms (one process, not a curl per try, so the poll takes little from the start-up it times)
and prints "MS CPU_MS": wall time from START_NS (time.time_ns() when the server was started) to the first 200,
and the server's CPU time (utime + stime) at that moment. Exits 1 when the process ends or time runs out.
"""
import argparse, os, sys, time, urllib.error, urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // TICK


def main():
    p = argparse.ArgumentParser()
    p.add_argument("url"); p.add_argument("pid", type=int); p.add_argument("start_ns", type=int)
    p.add_argument("--timeout", type=float, default=600)
    a = p.parse_args()
    deadline = time.monotonic() + a.timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(a.url, timeout=30) as r:
                if r.status == 200:
                    print((time.time_ns() - a.start_ns) // 1_000_000, cpu_ms(a.pid))
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if not os.path.exists(f"/proc/{a.pid}"):
            sys.exit(f"the server (pid {a.pid}) ended before answering 200")
        time.sleep(0.01)
    sys.exit(f"no 200 from {a.url} within {a.timeout:.0f} s")


main()
