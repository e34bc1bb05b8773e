using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Checks;

public sealed record SourceCheckReport(List<CitedUrl> Cited, List<SourceResult> Results)
{
    public int Count(SourceOutcome outcome) => Results.Count(r => r.Outcome == outcome);
    public string Summary => $"Checked {Results.Count} sources: {Count(SourceOutcome.Ok)} ok, {Count(SourceOutcome.Redirected)} redirected, {Count(SourceOutcome.Broken)} broken";
}

/// <summary>A whole check of a content folder's sources, stored as the SourceChecks table; shared by the verb and the schedule.</summary>
public sealed class SourceCheckRun(SourceChecker checker, SiteDb db, TimeProvider clock)
{
    public async Task<SourceCheckReport> RunAsync(string contentRoot, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var cited = SourceCitations.Collect(contentRoot);
        var total = cited.Count;
        var results = await checker.CheckAsync(cited.Select(c => c.Url).ToList(),
            progress is null ? null : new CountProgress(n => progress.Report((n, total))), ct);
        await StoreAsync(results, ct);
        return new SourceCheckReport(cited, results);
    }

    sealed class CountProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>Upserts each URL's result; rows of URLs nothing cites any more go, so counts match the content.</summary>
    async Task StoreAsync(List<SourceResult> results, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var existing = await db.SourceChecks.AsTracking().ToDictionaryAsync(c => c.Url, ct);
        foreach (var result in results)
        {
            if (!existing.Remove(result.Url, out var row)) db.SourceChecks.Add(row = new SourceCheck { Url = result.Url, Detail = "" });
            row.Broken = result.Broken;
            row.Status = result.Status;
            row.RedirectedTo = result.FinalUrl;
            row.Detail = result.Detail;
            row.CheckedAt = now;
        }
        db.SourceChecks.RemoveRange(existing.Values);
        await db.SaveChangesAsync(ct);
    }
}
