namespace FrameworkCompare.Web.Content;

/// <summary>
/// How much structure one content document may have (<c>Content:Limits</c>). Counted, never timed, and checked before
/// the libraries build anything recursive, so no document can overflow the stack or stall a core.
/// </summary>
public sealed class ParseLimits
{
    public const string Section = "Content:Limits";

    /// <summary>The limits every parser uses; the site sets them from configuration at start-up.</summary>
    public static ParseLimits Current { get; set; } = new();

    /// <summary>Nesting of YAML collections, and of Markdown blocks and inlines.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>YAML nodes (scalars, mappings, sequences, aliases) in one document, and Markdown elements in one body.</summary>
    public int MaxNodes { get; set; } = 100_000;

    /// <summary>Nodes that YAML aliases would repeat, counted as if every alias were written out.</summary>
    public int MaxAliasExpansions { get; set; } = 10_000;

    public int MaxFrontMatterBytes { get; set; } = 256 * 1024;

    /// <summary>A Markdown body; the longest shipped article is about 20 KB.</summary>
    public int MaxMarkdownBytes { get; set; } = 512 * 1024;

    /// <summary>The limits a configuration section sets; a limit of zero or less stops start-up, since it would refuse every file.</summary>
    public static ParseLimits From(IConfigurationSection section)
    {
        var limits = section.Get<ParseLimits>() ?? new ParseLimits();
        if (limits.MaxDepth <= 0 || limits.MaxNodes <= 0 || limits.MaxAliasExpansions <= 0 || limits.MaxFrontMatterBytes <= 0 || limits.MaxMarkdownBytes <= 0)
            throw new InvalidOperationException($"{Section}: every limit (MaxDepth, MaxNodes, MaxAliasExpansions, MaxFrontMatterBytes, MaxMarkdownBytes) must be above zero");
        return limits;
    }
}
