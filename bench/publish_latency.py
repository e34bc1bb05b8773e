#!/usr/bin/env python3
"""Times how long an edit takes to reach readers: a publish through the workspace, and a file saved by hand.

    publish_latency.py BASE_URL CONTENT_DIR EMAIL PASSWORD [--rounds N]

Signs in through the real form, publishes N edits of one article from the editor, and after each
polls the public page until the new sentence is there; then writes the file by hand N times and
polls the same way (the site must watch the folder). Prints two lines: "publish p50 max" and
"by-hand p50 max", in milliseconds.
"""
import argparse, html, http.cookiejar, re, statistics, time, urllib.parse, urllib.request

ARTICLE = "articles/django-vs-flask.md"
PUBLIC = "/articles/django-versus-flask"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base"); p.add_argument("content"); p.add_argument("email"); p.add_argument("password")
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
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
        deadline = started + 30
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

    published = []
    for i in range(a.rounds):
        editor = get("/editor/edit/" + ARTICLE)
        marker = f"Published sentence number {i} {time.time_ns()}."
        text = original.rstrip("\n") + "\n\n" + marker + "\n"
        started = time.monotonic()
        post("/editor/edit/" + ARTICLE, {"Text": text, "BaseHash": field(editor, "BaseHash"), "intent": "publish",
                                         "__RequestVerificationToken": field(editor, "__RequestVerificationToken")})
        published.append(until_visible(marker, started))

    by_hand = []
    for i in range(a.rounds):
        marker = f"Sentence saved by hand number {i} {time.time_ns()}."
        started = time.monotonic()
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.rstrip("\n") + "\n\n" + marker + "\n")
        by_hand.append(until_visible(marker, started))

    print(f"publish {statistics.median(published):.0f} {max(published):.0f}")
    print(f"by-hand {statistics.median(by_hand):.0f} {max(by_hand):.0f}")


main()
