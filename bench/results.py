#!/usr/bin/env python3
"""Writes bench/run's rows as one table: results.py ROWS --groups G --load-before L [--quick].

A full run replaces the rows it measured in bench/RESULTS.md and keeps the others (each group run adds a line saying
when and at which commit its rows were measured); a quick run writes bench/out/RESULTS-quick.md on its own.
"""
import argparse, datetime, os, re, subprocess

HEADER = "| # | figure | measured | target | met | conditions |\n| --- | --- | --- | --- | --- | --- |"


def order(key):
    m = re.match(r"(\d+)(.*)", key)
    return (int(m.group(1)), m.group(2)) if m else (999, key)


def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True).stdout.strip()


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    return f"nproc {os.cpu_count()} ({model}), {mem / 1048576:.0f} GiB"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("rows"); p.add_argument("--groups", required=True); p.add_argument("--load-before", required=True)
    p.add_argument("--quick", action="store_true")
    a = p.parse_args()
    new = {}
    for line in open(a.rows, encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        new[cells[0]] = "| " + " | ".join(c.replace("|", "/").strip().rstrip(";") for c in cells) + " |"
    dirty = " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load_after = " ".join(open("/proc/loadavg").read().split()[:3])
    measured = (f"`bench/run {a.groups}` on {stamp} at commit {git('rev-parse', '--short', 'HEAD')}{dirty}; "
                f"{machine()}; load average before {a.load_before}, after {load_after}.")

    path = "bench/out/RESULTS-quick.md" if a.quick else "bench/RESULTS.md"
    rows, notes = {}, []
    if not a.quick and os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if m := re.match(r"\| (\d+[a-z]?) \|", line):
                rows[m.group(1)] = line.rstrip("\n")
            elif line.startswith(("- Rows ", "- Row ")):
                notes.append(line.rstrip("\n"))
    rows.update(new)
    # A later run of the same rows makes the earlier line about them obsolete.
    notes = [n for n in notes if any(k not in new for k in re.findall(r"\b(\d+[a-z]?)\b", n.split(":", 1)[0]))]
    notes.append(f"- Rows {', '.join(sorted(new, key=order))}: {measured}".replace("Rows ", "Row ", len(new) == 1))
    title = "# Benchmark results (quick mode: one short run each, not decisive)" if a.quick else "# Benchmark results"
    text = "\n".join([title, "", "Issue 19's benchmark table, measured by `bench/run` with the method in bench/NOTES.md (\"Method\").", "",
                      *notes, "", HEADER, *(rows[k] for k in sorted(rows, key=order)), ""])
    open(path, "w", encoding="utf-8").write(text)
    print(text)
    print(f"written to {path}")


main()
