using System.Text;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Proves, without building a DOM, that a piece of HTML holds nothing the second wall (Ganss.Xss.HtmlSanitizer) would
/// remove or move, and then writes it as the sanitizer writes it back (AngleSharp's serialisation: <c>&lt;br&gt;</c>
/// for <c>&lt;br /&gt;</c>, characters for numeric entities, <c>&amp;nbsp;</c> for U+00A0). The sanitizer re-parses the
/// whole body into a DOM, which was more than half of the import's Markdown time; Markdig's own output almost always
/// passes this proof.
/// <para>
/// The proof is deliberately narrow: the elements and attributes this site's pipeline writes, in the nesting it writes
/// them, each end tag matching its start tag, only the entities Markdig and <see cref="System.Net.WebUtility"/> write,
/// and link targets the sanitizer keeps as they are. Anything else, however harmless, answers null, and the caller
/// runs the full sanitizer. The property tests in SanitizerFastPathProperties check that whenever this answers, the
/// answer is byte for byte what the sanitizer gives for the same input.
/// </para>
/// </summary>
internal sealed class SanitizerFastPath
{
    enum Content
    {
        /// <summary>Blocks, phrasing and text: the parser never restructures what is inside.</summary>
        Flow,
        /// <summary>Only phrasing elements and text: a block start tag here would close a &lt;p&gt; or heading.</summary>
        Phrasing,
        /// <summary>Table sections, rows: only the named children and white space, or the parser fosters content out.</summary>
        TableParts,
        /// <summary>A list: only &lt;li&gt; and white space.</summary>
        ListItems,
        /// <summary>A void element: no content and no end tag.</summary>
        Void,
    }

    sealed record Rule(Content Content, bool IsBlock, string[] Attributes, string[]? Parents = null, string[]? Children = null);

    static readonly string[] None = [];

    /// <summary>What the pipeline writes (Markdig with this site's extensions and renderers), and nothing more.</summary>
    static readonly Dictionary<string, Rule> Known = new(StringComparer.Ordinal)
    {
        ["p"] = new(Content.Phrasing, true, None),
        ["h1"] = new(Content.Phrasing, true, ["id"]),
        ["h2"] = new(Content.Phrasing, true, ["id"]),
        ["h3"] = new(Content.Phrasing, true, ["id"]),
        ["h4"] = new(Content.Phrasing, true, ["id"]),
        ["h5"] = new(Content.Phrasing, true, ["id"]),
        ["h6"] = new(Content.Phrasing, true, ["id"]),
        ["blockquote"] = new(Content.Flow, true, None),
        ["div"] = new(Content.Flow, true, ["class", "role", "tabindex", "aria-label"]),
        ["ul"] = new(Content.ListItems, true, ["class"]),
        ["ol"] = new(Content.ListItems, true, ["class", "start"]),
        ["li"] = new(Content.Flow, true, ["id", "class"], Parents: ["ul", "ol"]),
        ["pre"] = new(Content.Phrasing, true, ["data-lang", "role", "tabindex", "aria-label"]),
        ["hr"] = new(Content.Void, true, None),
        ["table"] = new(Content.TableParts, true, None, Children: ["thead", "tbody"]),
        ["thead"] = new(Content.TableParts, false, None, Parents: ["table"], Children: ["tr"]),
        ["tbody"] = new(Content.TableParts, false, None, Parents: ["table"], Children: ["tr"]),
        ["tr"] = new(Content.TableParts, false, None, Parents: ["thead", "tbody"], Children: ["th", "td"]),
        ["th"] = new(Content.Phrasing, false, None, Parents: ["tr"]),
        ["td"] = new(Content.Phrasing, false, None, Parents: ["tr"]),
        ["a"] = new(Content.Phrasing, false, ["href", "title", "id", "class"]),
        ["em"] = new(Content.Phrasing, false, None),
        ["strong"] = new(Content.Phrasing, false, None),
        ["code"] = new(Content.Phrasing, false, ["class"]),
        ["span"] = new(Content.Phrasing, false, ["class"]),
        ["del"] = new(Content.Phrasing, false, None),
        ["ins"] = new(Content.Phrasing, false, None),
        ["mark"] = new(Content.Phrasing, false, None),
        ["sub"] = new(Content.Phrasing, false, None),
        ["sup"] = new(Content.Phrasing, false, None),
        ["br"] = new(Content.Void, false, None),
        ["img"] = new(Content.Void, false, ["src", "alt", "title"]),
        ["input"] = new(Content.Void, false, ["class", "disabled", "type", "checked"]),
    };

    readonly Dictionary<string, Rule> rules;
    readonly HashSet<string> allowedAttributes;
    readonly HashSet<string> urlAttributes;
    readonly HashSet<string> allowedSchemes;
    readonly Func<string, string, string, string?, bool> keepsAttribute;

    /// <param name="sanitizer">The second wall: its allowed tags, attributes and schemes bound what passes here.</param>
    /// <param name="keepsAttribute">
    /// The sanitizer's own exception for an attribute it does not allow (element, attribute, value, the element's class).
    /// </param>
    public SanitizerFastPath(Ganss.Xss.HtmlSanitizer sanitizer, Func<string, string, string, string?, bool> keepsAttribute)
    {
        this.keepsAttribute = keepsAttribute;
        // With a class filter or a base URL the sanitizer rewrites values; this proof does not model either.
        var usable = sanitizer.AllowedClasses.Count == 0 && !sanitizer.AllowDataAttributes;
        rules = usable
            ? Known.Where(r => sanitizer.AllowedTags.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal)
            : [];
        allowedAttributes = new(sanitizer.AllowedAttributes, StringComparer.OrdinalIgnoreCase);
        urlAttributes = new(sanitizer.UriAttributes, StringComparer.OrdinalIgnoreCase);
        allowedSchemes = new(sanitizer.AllowedSchemes, StringComparer.OrdinalIgnoreCase);
    }

    readonly struct Open(string name, Rule rule)
    {
        public readonly string Name = name;
        public readonly Rule Rule = rule;
    }

    /// <summary>What the sanitizer would answer for <paramref name="html"/>, or null when that is not proven.</summary>
    public string? TryCanonical(string html)
    {
        var output = new StringBuilder(html.Length);
        var stack = new List<Open>(16);
        var attributes = new List<(string Name, string Value)>(4);
        var insideLink = 0;
        var afterPreStart = false;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            var rightAfterPre = afterPreStart;
            afterPreStart = false;
            if (c != '<')
            {
                // The parser drops a newline right after <pre>.
                if (rightAfterPre && c == '\n') return null;
                // Text. Where the parser keeps only white space, anything else is moved: refuse.
                var whiteOnly = true;
                while (i < html.Length && html[i] != '<')
                {
                    if (!TryReadChar(html, ref i, out var value, out var pair)) return null;
                    if (value is not (' ' or '\n' or '\t')) whiteOnly = false;
                    WriteText(output, value, pair);
                }
                if (stack.Count > 0 && stack[^1].Rule.Content is Content.TableParts or Content.ListItems && !whiteOnly) return null;
                continue;
            }

            if (i + 1 < html.Length && html[i + 1] == '/')
            {
                var nameStart = i + 2;
                var nameEnd = ReadName(html, nameStart);
                if (nameEnd == nameStart || nameEnd >= html.Length || html[nameEnd] != '>') return null;
                var name = html.AsSpan(nameStart, nameEnd - nameStart);
                if (stack.Count == 0 || !name.SequenceEqual(stack[^1].Name)) return null;
                var closed = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                if (closed.Name == "a") insideLink--;
                output.Append("</").Append(closed.Name).Append('>');
                i = nameEnd + 1;
                continue;
            }

            // A start tag exactly as Markdig writes one: <name attr="value" …> or, for a void element, <name … />.
            var tagStart = i + 1;
            var tagEnd = ReadName(html, tagStart);
            if (tagEnd == tagStart) return null;
            var tag = html.Substring(tagStart, tagEnd - tagStart);
            if (!rules.TryGetValue(tag, out var rule)) return null;
            i = tagEnd;
            attributes.Clear();
            var selfClosed = false;
            while (true)
            {
                if (i >= html.Length) return null;
                if (html[i] == '>') { i++; break; }
                if (html[i] != ' ') return null;
                i++;
                if (i + 1 < html.Length && html[i] == '/' && html[i + 1] == '>') { selfClosed = true; i += 2; break; }
                var attrEnd = ReadName(html, i);
                if (attrEnd == i || attrEnd + 1 >= html.Length || html[attrEnd] != '=' || html[attrEnd + 1] != '"') return null;
                var attrName = html.Substring(i, attrEnd - i);
                i = attrEnd + 2;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= html.Length) return null;
                    if (html[i] == '"') { i++; break; }
                    if (html[i] == '<') return null;
                    if (!TryReadChar(html, ref i, out var ch, out var pair)) return null;
                    value.Append(ch);
                    if (pair != '\0') value.Append(pair);
                }
                foreach (var seen in attributes)
                    if (seen.Name == attrName) return null;
                attributes.Add((attrName, value.ToString()));
            }
            if (selfClosed && rule.Content != Content.Void) return null;

            // Where it may stand.
            var parent = stack.Count > 0 ? stack[^1] : default;
            var parentContent = stack.Count > 0 ? parent.Rule.Content : Content.Flow;
            if (rule.Parents is not null && (stack.Count == 0 || Array.IndexOf(rule.Parents, parent.Name) < 0)) return null;
            switch (parentContent)
            {
                case Content.Phrasing when rule.IsBlock:
                case Content.TableParts when parent.Rule.Children is not { } children || Array.IndexOf(children, tag) < 0:
                case Content.ListItems when tag != "li":
                    return null;
            }
            if (rule.Parents is null && !rule.IsBlock && parentContent != Content.Phrasing && parentContent != Content.Flow) return null;
            if (tag == "a" && insideLink > 0) return null;

            if (!AttributesKept(tag, rule, attributes)) return null;
            output.Append('<').Append(tag);
            foreach (var (name, value) in attributes)
            {
                output.Append(' ').Append(name).Append("=\"");
                WriteAttributeValue(output, value);
                output.Append('"');
            }
            output.Append('>');
            if (rule.Content != Content.Void)
            {
                stack.Add(new Open(tag, rule));
                if (tag == "a") insideLink++;
                afterPreStart = tag == "pre";
            }
        }
        return stack.Count == 0 ? output.ToString() : null;
    }

    bool AttributesKept(string tag, Rule rule, List<(string Name, string Value)> attributes)
    {
        string? className = null;
        foreach (var (name, value) in attributes)
            if (name == "class") className = value;
        foreach (var (name, value) in attributes)
        {
            if (Array.IndexOf(rule.Attributes, name) < 0) return false;
            if (!allowedAttributes.Contains(name) && !keepsAttribute(tag, name, value, className)) return false;
            // The sanitizer drops any attribute holding "&{" (JavaScript includes of old browsers).
            if (value.Contains("&{", StringComparison.Ordinal)) return false;
            if (urlAttributes.Contains(name) && !UrlKept(value)) return false;
        }
        return true;
    }

    /// <summary>
    /// The sanitizer keeps a URL as it is (no base URL is set) when it has no scheme, or an allowed one. It finds the
    /// scheme as the text before the first ':' with no '/' or '#' before it; entity forms of ':' and leading white
    /// space are refused here rather than modelled.
    /// </summary>
    bool UrlKept(string url)
    {
        if (url.Length > 0 && char.IsWhiteSpace(url[0])) return false;
        if (url.Contains("&#", StringComparison.Ordinal)) return false;
        var colon = url.IndexOf(':');
        if (colon < 0) return true;
        if (url.AsSpan(0, colon).IndexOfAny('/', '#') >= 0) return true;
        return allowedSchemes.Contains(url[..colon]);
    }

    static int ReadName(string html, int at)
    {
        while (at < html.Length && html[at] is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') at++;
        return at;
    }

    /// <summary>
    /// One character of text or attribute value, decoding the entities Markdig and WebUtility.HtmlEncode write.
    /// Refuses control characters, carriage returns (the parser rewrites them), lone surrogates, noncharacters and any
    /// other entity.
    /// </summary>
    static bool TryReadChar(string html, ref int i, out char value, out char pair)
    {
        pair = '\0';
        var c = html[i];
        if (c != '&')
        {
            value = c;
            i++;
            if (char.IsHighSurrogate(c))
            {
                if (i >= html.Length || !char.IsLowSurrogate(html[i])) return false;
                pair = html[i++];
                return IsPlainCodePoint(char.ConvertToUtf32(c, pair));
            }
            return IsPlainCodePoint(c);
        }
        value = '\0';
        var semicolon = html.IndexOf(';', i + 1, Math.Min(12, html.Length - i - 1));
        if (semicolon < 0) return false;
        var entity = html.AsSpan(i + 1, semicolon - i - 1);
        i = semicolon + 1;
        switch (entity)
        {
            case "amp": value = '&'; return true;
            case "lt": value = '<'; return true;
            case "gt": value = '>'; return true;
            case "quot": value = '"'; return true;
        }
        if (entity.Length < 2 || entity[0] != '#') return false;
        int code;
        if (entity[1] is 'x' or 'X')
        {
            if (!int.TryParse(entity[2..], System.Globalization.NumberStyles.AllowHexSpecifier, null, out code) || entity.Length > 8) return false;
        }
        else if (entity.Length > 8 || !int.TryParse(entity[1..], System.Globalization.NumberStyles.None, null, out code)) return false;
        if (!IsPlainCodePoint(code) || code is '\n' or '\t') return false;
        if (code < 0x10000)
        {
            if (code is >= 0xD800 and <= 0xDFFF) return false;
            value = (char)code;
            return true;
        }
        var text = char.ConvertFromUtf32(code);
        value = text[0];
        pair = text[1];
        return true;
    }

    static bool IsPlainCodePoint(int code) =>
        code is '\n' or '\t' or (>= 0x20 and < 0x7F) or (>= 0xA0 and < 0xD800) or (>= 0xE000 and < 0xFDD0) or (> 0xFDEF and < 0xFFFE)
        || (code is >= 0x10000 and <= 0x10FFFF && (code & 0xFFFE) != 0xFFFE);

    // AngleSharp's text escaping, which the sanitizer's formatter keeps.
    static void WriteText(StringBuilder output, char value, char pair)
    {
        switch (value)
        {
            case '&': output.Append("&amp;"); break;
            case '\u00a0': output.Append("&nbsp;"); break;
            case '<': output.Append("&lt;"); break;
            case '>': output.Append("&gt;"); break;
            default:
                output.Append(value);
                if (pair != '\0') output.Append(pair);
                break;
        }
    }

    // Ganss.Xss.HtmlFormatter's attribute escaping.
    static void WriteAttributeValue(StringBuilder output, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '\u00a0': output.Append("&nbsp;"); break;
                case '"': output.Append("&quot;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                default: output.Append(c); break;
            }
        }
    }
}
