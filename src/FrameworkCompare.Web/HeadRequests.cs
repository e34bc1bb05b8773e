using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace FrameworkCompare.Web;

/// <summary>Every GET action answers HEAD too, for monitors and link checkers; the server sends no body.</summary>
public sealed class GetAlsoAnswersHead : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var get = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault(c => c.HttpMethods.Contains("GET"));
            if (get is null || get.HttpMethods.Contains("HEAD")) continue;
            string[] methods = [.. get.HttpMethods, "HEAD"];
            selector.ActionConstraints.Remove(get);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            foreach (var metadata in selector.EndpointMetadata.OfType<IHttpMethodMetadata>().ToList())
                selector.EndpointMetadata.Remove(metadata);
            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods));
        }
    }
}
