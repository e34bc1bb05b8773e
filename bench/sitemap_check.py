#!/usr/bin/env python3
"""Requests every page /sitemap.xml lists, on the server at BASE (its host replaces the sitemap's): sitemap_check.py BASE.

Prints "PAGES FAILURES" and each failure ("status path") on stderr.
"""
import re, sys, urllib.error, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")


def status(path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        return f"error {e}"


with urllib.request.urlopen(base + "/sitemap.xml", timeout=60) as r:
    sitemap = r.read().decode()
paths = []
for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
    url = urllib.parse.urlsplit(loc.replace("&amp;", "&"))
    paths.append(url.path + ("?" + url.query if url.query else ""))
failures = [(s, p) for p, s in ((p, status(p)) for p in paths) if s != 200]
for s, p in failures:
    print(s, p, file=sys.stderr)
print(len(paths), len(failures))
