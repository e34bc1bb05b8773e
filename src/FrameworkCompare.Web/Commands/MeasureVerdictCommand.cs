using System.CommandLine;
using System.Diagnostics;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.WebUtilities;

namespace FrameworkCompare.Web.Commands;

/// <summary>
/// `measure-verdict [selection] [--query Q]` (hidden; bench/run uses it): times the verdict computation alone on an imported
/// database, each call on its own, and prints the median and p99 in µs. The page is built the way the site builds it first.
/// </summary>
public static class MeasureVerdictCommand
{
    const int Calls = 10_000, WarmUpCalls = 1_000;
    static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var selection = new Argument<string>("selection") { DefaultValueFactory = _ => "django-vs-flask" };
        var query = new Option<string>("--query") { DefaultValueFactory = _ => "?verdict=1" };
        var command = new Command("measure-verdict", "Time the verdict computation (for bench/run)") { selection, query };
        command.Hidden = true;
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(selection)!, parse.GetValue(query)!, Cli.Settings(parse), Cli.Output(parse), ct));
        return command;
    }

    static async Task<int> RunAsync(string selection, string queryString, string[] settings, TextWriter output, CancellationToken ct)
    {
        await using var app = await CommandHost.OpenAsync(settings, ct);
        // The page model links to articles and FAQ answers by route name: the routes must be mapped, as in the site, and
        // UseEndpoints hands them to the link generator (a started site does that when it builds its pipeline).
        app.UseSitePipeline();
        app.UseEndpoints(_ => { });
        // A verb starts no hosted services: load the snapshot the database holds, as a starting site does.
        await app.Services.GetRequiredService<ReadModel.ChangeListener>().ApplyNewestAsync(ct);
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ComparisonService>().BuildAsync(selection, false, ct) is not ComparisonService.Found found)
        {
            output.WriteLine($"{selection}: no such comparison in this database; start the site on it once to import the content");
            return 2;
        }
        var model = found.Model;
        var sections = model.FullSections;
        var catalog = new Catalog([.. sections.Select(s => s.Category)], [.. sections.SelectMany(s => s.Rows.Select(r => r.Attribute))]);
        if (scope.ServiceProvider.GetRequiredService<ReadModel.SiteSnapshot>().Scoring is not { } rules)
        {
            output.WriteLine("no scoring rules: the content offers no verdict");
            return 2;
        }
        var query = QueryHelpers.ParseQuery(queryString);
        var keys = new VerdictKeys([.. sections.Select(s => s.Category.Key)], [.. catalog.Attributes.Select(a => a.Key)],
            [.. sections.Where(s => s.Category.Key == Catalog.UseCasesCategory).SelectMany(s => s.Rows.Select(r => r.Attribute.Key))]);
        var choices = VerdictQuery.Parse(query, keys)!;
        var verdicts = scope.ServiceProvider.GetRequiredService<VerdictService>();

        // The scorer alone, then what a verdict page adds around it (the form, the rules lookup, the share link).
        Func<object?> score = () => VerdictScorer.Score(model.Frameworks, sections, rules, choices), build = () => verdicts.Build(model, query);
        WarmUp(score);
        WarmUp(build);
        output.WriteLine(Line("score", score));
        output.WriteLine(Line("build", build));
        return 0;
    }

    /// <summary>Long enough for tiered compilation to finish its optimised code (it recompiles in the background, after a delay).</summary>
    static void WarmUp(Func<object?> call)
    {
        var started = Stopwatch.StartNew();
        for (var i = 0; i < WarmUpCalls || started.Elapsed < WarmUpTime; i++) call();
    }

    static string Line(string name, Func<object?> call)
    {
        var micros = new double[Calls];
        for (var i = 0; i < Calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call();
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(micros);
        return FormattableString.Invariant($"{name} median {micros[Calls / 2]:F1} us p99 {micros[Calls * 99 / 100]:F1} us over {Calls} calls");
    }
}
