using System.Text;
using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Areas.Editor.Services;

/// <summary>Builds the review queue's pages: what each item is about, and for a submission the diff to review.</summary>
public sealed class ReviewPages(SiteDb db, ReviewQueue reviews, ContentWriter writer)
{
    public async Task<ReviewListViewModel> ListAsync(CancellationToken ct)
    {
        var open = await reviews.OpenAsync(ct);
        return new ReviewListViewModel(open, await FactNamesAsync(ct));
    }

    public async Task<ReviewItemViewModel?> ItemAsync(int id, CancellationToken ct)
    {
        if (await reviews.FindAsync(id, ct) is not { } item) return null;
        var model = new ReviewItemViewModel { Item = item };
        if (item.FrameworkSlug is not null && item.AttributeKey is not null)
        {
            var names = await FactNamesAsync(ct);
            model = model with
            {
                FactName = names.GetValueOrDefault($"{item.FrameworkSlug}/{item.AttributeKey}"),
                CurrentFact = await db.FactValues.FirstOrDefaultAsync(v => v.FrameworkSlug == item.FrameworkSlug && v.AttributeKey == item.AttributeKey, ct),
            };
        }
        if (item.Kind == ReviewKind.Submission && item.Path is not null)
        {
            var current = await ContentFiles.ReadIfAllowedAsync(writer.Root, item.Path, ct) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
            model = model with { Changes = LineDiff.Build("Changes to review", current, item.Text) };
        }
        if (item.Kind == ReviewKind.Question)
            model = model with { FaqPaths = await db.FaqEntries.OrderBy(q => q.SourcePath).Select(q => q.SourcePath).ToListAsync(ct) };
        return model;
    }

    /// <summary>"django/orm" → "Django: Built-in ORM", for every fact that exists.</summary>
    async Task<Dictionary<string, string>> FactNamesAsync(CancellationToken ct)
    {
        var frameworks = await db.Frameworks.Select(f => new { f.Slug, f.Name }).ToListAsync(ct);
        var attributes = await db.Attributes.Select(a => new { a.Key, a.Label }).ToListAsync(ct);
        return frameworks.SelectMany(f => attributes.Select(a => (Key: $"{f.Slug}/{a.Key}", Name: $"{f.Name}: {a.Label}")))
            .ToDictionary(x => x.Key, x => x.Name);
    }
}
