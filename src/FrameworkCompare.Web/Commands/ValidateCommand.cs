using System.CommandLine;
using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Web.Commands;

/// <summary>`validate [folder]`: prints every content problem as file:line: message; exit code 1 when there is any.</summary>
public static class ValidateCommand
{
    public static Command Create() => Cli.ContentFolderVerb("validate", "Check every content file and print its problems as file:line: message",
        (root, parse, _) => Task.FromResult(Run(root, Cli.Output(parse))));

    public static int Run(string folder, TextWriter output)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            output.WriteLine($"{folder}: no such content folder");
            return 2;
        }
        var problems = ContentCheck.Problems(root);
        foreach (var problem in problems) output.WriteLine(problem);
        var errors = problems.Count(p => !p.IsWarning);
        output.WriteLine($"{ContentScanner.Scan(root).Sources.Count} files checked: {errors} errors, {problems.Count - errors} warnings");
        return problems.Count == 0 ? 0 : 1;
    }
}
