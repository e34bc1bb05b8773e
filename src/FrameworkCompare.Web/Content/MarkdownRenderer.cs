using System.Text;
using FrameworkCompare.Web.Models;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FrameworkCompare.Web.Content;

public sealed record RenderedMarkdown(string Html, string Text, List<TocEntry> Toc);

/// <summary>
/// The one Markdown pipeline of the site: no raw HTML, only safe link targets. Given the content folder, it also
/// checks that images under /media/ exist there.
/// </summary>
public sealed class MarkdownRenderer(string? contentRoot = null)
{
    // Immutable and thread-safe once built. No generic-attributes extension: it would let
    // authors add onclick and friends to elements.
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseFootnotes()
        .DisableHtml()
        .Build();

    // Markdig already drops raw HTML and unsafe links; the sanitizer is a second wall in case a rendering
    // extension or a future change lets markup through. Thread-safe once configured.
    static readonly Ganss.Xss.HtmlSanitizer SecondWall = CreateSanitizer();

    // Proves most of Markdig's output already is what the sanitizer would give back, without its DOM; whatever it
    // cannot vouch for goes through the sanitizer as before.
    static readonly SanitizerFastPath FastPath = new(SecondWall, IsScrollBoxAttribute);

    static Ganss.Xss.HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new Ganss.Xss.HtmlSanitizer();
        // Heading anchors, footnotes, highlighted code and task lists are what the pipeline itself writes.
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("data-lang");
        sanitizer.AllowedSchemes.Add("mailto");
        // The scroll boxes around tables and code are named and focusable: those attributes, on those elements only.
        sanitizer.RemovingAttribute += (_, e) =>
            e.Cancel = e.Reason == Ganss.Xss.RemoveReason.NotAllowedAttribute
                && IsScrollBoxAttribute(e.Tag.LocalName, e.Attribute.Name, e.Attribute.Value, e.Tag.ClassName);
        return sanitizer;
    }

    static bool IsScrollBoxAttribute(string element, string name, string value, string? className)
    {
        var box = element == "pre" || (element == "div" && className == ScrollingTableRenderer.BoxClass);
        return box && name switch
        {
            "role" => value == "region",
            "tabindex" => value == "0",
            "aria-label" => true,
            _ => false,
        };
    }

    /// <summary>The parsed body, or null with a problem when it is over a limit (<see cref="ParseLimits"/>).</summary>
    static MarkdownDocument? Parse(string markdown, string file, int firstLine, List<ContentProblem> problems)
    {
        MarkdownDocument? Refuse(int line, string message)
        {
            problems.Add(new(file, firstLine + line, message));
            return null;
        }

        var limits = ParseLimits.Current;
        if (Encoding.UTF8.GetByteCount(markdown) > limits.MaxMarkdownBytes)
            return Refuse(0, $"the text is larger than {limits.MaxMarkdownBytes / 1024} KB: split it into several pages");
        if (MarkdownGuard.CheckLines(markdown, limits) is { } deep) return Refuse(deep.Line, deep.Message);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own nesting limit, and its arithmetic on absurd input (ArgumentOutOfRangeException), end here.
            return Refuse(0, $"the Markdown nests too deep to read (quotes, lists, links or emphasis inside each other more than {limits.MaxDepth} levels)");
        }
        return MarkdownGuard.Check(document, limits) is { } refused ? Refuse(refused.Line, refused.Message) : document;
    }

    /// <summary>The full sanitizer, always.</summary>
    internal static string Sanitize(string html) => SecondWall.Sanitize(html);

    /// <summary>What <see cref="Sanitize"/> answers, skipping its DOM when the markup is proven to be what it keeps.</summary>
    internal static string SecondWallOf(string html) => FastPath.TryCanonical(html) ?? SecondWall.Sanitize(html);

    /// <summary>The fast path alone: what it answers, or null where the full sanitizer would run.</summary>
    internal static string? ProvenSanitized(string html) => FastPath.TryCanonical(html);

    /// <summary>The pipeline's HTML before the second wall, for the tests that compare the two ways through it.</summary>
    internal string? UnsanitizedHtml(string markdown, List<ContentProblem> problems) =>
        Parse(markdown, "x.md", 1, problems) is { } document ? Prepare(document, "x.md", 1, problems) : null;

    public RenderedMarkdown Render(string markdown, string file, int firstLine, List<ContentProblem> problems)
    {
        if (Parse(markdown, file, firstLine, problems) is not { } document) return new RenderedMarkdown("", "", []);
        var html = Prepare(document, file, firstLine, problems);
        return new RenderedMarkdown(SecondWallOf(html), PlainText(document), TableOfContents(document));
    }

    string Prepare(MarkdownDocument document, string file, int firstLine, List<ContentProblem> problems)
    {
        foreach (var problem in SafeLinks.Enforce(document))
            problems.Add(new(file, firstLine + problem.Line, problem.Message, IsWarning: true));
        CheckImages(document, file, firstLine, problems);
        foreach (var code in document.Descendants<FencedCodeBlock>().Where(c => string.IsNullOrWhiteSpace(c.Info)))
            problems.Add(new(file, firstLine + code.Line, "code block has no language: write ```python, ```javascript, ```text…", IsWarning: true));

        var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new HighlightingCodeBlockRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Extensions.Tables.HtmlTableRenderer>(new ScrollingTableRenderer());
        renderer.Render(document);
        return html.ToString();
    }

    void CheckImages(MarkdownDocument document, string file, int firstLine, List<ContentProblem> problems)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var line = firstLine + image.Line;
            if (string.IsNullOrWhiteSpace(InlineText(image)))
                problems.Add(new(file, line, "image has no alt text: say what it shows, ![Django's admin site](/media/admin.png)", IsWarning: true));
            var url = image.Url ?? "";
            if (contentRoot is null || !url.StartsWith(MediaFiles.UrlPrefix, StringComparison.Ordinal)) continue;
            var name = Uri.UnescapeDataString(url[MediaFiles.UrlPrefix.Length..].Split('?', '#')[0]);
            if (!MediaFiles.IsImageName(name))
                problems.Add(new(file, line, $"image '{url}': only .png, .jpg and .webp files directly in {MediaFiles.Folder}/ are served"));
            else if (MediaProblem(contentRoot, name) is { } problem)
                problems.Add(new(file, line, $"image '{url}' {problem}"));
        }
    }

    /// <summary>Why a linked image would not be served: missing, or refused as the media route refuses it.</summary>
    static string? MediaProblem(string contentRoot, string name)
    {
        var path = $"{MediaFiles.Folder}/{name}";
        try
        {
            return ContentFiles.Stat(contentRoot, path) is null ? $"not found: there is no {path} in the content folder" : null;
        }
        catch (ContentFileRefusedException e)
        {
            return $"is not served: {path} {e.Problem}";
        }
        catch (IOException e)
        {
            return $"cannot be read: {e.Message}";
        }
    }

    static List<TocEntry> TableOfContents(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is not null)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id!, InlineText(h.Inline)))
            .ToList();

    static string PlainText(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is CodeBlock code) text.AppendLine(code.Lines.ToString());
            else text.AppendLine(InlineText(leaf.Inline));
        }
        return text.ToString().Trim();
    }

    static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new StringBuilder();
        foreach (var item in inline.Descendants())
        {
            switch (item)
            {
                case LiteralInline literal: text.Append(literal.Content); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString();
    }
}
