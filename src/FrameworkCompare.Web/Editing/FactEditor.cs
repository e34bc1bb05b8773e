using System.Text;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Editing;

/// <summary>Edits one fact of one framework through the content writer: validation, conflict check, revision and commit.</summary>
public sealed class FactEditor(SiteDb db, ContentWriter writer, TimeProvider clock)
{
    /// <summary>A fact as it is now: the profile it lives in, its attribute and its current value (null when not recorded).</summary>
    public sealed record Fact(Framework Framework, AttributeDefinition Attribute, FactValue? Value, string FileHash);

    public async Task<Fact?> FindAsync(string frameworkSlug, string attributeKey, CancellationToken ct)
    {
        var framework = await db.Frameworks.Include(f => f.Values).FirstOrDefaultAsync(f => f.Slug == frameworkSlug, ct);
        var attribute = await db.Attributes.FirstOrDefaultAsync(a => a.Key == attributeKey, ct);
        if (framework is null || attribute is null) return null;
        if (await ContentFiles.ReadIfAllowedAsync(writer.Root, framework.SourcePath, ct) is not { } bytes) return null;
        var hash = ContentPath.Hash(bytes);
        return new Fact(framework, attribute, framework.Values.FirstOrDefault(v => v.AttributeKey == attributeKey), hash);
    }

    /// <summary>Publishes the profile with this one fact changed; null when the profile has no values block to edit.</summary>
    public async Task<PublishOutcome?> SaveAsync(Fact fact, FactEdit edit, string? baseHash, string authorEmail, string message, CancellationToken ct)
    {
        var path = fact.Framework.SourcePath;
        if (await ContentFiles.ReadIfAllowedAsync(writer.Root, path, ct) is not { } bytes) return null;
        var text = Encoding.UTF8.GetString(bytes);
        var edited = FactLines.Replace(text, fact.Attribute.Key, edit);
        return edited is null ? null : await writer.PublishAsync(new PublishRequest(path, edited, baseHash, authorEmail, message), ct);
    }

    /// <summary>"Re-checked, still true": only the fact's checked date changes, to today.</summary>
    public async Task<PublishOutcome?> RecheckedAsync(Fact fact, string authorEmail, CancellationToken ct)
    {
        if (fact.Value is null || fact.Value.IsUnknown) return null;
        var path = fact.Framework.SourcePath;
        if (await ContentFiles.ReadIfAllowedAsync(writer.Root, path, ct) is not { } bytes) return null;
        var text = Encoding.UTF8.GetString(bytes);
        var edited = FactLines.SetChecked(text, fact.Attribute.Key, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return edited is null ? null : await writer.PublishAsync(
            new PublishRequest(path, edited, fact.FileHash, authorEmail, $"Re-checked {fact.Attribute.Label} of {fact.Framework.Name}: still true"), ct);
    }
}
