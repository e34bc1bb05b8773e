namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>
/// One page of every kind the site serves, with the status it should answer: the axe, Nu and phone-width tests run
/// over each. A new kind of page gets a line here.
/// </summary>
public static class PageTypes
{
    public static readonly IReadOnlyList<(string Path, int Status)> All =
    [
        ("/", 200),
        ("/frameworks", 200),
        ("/frameworks/django", 200),
        ("/compare", 200),
        ("/compare/django-vs-flask", 200),
        ("/compare/django-vs-fastapi-vs-flask-vs-litestar", 200),
        ("/articles", 200),
        ("/compare/django-vs-fastapi-vs-flask-vs-litestar?verdict=1&w-security=3&a-orm=2&use=rest-api", 200),
        ("/methodology", 200),
        ("/attributes", 200),
        ("/attributes/async-support?sort=value", 200),
        ("/articles/django-versus-flask", 200),
        // Its Markdown table is wider than a phone.
        ("/articles/choosing-a-python-web-framework", 200),
        ("/faq", 200),
        ("/faq/is-django-mvc", 200),
        ("/search?q=django", 200),
        ("/content-status", 200),
        ("/corrections", 200),
        ("/facts/django/license", 200),
        ("/questions/ask", 200),
        ("/embed/compare/django-vs-flask", 200),
        ("/embed/compare/django-vs-fastapi-vs-flask-vs-litestar?rows=latest-stable-version,supported-databases,async-support,official-tutorial", 200),
        ("/changes", 200),
        ("/facts/tornado/contributors/history", 200),
        ("/authors/frameworkcompare-editors", 200),
        ("/api", 200),
        ("/no-such-page", 404),
    ];

    public static TheoryData<string, int> Theory()
    {
        var data = new TheoryData<string, int>();
        foreach (var (path, status) in All) data.Add(path, status);
        return data;
    }
}
