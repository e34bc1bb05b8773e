namespace FrameworkCompare.Web.Content;

/// <summary>
/// What a fact's note (or unknown reason) may say to readers: at most <see cref="MaxWords"/> words, and nothing about
/// how the content was researched (phrases kept as data in research-phrases.txt).
/// </summary>
public static class ReaderNotes
{
    public const int MaxWords = 40;

    static readonly string[] ResearchPhrases = LoadPhrases();

    public static void Check(YamlFields v, string field, string? text)
    {
        if (text is null) return;
        var line = v.KeyLine(field);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > MaxWords)
            v.Warning(line, $"field '{field}' has {words} words: readers see it beside the value, keep it to {MaxWords} or fewer");
        if (ResearchPhrases.FirstOrDefault(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)) is { } phrase)
            v.Warning(line, $"field '{field}' says how the fact was researched ('{phrase}'): tell readers the fact, and put the research in the commit message");
    }

    static string[] LoadPhrases()
    {
        using var stream = typeof(ReaderNotes).Assembly.GetManifestResourceStream("FrameworkCompare.Web.Content.research-phrases.txt")
            ?? throw new InvalidOperationException("research-phrases.txt is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
    }
}
