using System.Security.Cryptography;
using System.Text;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Decides what an import changes. Files whose hash is unchanged are skipped, unless something they
/// depend on changed: a new catalog re-checks every profile, a new set of frameworks every article and FAQ.
/// A file that fails keeps its last good version served. A file read again with its hash unchanged (touched, or
/// within the racy window) is not parsed: only its metadata is recorded again.
/// </summary>
public sealed class ContentPlanner(FrameworkParser frameworkParser, DocumentParser documentParser, TimeProvider clock, ParseCounter counter)
{
    public ImportPlan Plan(ScanResult scan, ContentState previous)
    {
        var plan = new ImportPlan { WholeFolder = scan.Only is null };
        foreach (var path in scan.Ignored)
            plan.Problems.Add(new(path, 1, $"not imported: content is {CatalogParser.FileName} and .md files in frameworks/, articles/, faq/ and authors/; images (.png, .jpg, .webp) go in {MediaFiles.Folder}/", IsWarning: true));
        foreach (var refusal in scan.Refused) RecordRefusal(plan, previous, refusal);
        var present = scan.Sources.Select(s => s.Path).Concat(scan.Unreadable).Concat(scan.Refused.Select(r => r.File)).ToHashSet();
        plan.Removed.AddRange(previous.Files.Values
            .Where(r => !present.Contains(r.Path) && r.Kind != ContentKind.Catalog && scan.Covers(r.Path))
            .Select(r => r.Path));
        var servedFrameworks = new SlugOwners(previous.Files.Values).Slugs(ContentKind.Framework);
        var owners = new SlugOwners(previous.Files.Values.Where(r => !plan.Removed.Contains(r.Path)));

        var catalog = previous.Catalog;
        var catalogChanged = false;
        var catalogSource = scan.Sources.FirstOrDefault(s => s.Kind == ContentKind.Catalog);
        if (catalogSource is null && scan.Covers(CatalogParser.FileName))
        {
            if (!scan.Refused.Any(r => r.File == CatalogParser.FileName))
                plan.Problems.Add(new(CatalogParser.FileName, 1, "the attribute catalog is missing" +
                    (catalog is null ? "" : "; the last imported one stays in use")));
        }
        else if (catalogSource is not null && IsChanged(catalogSource, previous))
        {
            var problems = new List<ContentProblem>();
            var parsed = Parse(catalogSource, problems, () => CatalogParser.Parse(catalogSource, problems));
            Record(plan, previous, scan, catalogSource, null, parsed is not null, problems);
            if (parsed is not null) (plan.Catalog, catalog, catalogChanged) = (parsed, parsed, true);
        }

        void ParseEach<T>(ContentKind kind, bool all, Func<ContentSource, List<ContentProblem>, T?> parse, Func<T, string> slugOf, List<T> into)
            where T : class
        {
            // Parsing is most of an import's time: spread it over the cores, then claim slugs in file order as before.
            var parsedAll = scan.Sources.Where(s => s.Kind == kind && (all || IsChanged(s, previous)))
                .AsParallel().AsOrdered()
                .Select(source =>
                {
                    var problems = new List<ContentProblem>();
                    return (Source: source, Problems: problems, Parsed: Parse(source, problems, () => parse(source, problems)));
                })
                .ToList();
            foreach (var (source, problems, parsed) in parsedAll)
            {
                var ok = parsed is not null && owners.Claim(kind, slugOf(parsed), source, problems);
                if (ok) into.Add(parsed!);
                Record(plan, previous, scan, source, parsed is null ? null : slugOf(parsed), ok, problems);
            }
        }

        var scoringSource = scan.Sources.FirstOrDefault(s => s.Kind == ContentKind.Scoring);
        if (scoringSource is not null && catalog is not null && (catalogChanged || IsChanged(scoringSource, previous)))
        {
            var problems = new List<ContentProblem>();
            plan.Scoring = Parse(scoringSource, problems, () => ScoringParser.Parse(scoringSource, catalog, problems));
            plan.ScoringBytes = scoringSource.Bytes;
            Record(plan, previous, scan, scoringSource, null, plan.Scoring is not null, problems);
        }

        ParseEach(ContentKind.Framework, catalogChanged, (source, problems) =>
        {
            if (catalog is not null) return frameworkParser.Parse(source, catalog, problems);
            problems.Add(new(source.Path, 1, $"cannot check this profile: {CatalogParser.FileName} has errors and no earlier catalog was imported"));
            return null;
        }, f => f.Slug, plan.Frameworks);

        var frameworks = owners.Slugs(ContentKind.Framework);
        var frameworksChanged = !frameworks.SetEquals(servedFrameworks);
        ParseEach(ContentKind.Author, false, (source, problems) => documentParser.ParseAuthor(source, problems), a => a.Slug, plan.Authors);
        var authors = AuthorKeys(plan, previous);
        ParseEach(ContentKind.Article, frameworksChanged, (source, problems) => documentParser.ParseArticle(source, frameworks, problems, authors), a => a.Slug, plan.Articles);
        ParseEach(ContentKind.Faq, frameworksChanged, (source, problems) => documentParser.ParseFaq(source, frameworks, problems), q => q.Slug, plan.Faqs);
        RecordMetadata(plan, previous, scan);
        return plan;
    }

    /// <summary>Parses one file; a file the scan left unread is read first, and one that can no longer be read fails.</summary>
    T? Parse<T>(ContentSource source, List<ContentProblem> problems, Func<T?> parse) where T : class
    {
        if (!source.IsRead)
        {
            try { _ = source.Bytes; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(source.Path, 1, $"could not be read ({e.Message}); its last imported version stays served"));
                return null;
            }
        }
        counter.Parsing(source.Path);
        return SafeParse.Run(source.Path, problems, parse);
    }

    /// <summary>
    /// Files read again whose hash is as recorded (touched, checked out again, or modified within the racy window of the
    /// last scan): their new metadata is recorded so the next restart trusts them without reading.
    /// </summary>
    static void RecordMetadata(ImportPlan plan, ContentState previous, ScanResult scan)
    {
        var recorded = plan.Records.Select(r => r.Path).ToHashSet();
        foreach (var source in scan.Sources)
        {
            if (!source.IsRead || source.Stat is not { } stat || recorded.Contains(source.Path)) continue;
            if (!previous.Files.TryGetValue(source.Path, out var before) || before.Hash != source.Hash || UnchangedFiles.Trusts(before, stat)) continue;
            plan.Metadata.Add(WithStat(new ContentFileRecord { Path = source.Path, Hash = source.Hash }, stat, scan));
        }
    }

    static ContentFileRecord WithStat(ContentFileRecord record, ContentFileInfo? stat, ScanResult scan)
    {
        if (stat is not { } known) return record;
        (record.Size, record.ModifiedNs, record.ChangedNs, record.Inode) = (known.Length, known.ModifiedNs, known.ChangedNs, known.Inode);
        record.ScannedAtNs = scan.StartedAtNs;
        return record;
    }

    /// <summary>Who articles may name after this import: the plan's authors and the served ones it leaves in place.</summary>
    static HashSet<string> AuthorKeys(ImportPlan plan, ContentState previous)
    {
        var replaced = plan.ReplacedPaths.ToHashSet();
        return (previous.Authors ?? []).Where(a => !replaced.Contains(a.Path)).Select(a => (a.Slug, a.Name))
            .Concat(plan.Authors.Select(a => (a.Slug, a.Name)))
            .SelectMany(a => Author.KeysOf(a.Slug, a.Name))
            .ToHashSet();
    }

    static bool IsChanged(ContentSource source, ContentState previous) =>
        !previous.Files.TryGetValue(source.Path, out var record) || record.Hash != source.Hash;

    void Record(ImportPlan plan, ContentState previous, ScanResult scan, ContentSource source, string? slug, bool ok, List<ContentProblem> problems)
    {
        var before = previous.Files.GetValueOrDefault(source.Path);
        plan.Records.Add(WithStat(new ContentFileRecord
        {
            Path = source.Path,
            Kind = source.Kind,
            Hash = source.Hash,
            Slug = ok ? slug : before?.Slug,
            ServedHash = ok ? source.Hash : before?.ServedHash,
            Problems = problems,
            SeenAt = clock.GetUtcNow(),
        }, source.Stat, scan));
        plan.Problems.AddRange(problems);
    }

    /// <summary>
    /// A file that is never read (a link, a special file, a possible hard link) is recorded like a file with an error:
    /// its last good version, if any, stays served. Recorded again only when its problem changes.
    /// </summary>
    void RecordRefusal(ImportPlan plan, ContentState previous, ContentProblem refusal)
    {
        var hash = "refused:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refusal.Message)))[..16];
        var before = previous.Files.GetValueOrDefault(refusal.File);
        if (before?.Hash == hash) return;
        plan.Records.Add(new ContentFileRecord
        {
            Path = refusal.File, Kind = ContentScanner.KindOf(refusal.File) ?? ContentKind.Other, Hash = hash,
            Slug = before?.Slug, ServedHash = before?.ServedHash, Problems = [refusal], SeenAt = clock.GetUtcNow(),
        });
        plan.Problems.Add(refusal);
    }

    /// <summary>Which file serves each slug; the file that had it first keeps it.</summary>
    sealed class SlugOwners(IEnumerable<ContentFileRecord> served)
    {
        readonly Dictionary<(ContentKind, string), string> owners = served
            .Where(r => r.ServedHash is not null && r.Slug is not null)
            .ToDictionary(r => (r.Kind, r.Slug!), r => r.Path);

        public HashSet<string> Slugs(ContentKind kind) => owners.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2).ToHashSet();

        public bool Claim(ContentKind kind, string slug, ContentSource source, List<ContentProblem> problems)
        {
            if (owners.TryGetValue((kind, slug), out var owner) && owner != source.Path)
            {
                problems.Add(new(source.Path, source.LineOfField("slug"), $"duplicate slug '{slug}': {owner} already uses it"));
                return false;
            }
            foreach (var old in owners.Where(o => o.Value == source.Path && o.Key.Item1 == kind).Select(o => o.Key).ToList())
                owners.Remove(old);
            owners[(kind, slug)] = source.Path;
            return true;
        }
    }
}
