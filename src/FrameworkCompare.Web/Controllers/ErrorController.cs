using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true), IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    /// <summary>Only reached by re-execution from the status-code and exception handlers; a visitor asking for it directly gets 404.</summary>
    [Route("/error/{code:int}")]
    public IActionResult Index(int code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Response.StatusCode = reExecuted && code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return View(Response.StatusCode);
    }
}
