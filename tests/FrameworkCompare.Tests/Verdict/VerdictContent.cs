using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Verdict;

/// <summary>Scoring rules and profiles whose verdicts can be worked out by hand (see each test).</summary>
public static class VerdictContent
{
    public const string Scoring = """
        missing: leave-out
        types:
          yesno:
            points: { yes: 1, partial: 0.5, no: 0 }
          number:
            better: higher
        """;

    /// <summary>The test catalog's scored facts: orm (data), github-stars (overview), rest-api (use cases). Null: not recorded; "?": unknown.</summary>
    public static string Profile(string slug, string name, string? orm, string? stars, string? restApi) => $"""
        ---
        slug: {slug}
        name: {name}
        language: Python
        kind: micro
        website: https://{slug}.example.org/
        repository: https://github.com/example/{slug}
        license: MIT
        first_release: 2012
        summary: {name} in one line.
        values:
          license:
            value: MIT
            source: https://{slug}.example.org/license
            checked: 2025-04-02
        {Fact("orm", orm, slug)}{Fact("github-stars", stars, slug)}{Fact("rest-api", restApi, slug)}
        pros:
          - text: {name} is small.
        cons:
          - text: {name} is young.
        ---
        {name} is a framework.
        """;

    static string Fact(string key, string? value, string slug) => value switch
    {
        null => "",
        "?" => $"  {key}:\n    unknown: Nobody could confirm it.\n",
        _ => $"  {key}:\n    value: {value}\n    source: https://{slug}.example.org/{key}\n    checked: 2025-04-02\n",
    };

    /// <summary>
    /// django: ORM yes, 86,000 stars, REST partial · flask and bottle (twins): ORM no, 70,000 stars, REST yes ·
    /// quart: ORM unknown, 70,000 stars · sanic: ORM yes, stars not recorded · fastapi as TestContent has it.
    /// </summary>
    public static void WriteTo(TestContent content, bool withScoring = true)
    {
        if (withScoring) content.Write("scoring.yml", Scoring);
        content.Write("frameworks/django.md", Profile("django", "Django", "yes", "86000", "partial"));
        content.Write("frameworks/flask.md", Profile("flask", "Flask", "no", "70000", "yes"));
        content.Write("frameworks/bottle.md", Profile("bottle", "Bottle", "no", "70000", "yes"));
        content.Write("frameworks/quart.md", Profile("quart", "Quart", "?", "70000", "yes"));
        content.Write("frameworks/sanic.md", Profile("sanic", "Sanic", "yes", null, "?"));
    }
}
