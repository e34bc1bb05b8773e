using System.CommandLine;

namespace FrameworkCompare.Web.Commands;

/// <summary>The command-line verbs: `dotnet run -- VERB …` runs one of these instead of the site.</summary>
public static class Cli
{
    static Command[] Verbs() => [ValidateCommand.Create(), ExportCommand.Create(), UsersCommand.Create(), BackupCommand.Create(), CheckSourcesCommand.Create(), CheckRegistriesCommand.Create(), RebuildCommand.Create(), MeasureVerdictCommand.Create(), MeasurePageCommand.Create()];

    static readonly AsyncLocal<TextReader?> verbInput = new();

    /// <summary>Standard input of the running verb (a test's reader, or the console's), for secrets such as passwords.</summary>
    public static TextReader Input => verbInput.Value ?? Console.In;

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs().Any(v => v.Name == args[0]);

    /// <summary>Runs a verb; its messages go to <paramref name="output"/> and it reads <paramref name="input"/> (the console's by default).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextReader? input = null, CancellationToken ct = default)
    {
        verbInput.Value = input;
        var root = new RootCommand("FrameworkCompare: side-by-side framework comparisons. Without a verb, runs the site.");
        foreach (var verb in Verbs()) root.Subcommands.Add(verb);
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = output ?? Console.Error };
        return root.Parse(args).InvokeAsync(config, ct);
    }

    /// <summary>Settings after the verb's own arguments (`--Content:Path=…`), passed on to the site's configuration.</summary>
    public static string[] Settings(ParseResult parse) => [.. parse.UnmatchedTokens];

    public static TextWriter Output(ParseResult parse) => parse.InvocationConfiguration.Output;

    /// <summary>`NAME [folder]`: a verb over a content folder (default `content`), with settings after it; exit 2 when the folder is missing.</summary>
    public static Command ContentFolderVerb(string name, string description, Func<string, ParseResult, CancellationToken, Task<int>> run)
    {
        var folder = new Argument<string>("folder") { Description = "The content folder", DefaultValueFactory = _ => "content" };
        var command = new Command(name, description) { folder };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) =>
        {
            var given = parse.GetValue(folder)!;
            if (Directory.Exists(given)) return run(Path.GetFullPath(given), parse, ct);
            Output(parse).WriteLine($"{given}: no such content folder");
            return Task.FromResult(2);
        });
        return command;
    }
}
