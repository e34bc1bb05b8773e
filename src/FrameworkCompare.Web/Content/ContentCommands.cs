namespace FrameworkCompare.Web.Content;

/// <summary>Command-line verbs that work on the content folder without serving the site.</summary>
public static class ContentCommands
{
    /// <summary>Prints every problem as file:line: message; exit code 1 when there is any.</summary>
    public static int Validate(string folder, TextWriter output)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            output.WriteLine($"{folder}: no such content folder");
            return 2;
        }
        var markdown = new MarkdownRenderer();
        var planner = new ContentPlanner(new FrameworkParser(markdown, TimeProvider.System), new DocumentParser(markdown), TimeProvider.System);
        var scan = ContentScanner.Scan(root);
        var plan = planner.Plan(scan, ContentState.Empty);
        foreach (var problem in plan.Problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line))
            output.WriteLine(problem);
        var errors = plan.Problems.Count(p => !p.IsWarning);
        output.WriteLine($"{scan.Sources.Count} files checked: {errors} errors, {plan.Problems.Count - errors} warnings");
        return plan.Problems.Count == 0 ? 0 : 1;
    }
}
