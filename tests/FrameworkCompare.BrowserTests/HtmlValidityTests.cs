using System.Diagnostics;
using System.Text.Json;
using FrameworkCompare.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace FrameworkCompare.BrowserTests;

/// <summary>The Nu HTML checker (vnu.jar from npm, run with the machine's Java) over one page of every kind.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HtmlValidityTests(BrowserSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryKindOfPageIsValidHtml()
    {
        var folder = Directory.CreateTempSubdirectory("fc-vnu-").FullName;
        try
        {
            using var http = site.CreateHttpClient();
            var files = new Dictionary<string, string>();
            foreach (var (path, status) in PageTypes.All)
            {
                using var response = await http.GetAsync(path);
                Assert.Equal(status, (int)response.StatusCode);
                var name = $"{files.Count:00}.html";
                await File.WriteAllTextAsync(Path.Combine(folder, name), await response.Content.ReadAsStringAsync());
                files[name] = path;
            }

            var messages = await RunCheckerAsync(files.Keys.Select(name => Path.Combine(folder, name)));
            foreach (var warning in messages.Where(m => m.Type != "error" && m.Type != "non-document-error"))
                output.WriteLine($"{Describe(warning, files)}");
            var errors = messages.Where(m => m.Type is "error" or "non-document-error").Select(m => Describe(m, files)).ToList();
            Assert.True(errors.Count == 0, $"The Nu HTML checker found {errors.Count} error(s):\n{string.Join('\n', errors)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static async Task<List<VnuMessage>> RunCheckerAsync(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-jar", Repository.NodeModuleFile("vnu-jar/build/dist/vnu.jar"), "--format", "json", "--stdout"]) start.ArgumentList.Add(arg);
        foreach (var file in files) start.ArgumentList.Add(file);

        using var java = Process.Start(start)!;
        var stdout = java.StandardOutput.ReadToEndAsync();
        var stderr = java.StandardError.ReadToEndAsync();
        await java.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var json = await stdout;
        Assert.True(json.TrimStart().StartsWith('{'), $"vnu printed no JSON (exit {java.ExitCode}):\n{json}\n{await stderr}");
        return JsonSerializer.Deserialize<VnuReport>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Messages;
    }

    /// <summary>vnu names each file by its URL; the message names the page it was fetched from.</summary>
    internal static string Describe(VnuMessage m, Dictionary<string, string> pages) =>
        $"{(m.Url is not null && pages.TryGetValue(m.Url[(m.Url.LastIndexOf('/') + 1)..], out var path) ? path : m.Url)}:{m.LastLine} {m.Type}{(m.SubType is null ? "" : "/" + m.SubType)}: {m.Message}" +
        (string.IsNullOrWhiteSpace(m.Extract) ? "" : $"\n    {m.Extract.ReplaceLineEndings(" ").Trim()}");

    internal sealed record VnuMessage(string Type, string? SubType, string? Url, int? LastLine, string Message, string? Extract);

    internal sealed record VnuReport(List<VnuMessage> Messages);
}
