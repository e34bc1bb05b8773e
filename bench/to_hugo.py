#!/usr/bin/env python3
"""Turns a generated content folder's articles into a minimal Hugo site: to_hugo.py CONTENT SITE."""
import os
import sys

CONFIG = """baseURL = "http://localhost/"
title = "FrameworkCompare articles"
# Our export writes a sitemap, a feed and robots.txt too; it has no tag pages.
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = true
[markup.goldmark.renderer]
  unsafe = false
[markup.highlight]
  codeFences = true
  noClasses = false
"""
BASEOF = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="/css/site.css"></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .TableOfContents }}{{ .Content }}</article>
<ul>{{ range first 5 (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""
LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def main(content, site):
    for folder in ("content/articles", "layouts/_default"):
        os.makedirs(os.path.join(site, folder), exist_ok=True)
    write(site, "hugo.toml", CONFIG)
    write(site, "layouts/_default/baseof.html", BASEOF)
    write(site, "layouts/_default/single.html", SINGLE)
    write(site, "layouts/_default/list.html", LIST)
    write(site, "layouts/index.html", LIST)
    source = os.path.join(content, "articles")
    for name in sorted(os.listdir(source)):
        with open(os.path.join(source, name), encoding="utf-8") as f:
            text = f.read()
        # Same front matter; Hugo calls the publication date 'date'.
        write(site, f"content/articles/{name}", text.replace("\npublished: ", "\ndate: ", 1))


def write(root, relative, text):
    with open(os.path.join(root, relative), "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
