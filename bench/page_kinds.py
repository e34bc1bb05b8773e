#!/usr/bin/env python3
"""One address of every kind of page the site serves, one a line: page_kinds.py BASE.

The first address of each route shape in /sitemap.xml (same first segment and depth), then what the sitemap does
not list: a verdict, search, a comparison as JSON, an embed, a badge, the feeds and the API.
"""
import re, sys, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")
with urllib.request.urlopen(base + "/sitemap.xml", timeout=60) as r:
    sitemap = r.read().decode()
seen, kinds = set(), []
for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
    path = urllib.parse.urlsplit(loc.replace("&amp;", "&")).path
    segments = [s for s in path.split("/") if s]
    shape = (segments[0] if segments else "", len(segments))
    if shape not in seen:
        seen.add(shape)
        kinds.append(path)
kinds += ["/compare/django-vs-flask?verdict=1", "/search?q=routing", "/compare/django-vs-flask?format=json",
          "/embed/compare/django-vs-flask", "/badge/django/license.svg", "/feed.xml", "/changes/feed.xml",
          "/sitemap.xml", "/robots.txt", "/api", "/compare/django-vs-fastapi-vs-flask"]
print("\n".join(kinds))
