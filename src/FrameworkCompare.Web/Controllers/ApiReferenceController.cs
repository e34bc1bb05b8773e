using FrameworkCompare.Web.Api;
using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Controllers;

/// <summary>The API's reference for people: rendered by the site from the OpenAPI document, with the data's licence and the limits.</summary>
public sealed class ApiReferenceController([FromKeyedServices(ApiSetup.DocumentName)] IOpenApiDocumentProvider document, IOptions<RateLimitSettings> limits) : Controller
{
    [HttpGet("/api", Name = PagePaths.ApiReference)]
    [OutputCache(PolicyName = PageCache.ApiDocument)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await ApiReference.BuildAsync(document, ct) with { PermitLimit = limits.Value.PermitLimit, WindowSeconds = limits.Value.WindowSeconds });
}
