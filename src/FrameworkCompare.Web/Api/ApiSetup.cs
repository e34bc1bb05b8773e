using System.Text.Json.Nodes;
using FrameworkCompare.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.OpenApi;

namespace FrameworkCompare.Web.Api;

public static class ApiSetup
{
    public const string CorsPolicy = "api-read", DocumentName = "v1", DocumentPath = "/openapi/v1.json";

    public static void AddSiteApi(this IServiceCollection services)
    {
        // Any site may read the data from a browser; nothing is sent with credentials, and nothing but reads is allowed.
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Head).WithExposedHeaders("ETag", "Link", "Retry-After")));
        services.AddOpenApi(DocumentName, options =>
        {
            // Only the API: the pages are not part of the contract, and HEAD is implied by GET.
            options.ShouldInclude = d => d.HttpMethod == HttpMethods.Get && d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "FrameworkCompare API",
                    Version = "v1",
                    Description = "Read-only JSON of the frameworks, the attribute catalog, facts with their sources and check dates, " +
                        "comparisons, the FAQ and articles' metadata. The data is shared under CC BY 4.0: credit FrameworkCompare " +
                        "with a link wherever you show or republish it.",
                    License = new OpenApiLicense { Name = ApiTerms.LicenseName, Url = new Uri(ApiTerms.LicenseUrl) },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExamples>().FirstOrDefault();
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                    if (parameter.Name is { } name && examples?.Values.TryGetValue(name, out var value) == true)
                        parameter.Example = JsonValue.Create(value);
                return Task.CompletedTask;
            });
        });
    }

    public static void MapSiteApiDocument(this WebApplication app)
    {
        app.MapSiteApi();
        app.MapOpenApi(DocumentPath).RequireCors(CorsPolicy).WithMetadata(new OutputCacheAttribute { PolicyName = PageCache.ApiDocument });
    }
}
