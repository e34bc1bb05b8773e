using FrameworkCompare.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace FrameworkCompare.BrowserTests;

/// <summary>The Nu HTML checker over the HTML the site sent for every workspace page.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class WorkspaceHtmlValidityTests(WorkspaceSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryWorkspacePageIsValidHtml()
    {
        var folder = Directory.CreateTempSubdirectory("fc-vnu-workspace-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var name in WorkspacePages.All)
            {
                var (watched, html) = await WorkspacePages.OpenAsync(site, name);
                await using (watched) watched.AssertNoProblems();
                var file = $"{files.Count:00}.html";
                await File.WriteAllTextAsync(Path.Combine(folder, file), html);
                files[file] = name;
            }

            var messages = await HtmlValidityTests.RunCheckerAsync(files.Keys.Select(file => Path.Combine(folder, file)));
            foreach (var warning in messages.Where(m => m.Type is not ("error" or "non-document-error"))) output.WriteLine(HtmlValidityTests.Describe(warning, files));
            var errors = messages.Where(m => m.Type is "error" or "non-document-error").Select(m => HtmlValidityTests.Describe(m, files)).ToList();
            Assert.True(errors.Count == 0, $"The Nu HTML checker found {errors.Count} error(s):\n{string.Join('\n', errors)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
