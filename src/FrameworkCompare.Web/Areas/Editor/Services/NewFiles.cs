using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Areas.Editor.Services;

/// <summary>Starts a new content file as a draft from its kind's template, at a slug that no other file uses.</summary>
public sealed class NewFiles(SiteDb db, DraftStore drafts, ContentWriter writer, TimeProvider clock)
{
    public sealed record Started(string? Path, string Slug, string? Error);

    public async Task<Started> StartAsync(string userId, string kind, NewFileForm form, CancellationToken ct)
    {
        var (folder, label) = NewFileTemplates.Kinds[kind];
        var title = string.Concat((form.Title ?? "").Where(c => !char.IsControl(c))).Trim();
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? NewFileTemplates.Slugify(title) : form.Slug.Trim().ToLowerInvariant();
        var path = $"{folder}/{slug}.md";
        var error = title.Length is 0 or > 200 ? "Give a title of 1 to 200 characters."
            : !YamlFields.IsSlug(slug) || slug.Length > 80 ? $"“{slug}” is not a usable slug: lower-case letters, digits and single hyphens, at most 80."
            : kind == "framework" && slug.Contains(ComparisonService.Separator) ? $"“{slug}” contains “-vs-”, which separates frameworks in comparison addresses."
            : File.Exists(ContentPath.FullPath(writer.Root, path)) || await SlugServedAsync(path, slug, ct)
                ? $"“{slug}” is taken: another {label} already uses it. Choose another slug."
            : await drafts.FindAsync(userId, path, ct) is not null ? $"You already have a draft at {path}: open it from the workspace home." : null;
        if (error is not null) return new Started(null, slug, error);

        var frameworks = await db.Frameworks.OrderBy(f => f.Slug).Select(f => f.Slug).ToListAsync(ct);
        var catalog = new Catalog(await db.Categories.ToListAsync(ct), await db.Attributes.OrderBy(a => a.Order).ToListAsync(ct));
        var text = NewFileTemplates.For(kind, title, slug, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), frameworks, catalog);
        await drafts.SaveAsync(userId, path, text, baseHash: null, message: $"New {label}: {title}", ct);
        return new Started(path, slug, null);
    }

    Task<bool> SlugServedAsync(string path, string slug, CancellationToken ct)
    {
        var kind = ContentPath.KindOf(path);
        return db.ContentFiles.AnyAsync(f => f.Kind == kind && f.Slug == slug, ct);
    }
}
