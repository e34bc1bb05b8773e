using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Services;

/// <summary>
/// The scoring rules in use: content/scoring.yml as it is now, or its last good version while the file has errors
/// (the import lists those at /content-status). Null when there never were good rules: then no verdict is offered.
/// </summary>
public sealed class VerdictRules(IOptions<ContentOptions> options, ILogger<VerdictRules> log)
{
    readonly Lock gate = new();
    string? version;
    ScoringRules? current;

    public ScoringRules? Current(Catalog catalog)
    {
        ContentSource source;
        try
        {
            if (ContentSource.Read(options.Value.FullPath, ScoringParser.FileName, ContentKind.Scoring) is not { } read) return null;
            source = read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Usually an editor still writing the file (or a refused link, which the import lists): keep the last good rules.
            log.LogWarning("Could not read {File}: {Reason}", ScoringParser.FileName, e.Message);
            lock (gate) return current;
        }
        // Rules are checked against the catalog too: a rule naming an attribute the catalog gains later becomes good then.
        var seen = source.Hash + string.Concat(catalog.Attributes.Select(a => $"|{a.Key}:{a.Type}"));
        lock (gate)
        {
            if (seen == version) return current;
            var problems = new List<ContentProblem>();
            if (ScoringParser.Parse(source, catalog, problems) is { } parsed) current = parsed;
            version = seen;
            return current;
        }
    }
}
