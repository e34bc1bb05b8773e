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
    /// <summary>A language: the regex for its line comments, and its keywords.</summary>
    sealed record Language(string Comment, string[] Keywords);

    const string Hash = "#", Slashes = "//";

    static readonly Language Python = new(Hash, ["def", "class", "return", "if", "elif", "else", "for", "while", "in", "import", "from", "as",
        "with", "async", "await", "try", "except", "finally", "raise", "pass", "None", "True", "False", "and", "or", "not", "lambda", "yield", "is"]);
    static readonly Language JavaScript = new(Slashes, ["const", "let", "var", "function", "return", "if", "else", "for", "while", "import",
        "from", "export", "default", "async", "await", "new", "class", "null", "true", "false", "require", "try", "catch", "throw", "of", "this"]);
    static readonly Language TypeScript = new(Slashes, [.. JavaScript.Keywords, "interface", "type", "enum", "implements", "extends",
        "public", "private", "protected", "readonly", "constructor", "string", "number", "boolean", "void", "any", "unknown"]);
    static readonly Language Ruby = new(Hash, ["def", "end", "class", "module", "if", "elsif", "else", "unless", "do", "return", "require",
        "nil", "true", "false", "self", "yield", "begin", "rescue", "ensure", "while", "each", "attr_accessor", "private", "and", "or", "not"]);
    // PHP also reads # as a line comment, except where #[ opens an attribute.
    static readonly Language Php = new(@"//|#(?!\[)", ["function", "class", "return", "if", "else", "elseif", "foreach", "as", "use",
        "namespace", "new", "public", "private", "protected", "static", "extends", "implements", "null", "true", "false", "echo", "fn", "array", "string", "int"]);
    static readonly Language Java = new(Slashes, ["class", "interface", "public", "private", "protected", "static", "final", "void", "return",
        "if", "else", "for", "while", "new", "import", "package", "extends", "implements", "null", "true", "false", "record", "var", "throws", "String", "int", "long"]);
    static readonly Language CSharp = new(Slashes, ["using", "namespace", "class", "record", "interface", "public", "private", "protected",
        "internal", "static", "readonly", "void", "return", "if", "else", "foreach", "for", "while", "new", "var", "null", "true", "false",
        "async", "await", "string", "int", "long", "bool", "this", "is", "not"]);
    static readonly Language Elixir = new(Hash, ["def", "defp", "defmodule", "do", "end", "fn", "use", "import", "alias", "require",
        "case", "cond", "with", "if", "else", "nil", "true", "false", "when"]);
    static readonly Language Go = new(Slashes, ["package", "import", "func", "return", "if", "else", "for", "range", "var", "const", "type",
        "struct", "interface", "map", "go", "defer", "nil", "true", "false", "err", "string", "int", "error"]);
    static readonly Language Rust = new(Slashes, ["fn", "let", "mut", "use", "pub", "struct", "enum", "impl", "trait", "match", "if", "else",
        "for", "in", "return", "async", "await", "mod", "crate", "self", "Self", "true", "false", "Some", "None", "Ok", "Err", "String", "move"]);
    static readonly Language Shell = new(Hash, ["pip", "python", "npm", "npx", "node", "export", "cd", "django-admin", "flask", "uvicorn", "gunicorn",
        "gem", "rails", "bundle", "composer", "php", "mix", "go", "cargo", "dotnet", "mvn", "gradle"]);
    static readonly Language Yaml = new(Hash, ["true", "false", "null"]);
    // Django and Jinja templates: {# #} comments and the tag names.
    static readonly Language Template = new("{#", ["block", "endblock", "extends", "include", "for", "endfor", "if", "elif", "else", "endif",
        "in", "url", "csrf_token", "load", "static", "with", "endwith", "not", "and", "or"]);

    static readonly Dictionary<string, Language> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["python"] = Python, ["py"] = Python,
        ["javascript"] = JavaScript, ["js"] = JavaScript, ["jsx"] = JavaScript, ["mjs"] = JavaScript,
        ["typescript"] = TypeScript, ["ts"] = TypeScript, ["tsx"] = TypeScript,
        ["ruby"] = Ruby, ["rb"] = Ruby,
        ["php"] = Php,
        ["java"] = Java,
        ["csharp"] = CSharp, ["cs"] = CSharp, ["c#"] = CSharp,
        ["elixir"] = Elixir, ["ex"] = Elixir, ["exs"] = Elixir,
        ["go"] = Go, ["golang"] = Go,
        ["rust"] = Rust, ["rs"] = Rust,
        ["shell"] = Shell, ["bash"] = Shell, ["sh"] = Shell, ["console"] = Shell,
        ["django"] = Template, ["jinja"] = Template, ["jinja2"] = Template, ["html+django"] = Template,
        ["yaml"] = Yaml, ["yml"] = Yaml, ["toml"] = Yaml, ["ini"] = Yaml,
    };

    /// <summary>Whether fenced code in this language is highlighted rather than shown plain.</summary>
    public static bool Knows(string language) => Languages.ContainsKey(language);

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

    // Comment markers are literal text; PHP's alone is a pattern.
    static string Comment(Language lang) => lang == Php ? lang.Comment : Regex.Escape(lang.Comment);

    static Regex Tokens(Language lang)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(lang, out var regex)) return regex;
            var keywords = string.Join('|', lang.Keywords.Select(Regex.Escape));
            regex = new Regex(
                $"""(?<comment>(?:{Comment(lang)})[^\n]*)|(?<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`[^`]*`)|(?<decorator>^\s*@[\w.]+)|(?<number>\b\d+(?:\.\d+)?\b)|(?<keyword>(?<![\w-])(?:{keywords})(?![\w-]))""",
                RegexOptions.Multiline | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
            return Cache[lang] = regex;
        }
    }
}

/// <summary>Renders fenced code with its language named on the block and the tokens highlighted.</summary>
public sealed class HighlightingCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    const string ScrollBox = "role=\"region\" tabindex=\"0\" aria-label";

    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        var language = (block as FencedCodeBlock)?.Info?.Trim().Split(' ')[0] ?? "";
        var code = block.Lines.ToString();
        renderer.EnsureLine();
        // A long line scrolls inside the block, so the block is a named region keyboard users can focus and scroll.
        if (language.Length == 0)
        {
            renderer.Write($"<pre {ScrollBox}=\"Code example\"><code>").Write(WebUtility.HtmlEncode(code)).WriteLine("</code></pre>");
            return;
        }
        var encoded = WebUtility.HtmlEncode(language);
        renderer.Write($"<pre data-lang=\"{encoded}\" {ScrollBox}=\"Code example, {encoded}\"><code class=\"language-{encoded}\">")
            .Write(CodeHighlighter.Highlight(language, code))
            .WriteLine("</code></pre>");
    }
}
