namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>A small, valid content folder in a temp directory that tests can change file by file.</summary>
public sealed class TestContent : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("fc-content-").FullName;

    public TestContent(bool empty = false)
    {
        if (empty) return;
        Write("attributes.yml", Catalog);
        Write("frameworks/django.md", Framework("django", "Django", orm: "yes", stars: "86000"));
        Write("frameworks/flask.md", Framework("flask", "Flask", orm: "no", stars: "70000"));
        Write("frameworks/fastapi.md", Framework("fastapi", "FastAPI", orm: "no", stars: "90000"));
        Write("articles/django-vs-flask.md", Article("django-vs-flask", "Django or Flask?", "[django, flask]"));
        Write("faq/is-django-still-relevant.md", Faq("Is Django still relevant?", "[django]"));
        Write("authors/test-author.md", Author("test-author", "Test Author", "person"));
    }

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void WriteBytes(string relative, byte[] bytes) => File.WriteAllBytes(PathOf(relative), bytes);

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        Assert.Contains(oldText, text);
        Write(relative, text.Replace(oldText, newText));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    public const string Catalog = """
        categories:
          - key: overview
            label: Overview
            order: 1
          - key: data
            label: Data
            order: 2
          - key: use-cases
            label: Use-case fit
            order: 3
        attributes:
          - key: license
            label: License
            category: overview
            type: text
            description: The licence the code is under.
            order: 1
          - key: first-release
            label: First release
            category: overview
            type: year
            description: Year of the first public release.
            order: 2
          - key: orm
            label: Built-in ORM
            category: data
            type: yesno
            description: Whether an ORM ships with the framework.
            order: 1
          - key: databases
            label: Supported databases
            category: data
            type: list
            description: Databases supported out of the box.
            order: 2
          - key: github-stars
            label: GitHub stars
            category: overview
            type: number
            unit: stars
            description: Stars on the main repository.
            order: 3
          - key: rest-api
            label: REST APIs
            category: use-cases
            type: yesno
            description: Fit for building REST APIs.
            order: 1
        """;

    public static string Framework(string slug, string name, string orm = "yes", string stars = "1000", string checkedOn = "2025-04-02") => $"""
        ---
        slug: {slug}
        name: {name}
        language: Python
        kind: full-stack
        website: https://{slug}.example.org/
        repository: https://github.com/example/{slug}
        license: BSD-3-Clause
        first_release: 2010
        summary: {name} in one line.
        values:
          license:
            value: BSD-3-Clause
            source: https://{slug}.example.org/license
            checked: {checkedOn}
          first-release:
            value: 2010
            source: https://{slug}.example.org/history
            checked: {checkedOn}
          orm:
            value: {orm}
            note: Note about {name}'s ORM
            source: https://{slug}.example.org/orm
            checked: {checkedOn}
          databases:
            value: [PostgreSQL, SQLite]
            source: https://{slug}.example.org/databases
            checked: {checkedOn}
          github-stars:
            value: {stars}
            source: https://github.com/example/{slug}
            checked: {checkedOn}
          rest-api:
            unknown: Nobody has checked this yet.
        pros:
          - text: {name} has a strong point.
            source: https://{slug}.example.org/pro
        cons:
          - text: {name} has a weak point.
        choose_when:
          - You like {name}.
        ---
        ## About {name}

        {name} is a framework.

        ```python
        print("hello")
        ```
        """;

    public static string Article(string slug, string title, string frameworks) => $"""
        ---
        title: {title}
        slug: {slug}
        summary: A summary of {title}
        author: Test Author
        published: 2025-03-01
        updated: 2025-06-10
        frameworks: {frameworks}
        tags: [python]
        ---
        ## First part

        Some words about [Django](https://www.djangoproject.com/).

        ### Detail

        More words.
        """;

    public static string Author(string slug, string name, string kind) => $"""
        ---
        name: {name}
        slug: {slug}
        kind: {kind}
        bio: {name} writes about web frameworks.
        links:
          - label: Website
            url: https://{slug}.example.org/
        ---
        A longer introduction of {name}.
        """;

    public static string Faq(string question, string frameworks) => $"""
        ---
        question: {question}
        topic: Choosing
        frameworks: {frameworks}
        ---
        {question} Yes, it is. See [the docs](https://docs.djangoproject.com/).
        """;
}
