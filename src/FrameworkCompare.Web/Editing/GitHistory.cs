using System.Globalization;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Editing;

/// <summary>One committed version of a content file.</summary>
public sealed record CommittedVersion(string Commit, DateTimeOffset At, string Text);

/// <summary>
/// The versions of a content file in the git history of the branch checked out, oldest first, following first
/// parents so a merged branch's versions arrive with their merge. Nothing when content/ is not in a git work tree,
/// git is missing or reading is switched off; a shallow clone gives the versions it has.
/// </summary>
public sealed class GitHistory(GitProcess git, IOptions<EditorOptions> options, ILogger<GitHistory> log)
{
    // Enough for years of weekly re-checks of one profile; older versions beyond it are not read.
    const int MaxVersions = 200;
    const string RegularFile = "100644", ExecutableFile = "100755", Deleted = "000000";

    public async Task<List<CommittedVersion>> VersionsAsync(string root, string path, CancellationToken ct)
    {
        if (!options.Value.GitHistory || !Directory.Exists(root)) return [];
        // --raw gives each commit's mode for the file: a version that was a symbolic link (120000) or a submodule is
        // never read, as the importer never reads a link on disk.
        var list = await git.RunInBackgroundAsync(root, ct, "log", "--first-parent", $"--max-count={MaxVersions}", "--format=%x1e%H %ct", "--raw", "--no-abbrev", "--", path);
        if (list.Code != 0) return [];
        var versions = new List<CommittedVersion>();
        foreach (var entry in list.Output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            var lines = entry.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var parts = lines[0].Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) continue;
            var mode = lines.FirstOrDefault(l => l.StartsWith(':'))?.Split(' ') is { Length: > 1 } raw ? raw[1] : await ModeAsync(root, parts[0], path, ct);
            if (mode is not (RegularFile or ExecutableFile))
            {
                if (mode is not null and not Deleted) log.LogWarning("{Path} at {Commit}: git mode {Mode} is no regular file; that version is not read", path, parts[0], mode);
                continue;
            }
            // "./" makes the path relative to the content folder, wherever it sits in the repository.
            var show = await git.RunInBackgroundAsync(root, ct, "show", $"{parts[0]}:./{path}");
            if (show.Code != 0) continue;
            versions.Add(new CommittedVersion(parts[0], DateTimeOffset.FromUnixTimeSeconds(seconds), show.Output));
        }
        if (versions.Count > 0) log.LogDebug("{Path}: {Count} versions in git", path, versions.Count);
        return versions;
    }

    /// <summary>The commit checked out, or null when content/ is in no git work tree (or has no commit, or reading is off).</summary>
    public async Task<string?> HeadAsync(string root, CancellationToken ct)
    {
        if (!options.Value.GitHistory || !Directory.Exists(root)) return null;
        var head = await git.RunInBackgroundAsync(root, ct, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        return head.Code == 0 && head.Output.Trim() is { Length: > 0 } commit ? commit : null;
    }

    /// <summary>
    /// The content files (paths inside <paramref name="root"/>) that differ between <paramref name="from"/> and
    /// <paramref name="to"/>, when <paramref name="from"/> is still an ancestor of <paramref name="to"/>; null when it
    /// is not (history rewritten, another branch checked out, the commit gone), so everything must be read again.
    /// </summary>
    public async Task<List<string>?> ChangedSinceAsync(string root, string from, string to, CancellationToken ct)
    {
        var ancestor = await git.RunInBackgroundAsync(root, ct, "merge-base", "--is-ancestor", from, to);
        if (ancestor.Code != 0) return null;
        // --relative: paths relative to the content folder, and nothing outside it, wherever it sits in the repository.
        var diff = await git.RunInBackgroundAsync(root, ct, "diff", "--name-only", "--relative", "--no-renames", "-z", from, to, "--");
        return diff.Code == 0 ? [.. diff.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)] : null;
    }

    /// <summary>The file's mode in a commit whose log entry showed no change line (a merge, with an older git).</summary>
    async Task<string?> ModeAsync(string root, string commit, string path, CancellationToken ct)
    {
        var tree = await git.RunInBackgroundAsync(root, ct, "ls-tree", commit, "--", $"./{path}");
        return tree.Code == 0 && tree.Output.Split(' ', 2) is [var mode, _] ? mode : null;
    }
}
