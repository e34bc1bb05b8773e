using System.Text.RegularExpressions;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// Contributors' images wait for review like their text: each is a review item (kind Upload) with its bytes in the
/// database (PendingUploads), outside content/, so readers cannot see it until an editor publishes it, and a backup
/// or a second node has it too. A contributor may have at most Media:ContributorQuotaFiles images and
/// Media:ContributorQuotaMb megabytes waiting at once.
/// </summary>
public sealed partial class PendingUploads(
    SiteDb db, ReviewQueue reviews, ContentWriter writer, IOptions<MediaOptions> options, TimeProvider clock, ILogger<PendingUploads> log)
{
    // Two uploads at once must not both fit a quota that has room for one.
    static readonly SemaphoreSlim Gate = new(1, 1);

    [GeneratedRegex(@"\(/media/([a-z0-9-]+\.(?:png|jpg|webp))\)")]
    private static partial Regex MediaLink();

    /// <summary>Queues the image for review; the reason when the contributor's quota has no room for it.</summary>
    public async Task<string?> SubmitAsync(MediaImage.Result image, string alt, string contributor, CancellationToken ct)
    {
        var path = $"{MediaFiles.Folder}/{image.FileName}";
        await Gate.WaitAsync(ct);
        try
        {
            // The item and its bytes are stored together or not at all; on SQLite this also keeps other nodes out until done.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var waiting = await WaitingAsync(contributor, ct);
            // The same image again (its name is a hash of its bytes) is already waiting or published: nothing to store.
            if (waiting.Any(w => w.Item.Path == path) || Path.Exists(ContentPath.FullPath(writer.Root, path))) return null;
            if (Quota(waiting, image.Bytes.Length) is { } full) return full;
            var item = await reviews.AddAsync(new ReviewItem { Kind = ReviewKind.Upload, Origin = contributor, Path = path, Message = alt }, ct);
            db.PendingUploads.Add(new PendingUpload
            {
                ReviewItemId = item.Id, FileName = image.FileName, ContentType = image.ContentType,
                Size = image.Bytes.Length, Bytes = image.Bytes, CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(ct);
            log.LogInformation("{Contributor} uploaded {Path} for review (item {Id})", contributor, path, item.Id);
            return null;
        }
        finally
        {
            Gate.Release();
        }
    }

    string? Quota(List<(ReviewItem Item, long Bytes)> waiting, long adding)
    {
        var limits = options.Value;
        if (waiting.Count + 1 > limits.ContributorQuotaFiles)
            return $"you have {waiting.Count} images waiting for review, and at most {limits.ContributorQuotaFiles} may wait at once. " +
                "Upload more once an editor has published or declined some.";
        var total = waiting.Sum(w => w.Bytes) + adding;
        var quota = (long)(limits.ContributorQuotaMb * 1024 * 1024);
        return total <= quota ? null
            : $"this image ({Megabytes(adding)} MB) would bring your images waiting for review to {Megabytes(total)} MB, and at most {limits.ContributorQuotaMb:0.#} MB may wait at once. " +
              "Upload more once an editor has published or declined some.";
    }

    /// <summary>The contributor's open uploads with their sizes, read from the Size column: no image is loaded.</summary>
    async Task<List<(ReviewItem Item, long Bytes)>> WaitingAsync(string contributor, CancellationToken ct)
    {
        var rows = await (
            from item in db.ReviewItems.AsNoTracking()
            where item.Kind == ReviewKind.Upload && item.State == ReviewState.Open && item.Origin == contributor
            join upload in db.PendingUploads on item.Id equals upload.ReviewItemId into uploads
            from upload in uploads.DefaultIfEmpty()
            select new { Item = item, Size = (long?)upload.Size }).ToListAsync(ct);
        return rows.Select(r => (r.Item, r.Size ?? 0)).ToList();
    }

    /// <summary>The waiting image, for the editor who reviews it; null when it is not waiting.</summary>
    public async Task<PendingUpload?> ReadAsync(ReviewItem item, CancellationToken ct) =>
        item is { Kind: ReviewKind.Upload, State: ReviewState.Open }
            ? await db.PendingUploads.AsNoTracking().FirstOrDefaultAsync(p => p.ReviewItemId == item.Id, ct)
            : null;

    /// <summary>Writes the image into content/media/ and closes its item, which deletes its bytes; the problem when it could not be.</summary>
    public async Task<string?> PublishAsync(ReviewItem item, string editor, CancellationToken ct)
    {
        if (await ReadAsync(item, ct) is not { } upload) return "the image is no longer waiting for review";
        string? warning;
        try
        {
            warning = await writer.SaveMediaAsync(upload.FileName, upload.Bytes, editor, ct, $"Add image {upload.FileName} (uploaded by {item.Origin}, reviewed by {editor})");
        }
        catch (ContentFileRefusedException refused)
        {
            return $"{refused.Path} {refused.Problem}";
        }
        // Should the site stop here, the image still waits; publishing it again finds it already in content/media/.
        await reviews.ResolveAsync(item.Id, ReviewState.Accepted, editor, $"Published as {item.Path}", ct);
        return warning;
    }

    /// <summary>Publishes the contributor's waiting images that <paramref name="text"/> links, before the text itself is published.</summary>
    public async Task<List<string>> PublishLinkedAsync(string text, string contributor, string editor, CancellationToken ct)
    {
        var linked = MediaLink().Matches(text).Select(m => $"{MediaFiles.Folder}/{m.Groups[1].Value}").ToHashSet();
        var published = new List<string>();
        foreach (var (item, _) in await WaitingAsync(contributor, ct))
        {
            if (!linked.Contains(item.Path!)) continue;
            if (await PublishAsync(item, editor, ct) is { } problem) log.LogWarning("{Path}: {Problem}", item.Path, problem);
            published.Add(item.Path!);
        }
        return published;
    }

    static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture);
}
