using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

public sealed class FaqService(SiteDb db, FrameworkDirectory directory)
{
    public async Task<List<FaqTopic>> TopicsAsync(CancellationToken ct)
    {
        var entries = await db.FaqEntries.OrderBy(q => q.Question).ToListAsync(ct);
        return entries.GroupBy(q => q.Topic).OrderBy(g => g.Key)
            .Select(g => new FaqTopic(g.Key, g.ToList())).ToList();
    }

    public async Task<FaqAnswerViewModel?> GetAsync(string slug, CancellationToken ct)
    {
        var entry = await db.FaqEntries.FirstOrDefaultAsync(q => q.Slug == slug, ct);
        return entry is null ? null : await BuildAsync(entry, ct);
    }

    /// <summary>The page for an FAQ answer, published or a draft's.</summary>
    public async Task<FaqAnswerViewModel> BuildAsync(FaqEntry entry, CancellationToken ct)
    {
        var slug = entry.Slug;
        var sameTopic = await db.FaqEntries.Where(q => q.Topic == entry.Topic && q.Slug != slug).OrderBy(q => q.Question).ToListAsync(ct);
        var frameworks = (await directory.ListAsync(ct)).Where(f => entry.Frameworks.Contains(f.Slug)).ToList();
        return new FaqAnswerViewModel { Entry = entry, Frameworks = frameworks, SameTopic = sameTopic };
    }
}
