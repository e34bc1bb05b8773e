using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// Commits one published path when content/ is inside a git work tree. Only that path is committed, never what
/// else is staged; while a merge or rebase is under way, or the index is locked, it commits nothing and says why.
/// </summary>
public sealed class GitCommitter(GitProcess git, IOptions<EditorOptions> options, ILogger<GitCommitter> log)
{
    static readonly string[] BusyMarkers = ["MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD", "index.lock"];

    /// <summary>Null when committed (or when there is no repository); otherwise why not.</summary>
    public async Task<string?> CommitAsync(string root, string path, string authorEmail, string message, CancellationToken ct)
    {
        if (!options.Value.GitCommit) return null;
        var top = await GitAsync(root, ct, "rev-parse", "--show-toplevel");
        if (top.Code != 0) return null;
        var gitDir = (await GitAsync(root, ct, "rev-parse", "--absolute-git-dir")).Output.Trim();
        var busy = BusyMarkers.FirstOrDefault(m => Path.Exists(Path.Combine(gitDir, m)));
        if (busy is not null) return Warn(path, $"the repository is busy ({busy}); commit the file yourself when it is done");

        var full = Path.Combine(root, path);
        var inRepo = Path.GetRelativePath(top.Output.Trim(), full);
        if (File.Exists(full))
        {
            var add = await GitAsync(root, ct, "add", "--", full);
            if (add.Code != 0) return Warn(path, add.Output);
        }
        var author = $"{authorEmail.Split('@')[0]} <{authorEmail}>";
        var commit = await GitAsync(top.Output.Trim(), ct, "commit", "--only", "--no-verify", "--quiet", "-m", message, "--author", author, "--", inRepo);
        if (commit.Code == 0 || commit.Output.Contains("nothing to commit") || commit.Output.Contains("no changes added")) return null;
        return Warn(path, commit.Output);
    }

    string Warn(string path, string why)
    {
        var message = $"published, but not committed to git: {why.Trim()}";
        log.LogWarning("{Path} {Message}", path, message);
        return message;
    }

    async Task<(int Code, string Output)> GitAsync(string folder, CancellationToken ct, params string[] args)
    {
        var result = await git.RunAsync(folder, ct, args);
        return (result.Code, result.All);
    }
}
