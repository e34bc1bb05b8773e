using FrameworkCompare.Web.ReadModel;
using System.Net;
using System.Text.Json;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Api;

/// <summary>The API does what its OpenAPI document says, for every documented path, and refuses bad input with problem documents.</summary>
public sealed class ApiContractTests(ApiContractTests.Site site) : IClassFixture<ApiContractTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(Fixture()) { }

        static TestContent Fixture()
        {
            var content = new TestContent();
            // FastAPI's facts were checked long before the tests' fixed day, so they are stale.
            content.Write("frameworks/fastapi.md", TestContent.Framework("fastapi", "FastAPI", orm: "no", stars: "90000", checkedOn: "2020-01-02"));
            return content;
        }
    }

    static readonly string[] Documented =
    [
        "/api/v1/frameworks", "/api/v1/frameworks/{slug}", "/api/v1/frameworks/{slug}/facts", "/api/v1/attributes",
        "/api/v1/compare/{selection}", "/api/v1/compare", "/api/v1/faq", "/api/v1/faq/{slug}", "/api/v1/articles",
    ];

    async Task<JsonElement> OpenApiAsync() => JsonDocument.Parse(await site.CreateReader().GetStringAsync("/openapi/v1.json")).RootElement;

    async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string url)
    {
        var response = await site.CreateReader().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    /// <summary>A documented path with its parameters' example values filled in; every parameter must have one.</summary>
    static string ExampleUrl(string path, JsonElement operation)
    {
        var query = new List<string>();
        if (operation.TryGetProperty("parameters", out var parameters))
            foreach (var p in parameters.EnumerateArray())
            {
                var name = p.GetProperty("name").GetString()!;
                Assert.True(p.TryGetProperty("example", out var example), $"{path}: parameter {name} has no example");
                if (p.GetProperty("in").GetString() == "path") path = path.Replace("{" + name + "}", Uri.EscapeDataString(example.GetString()!));
                else query.Add($"{name}={Uri.EscapeDataString(example.GetString()!)}");
            }
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    [Fact]
    public async Task TheDocumentListsExactlyTheApiWithSchemasAndProblemResponses()
    {
        var document = await OpenApiAsync();
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        Assert.Equal("CC BY 4.0", document.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().ToList();
        Assert.Equal(Documented.Order(), paths.Select(p => p.Name).Order());
        foreach (var path in paths)
        {
            var operation = Assert.Single(path.Value.EnumerateObject());
            Assert.Equal("get", operation.Name);
            var responses = operation.Value.GetProperty("responses");
            Assert.True(responses.GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), path.Name);
            Assert.True(responses.TryGetProperty("429", out _), path.Name);
            if (path.Name.Contains('{') || path.Name == "/api/v1/compare")
                Assert.Equal("#/components/schemas/ProblemDetails",
                    responses.GetProperty("404").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        }
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/compare/{selection}").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task EveryDocumentedPathAnswersAsItsSchemaSays()
    {
        var document = await OpenApiAsync();
        var schemas = new SchemaCheck(document);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            var url = ExampleUrl(path.Name, operation);
            var (response, json) = await GetJsonAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            var schema = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var errors = schemas.Errors(json, schema, strict: true);
            Assert.True(errors.Count == 0, $"{url}:\n{string.Join('\n', errors)}");
            // The licence travels with the data, in the body and in a header.
            Assert.Equal("CC BY 4.0", json.GetProperty("license").GetProperty("name").GetString());
            Assert.Contains("Data from FrameworkCompare (http://localhost/)", json.GetProperty("license").GetProperty("attribution").GetString());
            Assert.Contains(response.Headers.GetValues("Link"), l => l.Contains("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\""));
            Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        }
    }

    [Fact]
    public async Task TheSchemaCheckerCatchesWrongAnswers()
    {
        var document = await OpenApiAsync();
        var checker = new SchemaCheck(document);
        var schema = JsonDocument.Parse("""{"$ref": "#/components/schemas/FactDto"}""").RootElement;
        var (_, facts) = await GetJsonAsync("/api/v1/frameworks/django/facts");
        var fact = facts.GetProperty("facts")[0];
        Assert.Empty(checker.Errors(fact, schema, strict: true));
        var broken = JsonDocument.Parse(fact.GetRawText().Replace("\"stale\":false", "\"stale\":\"no\",\"extra\":1").Replace("\"attribute\":", "\"attr\":")).RootElement;
        var errors = checker.Errors(broken, schema, strict: true);
        Assert.Contains(errors, e => e.Contains("$.stale: String where the schema says boolean"));
        Assert.Contains(errors, e => e.Contains("property 'extra' is not in the schema"));
        Assert.Contains(errors, e => e.Contains("required property 'attribute' is missing"));
    }

    [Fact]
    public async Task FactsCarryValueOrUnknownWithReasonSourceDateAndStaleness()
    {
        var (_, django) = await GetJsonAsync("/api/v1/frameworks/django/facts");
        var facts = django.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("attribute").GetString()!);
        Assert.Equal(6, facts.Count);
        var orm = facts["orm"];
        Assert.Equal(("known", "yes", "Note about Django's ORM", "https://django.example.org/orm", "2025-04-02", false),
            (orm.GetProperty("status").GetString(), orm.GetProperty("value").GetString(), orm.GetProperty("note").GetString(),
             orm.GetProperty("source").GetString(), orm.GetProperty("checked").GetString(), orm.GetProperty("stale").GetBoolean()));
        Assert.Equal(["PostgreSQL", "SQLite"], facts["databases"].GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(JsonValueKind.Null, facts["databases"].GetProperty("value").ValueKind);
        Assert.Equal(("unknown", "Nobody has checked this yet."), (facts["rest-api"].GetProperty("status").GetString(), facts["rest-api"].GetProperty("unknownReason").GetString()));

        var (_, fastapi) = await GetJsonAsync("/api/v1/frameworks/fastapi/facts");
        Assert.True(fastapi.GetProperty("facts").EnumerateArray().First(f => f.GetProperty("attribute").GetString() == "orm").GetProperty("stale").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/compare/flask-vs-django")]
    [InlineData("/api/v1/compare/django-vs-flask")]
    [InlineData("/api/v1/compare/FLASK-vs-Django")]
    [InlineData("/api/v1/compare?frameworks=flask,django")]
    [InlineData("/api/v1/compare?frameworks=%20flask%20,,django")]
    public async Task AComparisonListsItsFrameworksInCanonicalOrder(string url)
    {
        var (response, json) = await GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var comparison = json.GetProperty("comparison");
        Assert.Equal(["django", "flask"], comparison.GetProperty("frameworks").EnumerateArray().Select(f => f.GetProperty("slug").GetString()));
        Assert.Equal("http://localhost/compare/django-vs-flask", comparison.GetProperty("url").GetString());
        var orm = comparison.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("attribute").GetString() == "orm");
        Assert.Equal(["yes", "no"], orm.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Assert.False(orm.GetProperty("allAgree").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/frameworks/rails")]
    [InlineData("/api/v1/frameworks/rails/facts")]
    [InlineData("/api/v1/faq/nothing-here")]
    [InlineData("/api/v1/compare/django-vs-rails")]
    [InlineData("/api/v1/compare?frameworks=django,rails")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v1/frameworks/django/facts/orm")]
    public async Task UnknownSlugsAre404ProblemDocuments(string url)
    {
        var (response, json) = await GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        var document = await OpenApiAsync();
        Assert.Empty(new SchemaCheck(document).Errors(json, JsonDocument.Parse("""{"$ref": "#/components/schemas/ProblemDetails"}""").RootElement, strict: false));
    }

    [Fact]
    public async Task AMisspeltFrameworkSuggestsTheClosest()
    {
        var (_, json) = await GetJsonAsync("/api/v1/frameworks/djnago");
        Assert.Equal("django", json.GetProperty("suggestions")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/compare/django", 400)]
    [InlineData("/api/v1/compare/django-vs-django", 400)]
    [InlineData("/api/v1/compare?frameworks=django,DJANGO", 400)]
    [InlineData("/api/v1/compare?frameworks=django,flask,fastapi,django,flask", 400)]
    [InlineData("/api/v1/compare", 400)]
    [InlineData("/api/v1/compare?frameworks=", 400)]
    [InlineData("/api/v1/compare?frameworks=,,,,,,,,", 400)]
    public async Task ABadSelectionIs400(string url, int status)
    {
        var (response, json) = await GetJsonAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(json.TryGetProperty("suggestions", out _));
    }

    public static TheoryData<string> HostileUrls()
    {
        var long1 = new string('a', 8000);
        return
        [
            $"/api/v1/frameworks/{long1}",
            $"/api/v1/frameworks/{long1}/facts",
            $"/api/v1/faq/{long1}",
            $"/api/v1/compare/{string.Join("-vs-", Enumerable.Repeat("django", 500))}",
            $"/api/v1/compare?frameworks={new string(',', 5000)}",
            $"/api/v1/compare?frameworks={string.Join(',', Enumerable.Range(0, 1000))}",
            "/api/v1/compare?frameworks=django&frameworks=flask",
            "/api/v1/compare?frameworks=%00,django",
            "/api/v1/compare?frameworks=django%00,flask",
            "/api/v1/compare?frameworks=%F0%9F%92%A9,%E2%80%AE",
            "/api/v1/frameworks/%F0%9F%92%A9",
            "/api/v1/frameworks/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/frameworks/%2e%2e/facts",
            "/api/v1/faq/..%5C..%5Cweb.config",
            "/api/v1/compare/-vs--vs-",
            "/api/v1/compare/%20-vs-%09",
            "/api/v1/frameworks/django'%20OR%201=1--",
            "/api/v1/frameworks?sort=%27%3B--&page=-1",
            "/api/v1/articles?%FF%FE=%C0%AF",
        ];
    }

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public async Task HostileParametersNeverCauseA5xx(string url)
    {
        var response = await site.CreateReader().GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url[..Math.Min(url.Length, 80)]}: {(int)response.StatusCode}");
        if ((int)response.StatusCode >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnchangedAnswerIs304ForItsETag()
    {
        var client = site.CreateReader();
        var first = await client.GetAsync("/api/v1/frameworks/django");
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks/django");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks/django");
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/frameworks/django"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task AnyOriginMayReadButNotWriteAndPagesStayClosed()
    {
        var client = site.CreateReader();
        var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks");
        get.Headers.Add("Origin", "https://elsewhere.example");
        var response = await client.SendAsync(get);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/frameworks");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var allowed = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("GET,HEAD", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());

        var write = new HttpRequestMessage(HttpMethod.Options, "/api/v1/frameworks");
        write.Headers.Add("Origin", "https://elsewhere.example");
        write.Headers.Add("Access-Control-Request-Method", "DELETE");
        Assert.False((await client.SendAsync(write)).Headers.Contains("Access-Control-Allow-Methods"));

        var page = new HttpRequestMessage(HttpMethod.Get, "/frameworks");
        page.Headers.Add("Origin", "https://elsewhere.example");
        var pageResponse = await client.SendAsync(page);
        Assert.False(pageResponse.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("same-origin", pageResponse.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Contains("script-src 'self'", pageResponse.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task ArticlesAreMetadataWithTheirBylines()
    {
        var (_, json) = await GetJsonAsync("/api/v1/articles");
        var article = Assert.Single(json.GetProperty("articles").EnumerateArray());
        Assert.Equal(("django-vs-flask", "Test Author", "http://localhost/authors/test-author", "2025-03-01", "http://localhost/articles/django-vs-flask"),
            (article.GetProperty("slug").GetString(), article.GetProperty("author").GetString(), article.GetProperty("authorUrl").GetString(),
             article.GetProperty("published").GetString(), article.GetProperty("url").GetString()));
        Assert.False(article.TryGetProperty("html", out _));
    }

    [Fact]
    public async Task TheServerDoesNotNameItself()
    {
        var options = site.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>));
        Assert.False(((Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>)options!).Value.AddServerHeader);
        var response = await site.CreateReader().GetAsync("/api/v1/frameworks");
        Assert.False(response.Headers.Contains("Server"));
    }
}
