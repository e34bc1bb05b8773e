using System.Text.Json;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests.Infrastructure;

public static class PageJson
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Runs <paramref name="function"/> in the page and reads its result as JSON into a record.</summary>
    public static async Task<T> EvaluateJsonAsync<T>(this IPage page, string function, object? arg = null) =>
        JsonSerializer.Deserialize<T>(await page.EvaluateAsync<string>($"async arg => JSON.stringify(await ({function})(arg))", arg), Options)
        ?? throw new InvalidOperationException("The page returned null.");
}
