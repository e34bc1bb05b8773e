using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Server-side highlighting of comments, strings, keywords and numbers for the languages the
/// content uses; no script reaches the reader. Unknown languages are shown plain.
/// </summary>
public static partial class CodeHighlighter
{
    sealed record Language(string Comment, string[] Keywords);

    static readonly Language Python = new("#", ["def", "class", "return", "if", "elif", "else", "for", "while", "in", "import", "from", "as",
        "with", "async", "await", "try", "except", "finally", "raise", "pass", "None", "True", "False", "and", "or", "not", "lambda", "yield", "is"]);
    static readonly Language JavaScript = new("//", ["const", "let", "var", "function", "return", "if", "else", "for", "while", "import",
        "from", "export", "default", "async", "await", "new", "class", "null", "true", "false", "require", "try", "catch"]);
    static readonly Language Shell = new("#", ["pip", "python", "npm", "node", "export", "cd", "django-admin", "flask", "uvicorn", "gunicorn"]);
    static readonly Language Yaml = new("#", ["true", "false", "null"]);

    static readonly Dictionary<string, Language> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["python"] = Python, ["py"] = Python,
        ["javascript"] = JavaScript, ["js"] = JavaScript, ["typescript"] = JavaScript, ["ts"] = JavaScript,
        ["shell"] = Shell, ["bash"] = Shell, ["sh"] = Shell, ["console"] = Shell,
        ["yaml"] = Yaml, ["yml"] = Yaml, ["toml"] = Yaml, ["ini"] = Yaml,
    };

    public static string Highlight(string language, string code)
    {
        if (!Languages.TryGetValue(language, out var lang)) return WebUtility.HtmlEncode(code);
        var html = new StringBuilder(code.Length * 2);
        var position = 0;
        foreach (Match token in Tokens(lang).Matches(code))
        {
            html.Append(WebUtility.HtmlEncode(code[position..token.Index]));
            var kind = token.Groups["comment"].Success ? "c" : token.Groups["string"].Success ? "s"
                : token.Groups["number"].Success ? "n" : token.Groups["decorator"].Success ? "d" : "k";
            html.Append($"<span class=\"tok-{kind}\">").Append(WebUtility.HtmlEncode(token.Value)).Append("</span>");
            position = token.Index + token.Length;
        }
        return html.Append(WebUtility.HtmlEncode(code[position..])).ToString();
    }

    static readonly Dictionary<Language, Regex> Cache = [];

    static Regex Tokens(Language lang)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(lang, out var regex)) return regex;
            var keywords = string.Join('|', lang.Keywords.Select(Regex.Escape));
            regex = new Regex(
                $"""(?<comment>{Regex.Escape(lang.Comment)}[^\n]*)|(?<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`[^`]*`)|(?<decorator>^\s*@[\w.]+)|(?<number>\b\d+(?:\.\d+)?\b)|(?<keyword>(?<![\w-])(?:{keywords})(?![\w-]))""",
                RegexOptions.Multiline | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
            return Cache[lang] = regex;
        }
    }
}

/// <summary>Renders fenced code with its language named on the block and the tokens highlighted.</summary>
public sealed class HighlightingCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        var language = (block as FencedCodeBlock)?.Info?.Trim().Split(' ')[0] ?? "";
        var code = block.Lines.ToString();
        renderer.EnsureLine();
        if (language.Length == 0)
        {
            renderer.Write("<pre><code>").Write(WebUtility.HtmlEncode(code)).WriteLine("</code></pre>");
            return;
        }
        var encoded = WebUtility.HtmlEncode(language);
        renderer.Write($"<pre data-lang=\"{encoded}\"><code class=\"language-{encoded}\">")
            .Write(CodeHighlighter.Highlight(language, code))
            .WriteLine("</code></pre>");
    }
}
