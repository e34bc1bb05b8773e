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

    public async Task<List<CommittedVersion>> VersionsAsync(string root, string path, CancellationToken ct)
    {
        if (!options.Value.GitHistory || !Directory.Exists(root)) return [];
        var list = await git.RunAsync(root, ct, "log", "--first-parent", $"--max-count={MaxVersions}", "--format=%H %ct", "--", path);
        if (list.Code != 0) return [];
        var versions = new List<CommittedVersion>();
        foreach (var line in list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) continue;
            // "./" makes the path relative to the content folder, wherever it sits in the repository.
            var show = await git.RunAsync(root, ct, "show", $"{parts[0]}:./{path}");
            if (show.Code != 0) continue; // the commit deleted the file
            versions.Add(new CommittedVersion(parts[0], DateTimeOffset.FromUnixTimeSeconds(seconds), show.Output));
        }
        if (versions.Count > 0) log.LogDebug("{Path}: {Count} versions in git", path, versions.Count);
        return versions;
    }
}
