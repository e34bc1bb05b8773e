using System.Collections.Concurrent;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Every content file the importer hands to a parser (catalog, scoring, profile, article, FAQ entry, author), counted
/// as it happens: how a test proves that a restart or a one-file change parsed what it should and nothing more.
/// </summary>
public sealed class ParseCounter
{
    readonly ConcurrentQueue<string> parsed = new();

    public int Count => parsed.Count;

    /// <summary>The paths parsed so far, in no particular order; a path parsed twice is listed twice.</summary>
    public IReadOnlyList<string> Paths => [.. parsed];

    public void Parsing(string path) => parsed.Enqueue(path);
}
