#!/usr/bin/env python3
"""Times how long an edit takes to reach readers: a publish through the workspace, and a file saved by hand.

    publish_latency.py BASE_URL CONTENT_DIR EMAIL PASSWORD [--rounds N] [--article FILE --page PATH] [--pid PID]

Signs in through the real form, publishes N edits of one article from the editor, and after each
polls the public page until the new sentence is there; then writes the file by hand N times and
polls the same way (the site must watch the folder). Prints two lines: "publish p50 max cpu load" and
"by-hand p50 max cpu load": milliseconds, then the median CPU time (utime + stime) the server PID spent per edit
and the 1-minute load average at the first edit.
"""
import argparse, html, http.cookiejar, os, re, statistics, time, urllib.parse, urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    if not pid:
        return 0
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICK


def load1():
    return open("/proc/loadavg").read().split()[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base"); p.add_argument("content"); p.add_argument("email"); p.add_argument("password")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--article", default="articles/django-vs-flask.md", help="the file to edit, inside CONTENT_DIR")
    p.add_argument("--page", default="/articles/django-versus-flask", help="the public page that shows it")
    p.add_argument("--pid", type=int, help="the server's process, for its CPU time")
    a = p.parse_args()
    ARTICLE, PUBLIC = a.article, a.page
    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(path):
        with web.open(a.base + path, timeout=30) as r:
            return r.read().decode()

    def post(path, fields):
        data = urllib.parse.urlencode(fields).encode()
        with web.open(a.base + path, data=data, timeout=60) as r:
            return r.read().decode()

    def field(page, name):
        m = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), page) or re.search(r'value="([^"]*)"[^>]*name="%s"' % re.escape(name), page)
        return html.unescape(m.group(1)) if m else ""

    def until_visible(marker, started):
        # The publish request itself counts: on a loaded machine a check of 10,000 files can take tens of seconds.
        deadline = started + 180
        while time.monotonic() < deadline:
            if marker in get(PUBLIC):
                return (time.monotonic() - started) * 1000
            time.sleep(0.02)
        raise SystemExit(f"'{marker}' never appeared on {PUBLIC}")

    page = get("/account/login")
    after = post("/account/login", {"Email": a.email, "Password": a.password, "__RequestVerificationToken": field(page, "__RequestVerificationToken")})
    if 'name="Password"' in after:
        raise SystemExit(f"could not sign in as {a.email}")
    path = a.content.rstrip("/") + "/" + ARTICLE
    original = open(path, encoding="utf-8").read()

    published, published_cpu, published_load = [], [], load1()
    for i in range(a.rounds):
        editor = get("/editor/edit/" + ARTICLE)
        marker = f"Published sentence number {i} {time.time_ns()}."
        text = original.rstrip("\n") + "\n\n" + marker + "\n"
        started, cpu = time.monotonic(), cpu_ms(a.pid)
        post("/editor/edit/" + ARTICLE, {"Text": text, "BaseHash": field(editor, "BaseHash"), "intent": "publish",
                                         "__RequestVerificationToken": field(editor, "__RequestVerificationToken")})
        published.append(until_visible(marker, started))
        published_cpu.append(cpu_ms(a.pid) - cpu)

    by_hand, by_hand_cpu, by_hand_load = [], [], load1()
    for i in range(a.rounds):
        marker = f"Sentence saved by hand number {i} {time.time_ns()}."
        started, cpu = time.monotonic(), cpu_ms(a.pid)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.rstrip("\n") + "\n\n" + marker + "\n")
        by_hand.append(until_visible(marker, started))
        by_hand_cpu.append(cpu_ms(a.pid) - cpu)

    print(f"publish {statistics.median(published):.0f} {max(published):.0f} {statistics.median(published_cpu):.0f} {published_load}")
    print(f"by-hand {statistics.median(by_hand):.0f} {max(by_hand):.0f} {statistics.median(by_hand_cpu):.0f} {by_hand_load}")


main()
