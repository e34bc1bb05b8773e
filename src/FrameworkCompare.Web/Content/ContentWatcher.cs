using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Re-imports shortly after files under the content folder change: the files changed alone when they are articles, FAQ
/// answers or author pages (<see cref="ContentImporter.ImportFilesAsync"/>), the whole folder after anything else (a
/// profile, the catalog, a folder, an overflow). Dot files are never content (a publish's temporary file among them).
/// </summary>
public sealed class ContentWatcher(ContentImporter importer, IOptions<ContentOptions> options, ILogger<ContentWatcher> log) : BackgroundService
{
    // Editors' saves come in bursts (write, rename, touch): wait for the burst to end.
    static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    static bool IsThroughLink(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        try { return relative.StartsWith("..", StringComparison.Ordinal) || ContentFiles.ThroughLinkedFolder(root, relative); }
        catch (IOException) { return false; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = options.Value.FullPath;
        if (!options.Value.Watch || !Directory.Exists(root)) return;
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var changed = new ChangedPaths();
        using var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true };
        void Signal(object? sender, EventArgs e)
        {
            changed.AddAll();
            changes.Writer.TryWrite(true);
        }
        // A change below a linked folder is outside content/ (the import never reads there): it starts no import.
        void Changed(object? sender, FileSystemEventArgs e)
        {
            if (IsThroughLink(root, e.FullPath)) return;
            changed.Add(Path.GetRelativePath(root, e.FullPath).Replace('\\', '/'));
            if (e is RenamedEventArgs renamed && !IsThroughLink(root, renamed.OldFullPath))
                changed.Add(Path.GetRelativePath(root, renamed.OldFullPath).Replace('\\', '/'));
            changes.Writer.TryWrite(true);
        }
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += Changed;
        watcher.Error += (_, e) => { log.LogWarning(e.GetException(), "Content watcher overflowed; re-importing"); Signal(null, e); };
        watcher.EnableRaisingEvents = true;

        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // Wait for a quiet moment, but never longer than MaxWait, so a file rewritten
            // non-stop still gets imported.
            var burstStarted = DateTime.UtcNow;
            do
            {
                changes.Reader.TryRead(out _);
                await Task.Delay(Quiet, stoppingToken);
            } while (changes.Reader.TryRead(out _) && DateTime.UtcNow - burstStarted < MaxWait);
            try
            {
                if (changed.Take() is not { } paths) await importer.ImportAsync(stoppingToken);
                else if (paths.Count > 0) await importer.ImportFilesAsync(paths, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Content import after a change failed; the site keeps serving the last import");
            }
        }
    }
}

/// <summary>The paths changed since the last import; null once anything may have changed.</summary>
sealed class ChangedPaths
{
    readonly Lock sync = new();
    HashSet<string>? paths = [];

    public void Add(string path)
    {
        // Dot files and dot folders are never content; nor is anything outside the folder.
        if (path.StartsWith("..", StringComparison.Ordinal) || path.Split('/').Any(part => part.StartsWith('.'))) return;
        lock (sync) paths?.Add(path);
    }

    public void AddAll()
    {
        lock (sync) paths = null;
    }

    public IReadOnlyCollection<string>? Take()
    {
        lock (sync)
        {
            var taken = paths;
            paths = [];
            return taken;
        }
    }
}
