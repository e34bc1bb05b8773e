using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true), IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    /// <summary>Only reached by re-execution from the status-code and exception handlers; a visitor asking for it directly gets 404.
    /// The status comes from the route alone, read without model binding: binding would read the posted form first, so
    /// a field named <c>code</c> would win, and a form it cannot read (a NUL in a value) would leave the code at 0.</summary>
    /// <remarks>
    /// Re-execution keeps the method, so a signed-out POST (an autosave after the session ended) arrives here as a POST whose
    /// anti-forgery token names the old user: without <see cref="IgnoreAntiforgeryTokenAttribute"/> its 401 became a 400.
    /// </remarks>
    [Route("/error/{code:int}"), IgnoreAntiforgeryToken]
    public IActionResult Index()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var code = int.TryParse(RouteData.Values["code"] as string, out var routed) ? routed : 0;
        Response.StatusCode = reExecuted && code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return View(Response.StatusCode);
    }
}
