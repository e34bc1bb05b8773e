using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

static class RetiredPageResults
{
    /// <summary>For a slug nothing serves: 301 to where it moved, 410 when it was removed, else <paramref name="notFound"/>.</summary>
    public static async Task<IActionResult> NotServedAsync(this Controller controller, ContentKind kind, string slug,
        Func<string, string?> pathOf, Func<IActionResult> notFound, CancellationToken ct)
    {
        var lookup = controller.HttpContext.RequestServices.GetRequiredService<RetiredPageLookup>();
        return await lookup.FindAsync(kind, slug, ct) switch
        {
            { Gone: false, MovedTo: { } to } when pathOf(to) is { } path => controller.RedirectPermanent(path),
            { } => controller.StatusCode(StatusCodes.Status410Gone),
            null => notFound(),
        };
    }
}
