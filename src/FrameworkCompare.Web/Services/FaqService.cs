using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

public sealed class FaqService(SiteSnapshot snapshot)
{
    public Task<List<FaqTopic>> TopicsAsync(CancellationToken ct) =>
        Task.FromResult(snapshot.Faq.GroupBy(q => q.Topic).OrderBy(g => g.Key)
            .Select(g => new FaqTopic(g.Key, g.ToList())).ToList());

    public async Task<FaqAnswerViewModel?> GetAsync(string slug, CancellationToken ct) =>
        slug is not null && snapshot.FaqBySlug.TryGetValue(slug, out var entry) ? await BuildAsync(entry, ct) : null;

    /// <summary>The page for an FAQ answer, published or a draft's.</summary>
    public Task<FaqAnswerViewModel> BuildAsync(FaqEntry entry, CancellationToken ct)
    {
        var sameTopic = snapshot.Faq.Where(q => q.Topic == entry.Topic && q.Slug != entry.Slug).ToList();
        var frameworks = snapshot.Summaries.Where(f => entry.Frameworks.Contains(f.Slug)).ToList();
        return Task.FromResult(new FaqAnswerViewModel { Entry = entry, Frameworks = frameworks, SameTopic = sameTopic });
    }
}
