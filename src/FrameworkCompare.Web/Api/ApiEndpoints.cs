using System.ComponentModel;
using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Api;

/// <summary>The public read API at /api/v1: minimal endpoints, each a thin layer over the services the pages use.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static void MapSiteApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireCors(ApiSetup.CorsPolicy).AddEndpointFilter<ApiTerms.Headers>().WithTags("Read");

        api.Get("/frameworks", Frameworks, PageCache.ApiFrameworks, "List the frameworks",
            "Every framework on the site, by name.");
        api.Get("/frameworks/{slug}", Framework, PageCache.ApiFrameworks, "One framework",
            "A framework's profile: what it is, its licence, pros and cons with their sources.", new() { ["slug"] = "django" })
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.Get("/frameworks/{slug}/facts", Facts, PageCache.ApiFrameworks, "A framework's facts",
            "Its value for every catalog attribute, with the source, the day it was checked and whether that is past the attribute's stale age.",
            new() { ["slug"] = "django" })
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.Get("/attributes", Attributes, PageCache.ApiFrameworks, "The attribute catalog",
            "What frameworks are compared on: categories and attributes, with each attribute's type and stale age.");
        api.Get("/compare/{selection}", CompareSelection, PageCache.ApiComparison, "Compare frameworks",
            "Two to four frameworks side by side, named like the comparison pages (django-vs-flask); the answer lists them in canonical order.",
            new() { ["selection"] = "django-vs-flask" })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.Get("/compare", CompareQuery, PageCache.ApiComparison, "Compare frameworks (query form)",
            "The same comparison with the frameworks as a comma-separated list, in any order.",
            new() { ["frameworks"] = "flask,django" })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.Get("/faq", FaqList, PageCache.ApiFaq, "List the FAQ", "Every question, by topic, without its answer.");
        api.Get("/faq/{slug}", FaqEntry, PageCache.ApiFaq, "One FAQ answer", "A question and its answer as HTML and as text.",
            new() { ["slug"] = "is-django-still-relevant" })
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.Get("/articles", Articles, PageCache.ApiArticles, "List the articles", "Every article's metadata, newest first; the text is on its page.");

        // Anything else under the prefix is a problem document too, not the HTML error page.
        app.Map(Prefix + "/{**rest}", (HttpContext http) =>
            {
                ApiTerms.AddHeaders(http);
                return ApiTerms.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such API address; the reference lists them all.");
            })
            .RequireCors(ApiSetup.CorsPolicy).ExcludeFromDescription();
    }

    /// <summary>GET and HEAD, output-cached under the page policy whose content kinds the answer shows, rate-limited and documented.</summary>
    static RouteHandlerBuilder Get(this RouteGroupBuilder api, string pattern, Delegate handler, string cachePolicy, string summary, string description,
        Dictionary<string, string>? examples = null) =>
        api.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler)
            .WithMetadata(new OutputCacheAttribute { PolicyName = cachePolicy }, new ApiExamples(examples ?? []))
            .WithSummary(summary).WithDescription(description)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    static async Task<Ok<FrameworkListResponse>> Frameworks(HttpContext http, FrameworkDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(new FrameworkListResponse([.. (await directory.ListAsync(ct)).Select(f => ApiMapping.Summary(http, f))], ApiTerms.License(http)));

    static async Task<Results<Ok<FrameworkResponse>, ProblemHttpResult>> Framework(
        [Description("The framework's slug, as in its page's address.")] string slug, HttpContext http, FrameworkDirectory directory, CancellationToken ct) =>
        await directory.ProfileAsync(slug, ct) is { } profile
            ? TypedResults.Ok(new FrameworkResponse(ApiMapping.Framework(http, profile.Framework), ApiTerms.License(http)))
            : await UnknownFramework(slug, directory, ct);

    static async Task<Results<Ok<FactsResponse>, ProblemHttpResult>> Facts(
        [Description("The framework's slug, as in its page's address.")] string slug, HttpContext http, FrameworkDirectory directory, CancellationToken ct)
    {
        if (await directory.ProfileAsync(slug, ct) is not { } profile) return await UnknownFramework(slug, directory, ct);
        var facts = ApiMapping.Rows(profile.Facts).Select(row => ApiMapping.Fact(row.Attribute, row.Cells[0])).ToList();
        return TypedResults.Ok(new FactsResponse(ApiMapping.Summary(http, profile.Framework), facts, ApiTerms.License(http)));
    }

    static async Task<ProblemHttpResult> UnknownFramework(string slug, FrameworkDirectory directory, CancellationToken ct) =>
        ApiTerms.Problem(StatusCodes.Status404NotFound, "Framework not found", "There is no framework with this slug.",
            [.. FrameworkDirectory.Closest(slug, await directory.ListAsync(ct)).Select(f => f.Slug)]);

    static async Task<Ok<CatalogResponse>> Attributes(HttpContext http, FactSheet facts, IOptionsSnapshot<ContentOptions> options, CancellationToken ct)
    {
        // The fact sheet of no framework is the catalog itself: every category with its attributes, in order.
        var sections = await facts.BuildAsync([], ct);
        var catalog = new CatalogDto(
            [.. sections.Select(s => new CategoryDto(s.Category.Key, s.Category.Label))],
            [.. ApiMapping.Rows(sections).Select(r => ApiMapping.Attribute(r.Attribute, options.Value.StaleAfterMonths))]);
        return TypedResults.Ok(new CatalogResponse(catalog, ApiTerms.License(http)));
    }

    static Task<Results<Ok<ComparisonResponse>, ProblemHttpResult>> CompareSelection(
        [Description("Two to four framework slugs joined by -vs-, in any order.")] string selection, HttpContext http, ComparisonService comparisons, CancellationToken ct) =>
        CompareAsync(selection.Split(ComparisonService.Separator), http, comparisons, ct);

    static Task<Results<Ok<ComparisonResponse>, ProblemHttpResult>> CompareQuery(
        [Description("Two to four framework slugs separated by commas, in any order.")] string? frameworks, HttpContext http, ComparisonService comparisons, CancellationToken ct) =>
        CompareAsync((frameworks ?? "").Split(','), http, comparisons, ct);

    static async Task<Results<Ok<ComparisonResponse>, ProblemHttpResult>> CompareAsync(string[] slugs, HttpContext http, ComparisonService comparisons, CancellationToken ct)
    {
        // The picker's rules: blanks dropped, any case, two to four known frameworks, none twice.
        switch (await comparisons.PickAsync(slugs, ct))
        {
            case ComparisonService.Problem { Details: var problem }:
                // Suggestions help with a misspelt slug; for a wrong count they would list every framework.
                return ApiTerms.Problem(problem.StatusCode, problem.Title, problem.Message,
                    problem.StatusCode == StatusCodes.Status404NotFound ? [.. problem.Suggestions.Select(f => f.Slug)] : null);
            case ComparisonService.MovedTo { Path: var canonical }
                when await comparisons.BuildAsync(canonical[(canonical.LastIndexOf('/') + 1)..], onlyDifferences: false, ct) is ComparisonService.Found found:
                return TypedResults.Ok(new ComparisonResponse(ApiMapping.Comparison(http, found.Model), ApiTerms.License(http)));
            default:
                return ApiTerms.Problem(StatusCodes.Status404NotFound, "Framework not found", "A framework in this comparison is not on the site.");
        }
    }

    static async Task<Ok<FaqListResponse>> FaqList(HttpContext http, FaqService faq, CancellationToken ct) =>
        TypedResults.Ok(new FaqListResponse([.. (await faq.TopicsAsync(ct)).SelectMany(t => t.Entries).Select(q => ApiMapping.FaqSummary(http, q))], ApiTerms.License(http)));

    static async Task<Results<Ok<FaqResponse>, ProblemHttpResult>> FaqEntry(
        [Description("The question's slug, as in its page's address.")] string slug, HttpContext http, FaqService faq, CancellationToken ct) =>
        await faq.GetAsync(slug, ct) is { } answer
            ? TypedResults.Ok(new FaqResponse(ApiMapping.FaqEntry(http, answer.Entry), ApiTerms.License(http)))
            : ApiTerms.Problem(StatusCodes.Status404NotFound, "Question not found", "There is no FAQ entry with this slug.");

    static async Task<Ok<ArticleListResponse>> Articles(HttpContext http, ArticleService articles, CancellationToken ct) =>
        TypedResults.Ok(new ArticleListResponse([.. (await articles.ListAsync(ct)).Select(a => ApiMapping.Article(http, a))], ApiTerms.License(http)));
}

/// <summary>Example parameter values from the shipped content, shown in the OpenAPI document and the reference page.</summary>
public sealed record ApiExamples(Dictionary<string, string> Values);
