using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Index(int code)
    {
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        return View(Response.StatusCode);
    }
}
