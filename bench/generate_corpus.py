#!/usr/bin/env python3
"""Writes a synthetic, deterministic content folder for benchmarks.

    generate_corpus.py OUT --frameworks N --articles K [--faqs F] [--seed S] [--search-terms FILE]

The catalog has every attribute type in several categories (use cases included); each
framework gives a value for every attribute; articles are Markdown of realistic shape:
headings, paragraphs with links and emphasis, lists, a table and fenced code. Same
arguments, same bytes.
"""
import argparse
import os
import random

WORDS = """request response router handler middleware template cache session cookie header query
database schema migration index transaction connection pool worker thread process async await
event loop socket stream upload download payload validation serializer model view controller
component dependency injection container deployment container image registry cluster node
latency throughput benchmark profile memory allocation garbage collector compiler runtime
interpreter module package release version changelog license community maintainer contributor
documentation tutorial example pattern testing fixture mock integration unit coverage pipeline
security token password hash encryption certificate origin policy header proxy gateway balancer
static asset bundle minify compress gzip brotli etag conditional redirect status error retry
timeout backoff queue broker message channel websocket polling server client browser mobile
admin dashboard form field widget upload storage bucket object file path route parameter slug
pagination filter sort search ranking relevance snippet highlight feed sitemap robots crawler
plugin extension hook signal callback decorator annotation attribute generic interface type""".split()

LANGUAGES = ["Python", "JavaScript", "TypeScript", "Go", "Rust", "Ruby", "PHP", "Java", "C#", "Kotlin", "Elixir"]
KINDS = ["full-stack", "micro", "api", "async"]
CODE = {
    "python": 'from app import route\n\n@route("/items/{id}")\nasync def show(id: int):\n    item = await db.get(id)\n    return {"id": item.id, "name": item.name}\n',
    "javascript": 'app.get("/items/:id", async (req, res) => {\n  const item = await db.get(req.params.id);\n  res.json({ id: item.id, name: item.name });\n});\n',
    "go": 'func show(w http.ResponseWriter, r *http.Request) {\n\titem, err := db.Get(r.PathValue("id"))\n\tif err != nil {\n\t\thttp.Error(w, "not found", 404)\n\t\treturn\n\t}\n\tjson.NewEncoder(w).Encode(item)\n}\n',
    "text": "GET /items/42 HTTP/1.1\nHost: example.org\nAccept: application/json\n",
}


# Real text has a long tail: besides the common words above, sentences draw from 5,000 made-up
# words whose frequencies follow Zipf's law, so a search term matches a few documents or many.
SYLLABLES = "ka lo mi ne ru sa te vo zu bri cha dre flo gri kle pra sto tri".split()
RARE = sorted({a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES})
random.Random(0).shuffle(RARE)
RARE = RARE[:5000]
RARE_WEIGHTS = [1 / (rank + 1) for rank in range(len(RARE))]


def words(rng, n):
    return " ".join(rng.choice(WORDS) if rng.random() < 0.7 else rng.choices(RARE, RARE_WEIGHTS)[0] for _ in range(n))


def search_terms(rng, count):
    """Queries as readers type them: a common word, a rarer one, or two words."""
    terms = []
    for i in range(count):
        roll = i % 3
        if roll == 0:
            terms.append(rng.choice(WORDS))
        elif roll == 1:
            terms.append(rng.choice(RARE[:2000]))
        else:
            terms.append(rng.choice(WORDS) + "+" + rng.choice(RARE[:500]))
    return terms


def sentence(rng, lo=8, hi=20):
    s = words(rng, rng.randint(lo, hi))
    return s[0].upper() + s[1:] + "."


def paragraph(rng, slugs):
    parts = []
    for _ in range(rng.randint(3, 6)):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.2:
            w = rng.choice(WORDS)
            s = s.replace(f" {w} ", f" [{w}](https://docs.example.org/{w}) ", 1)
        elif roll < 0.35:
            w = rng.choice(WORDS)
            s = s.replace(f" {w} ", f" **{w}** ", 1)
        elif roll < 0.45:
            s = s.replace(" ", f" `{rng.choice(WORDS)}()` ", 1)
        elif roll < 0.5 and len(slugs) >= 2:
            s += f" See [the comparison](/compare/{'-vs-'.join(sorted(slugs[:2]))})."
        parts.append(s)
    return " ".join(parts)


def catalog(rng):
    categories = ["overview", "architecture", "data", "templates", "routing", "security", "apis", "testing", "deployment", "community", "use-cases"]
    types = ["yesno", "text", "yesno", "list", "number", "yesno", "url", "text"]
    lines = ["categories:"]
    for i, c in enumerate(categories, 1):
        label = "Use-case fit" if c == "use-cases" else c.replace("-", " ").capitalize()
        lines += [f"  - key: {c}", f"    label: {label}", f"    order: {i}"]
    lines.append("attributes:")
    attributes = []
    for ci, c in enumerate(categories):
        for j in range(4):
            key = f"{c}-{j + 1}"
            kind = "yesno" if c == "use-cases" else ("year" if (c, j) == ("overview", 0) else types[(ci + j) % len(types)])
            attributes.append((key, kind))
            lines += [f"  - key: {key}", f"    label: {words(rng, 2).capitalize()} {j + 1}", f"    category: {c}", f"    type: {kind}"]
            if kind == "number":
                lines.append("    unit: stars")
            lines += [f"    description: {sentence(rng, 6, 12)}", f"    order: {j + 1}"]
    return "\n".join(lines) + "\n", attributes


def value(rng, kind, slug):
    return {
        "yesno": lambda: rng.choice(["yes", "no", "partial"]),
        "text": lambda: '"' + words(rng, rng.randint(2, 6)) + '"',
        "list": lambda: "[" + ", ".join(words(rng, 1).capitalize() for _ in range(rng.randint(2, 5))) + "]",
        "number": lambda: str(rng.randint(100, 90000)),
        "year": lambda: str(rng.randint(2003, 2022)),
        "url": lambda: f"https://{slug}.example.org/{rng.choice(WORDS)}",
    }[kind]()


def framework(rng, slug, name, attributes):
    lines = ["---", f"slug: {slug}", f"name: {name}", f"language: {rng.choice(LANGUAGES)}", f"kind: {rng.choice(KINDS)}",
             f"website: https://{slug}.example.org/", f"repository: https://github.com/example/{slug}", "license: MIT",
             f"first_release: {rng.randint(2003, 2022)}", f"summary: {sentence(rng, 10, 16)}", "values:"]
    for key, kind in attributes:
        lines += [f"  {key}:", f"    value: {value(rng, kind, slug)}"]
        if rng.random() < 0.4:
            lines.append(f'    note: "{sentence(rng, 6, 14)}"')
        lines += [f"    source: https://{slug}.example.org/docs/{key}", f"    checked: 2025-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}"]
    for section in ("pros", "cons"):
        lines.append(f"{section}:")
        for _ in range(3):
            lines += [f'  - text: "{sentence(rng, 8, 14)}"', f"    source: https://{slug}.example.org/{section}"]
    lines += ["choose_when:", f'  - "{sentence(rng, 6, 10)}"', f'  - "{sentence(rng, 6, 10)}"', "---",
              f"## About {name}", "", paragraph(rng, []), "", "```python", CODE["python"].rstrip(), "```", ""]
    return "\n".join(lines)


def article(rng, i, slugs):
    picked = rng.sample(slugs, rng.randint(2, 3))
    title = f"{words(rng, 4).capitalize()} {i}"
    out = ["---", f"title: {title}", f"slug: article-{i:05d}", f"summary: {sentence(rng, 10, 18)}", "author: Bench Writer",
           f"published: 20{rng.randint(21, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
           f"frameworks: [{', '.join(picked)}]", f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]", "---", ""]
    for h in range(rng.randint(3, 5)):
        out += [f"## {words(rng, 3).capitalize()}", "", paragraph(rng, picked), ""]
        if rng.random() < 0.6:
            out += [f"### {words(rng, 2).capitalize()}", "", paragraph(rng, picked), ""]
        roll = h % 3
        if roll == 0:
            out += [f"- {sentence(rng, 4, 9)}" for _ in range(rng.randint(3, 6))] + [""]
        elif roll == 1:
            lang = rng.choice(list(CODE))
            out += [f"```{lang}", CODE[lang].rstrip(), "```", ""]
        else:
            out += ["| Aspect | " + " | ".join(picked) + " |", "| --- |" + " --- |" * len(picked)]
            out += [f"| {rng.choice(WORDS)} | " + " | ".join(words(rng, 2) for _ in picked) + " |" for _ in range(4)] + [""]
    return "\n".join(out)


def faq(rng, i, slugs):
    picked = rng.sample(slugs, rng.randint(1, 2))
    return "\n".join(["---", f"question: {words(rng, 5).capitalize()} {i}?", f"slug: question-{i:04d}",
                      f"topic: {rng.choice(['Choosing', 'Learning', 'Performance', 'Deployment'])}",
                      f"frameworks: [{', '.join(picked)}]", "---", paragraph(rng, picked), ""])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--frameworks", type=int, default=12)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--faqs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--search-terms", metavar="FILE", help="also write 200 search queries, one a line")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.search_terms:
        with open(args.search_terms, "w", encoding="utf-8") as f:
            f.write("\n".join(search_terms(random.Random(args.seed + 1), 200)) + "\n")
    for folder in ("frameworks", "articles", "faq", "authors"):
        os.makedirs(os.path.join(args.out, folder), exist_ok=True)
    # The articles' byline: without its file every article is imported with a warning, and 10,000 warnings are logged.
    write(args.out, "authors/bench-writer.md", "---\nname: Bench Writer\nslug: bench-writer\nkind: person\nbio: Writes the generated articles.\n---\nGenerated.\n")
    text, attributes = catalog(rng)
    write(args.out, "attributes.yml", text)
    slugs = [f"fw{i:02d}" for i in range(1, args.frameworks + 1)]
    for i, slug in enumerate(slugs, 1):
        write(args.out, f"frameworks/{slug}.md", framework(rng, slug, f"Framework {i}", attributes))
    for i in range(1, args.articles + 1):
        write(args.out, f"articles/article-{i:05d}.md", article(rng, i, slugs))
    for i in range(1, args.faqs + 1):
        write(args.out, f"faq/question-{i:04d}.md", faq(rng, i, slugs))


def write(root, relative, text):
    with open(os.path.join(root, relative), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
