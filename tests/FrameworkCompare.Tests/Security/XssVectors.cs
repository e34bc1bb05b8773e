using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// Classic filter-evasion cases and Markdown-specific ones, each of which must reach the page as
/// inert text or a dropped link, never as script.
/// </summary>
public static class XssVectors
{
    public static readonly string[] All =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;avascript:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click]( javascript:alert(1))",
        "[click](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "[ref][x] and [x]: javascript:alert(1)",
        "![img](javascript:alert(1))",
        "![img](x\" onerror=\"alert(1))",
        "[a](vbscript:msgbox(1))",
        "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=javascript:alert(1)>",
        "<body onload=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "\"><script>alert(1)</script>",
        "'><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=javascript:alert(&quot;XSS&quot;)>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<details open ontoggle=alert(1)>",
        "<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>",
        "[x](javascript://%0aalert(1))",
        "[x](javascript:alert%281%29)",
        "<http://example.com\" onmouseover=\"alert(1)>",
        "[x](https://example.com \"title\\\" onmouseover=\\\"alert(1)\")",
        "{{constructor.constructor('alert(1)')()}}",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
        "<style>@import 'javascript:alert(1)';</style>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "![x](https://example.com/x.png){onerror=alert(1)}",
        "[x](https://example.com){onclick=alert(1)}",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "`<script>alert(1)</script>` and ```<img src=x onerror=alert(1)>```",
        "[x](javascript\\:alert(1))",
        "[![img](javascript:alert(1))](javascript:alert(2))",
        "<scr<script>ipt>alert(1)</script>",
        "\u2028<script>alert(1)</script>\u2029",
    ];

    /// <summary>A reference link needs its definition on a line of its own; only bodies can carry it.</summary>
    public const string ReferenceLinkBody = "A [reference][evil] link and an ![image][evil].\n\n[evil]: javascript:alert(1)\n";

    static string Yaml(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>
    /// Puts vector i into article xss-i (title, summary, body), FAQ xss-i (question, topic, answer) and
    /// framework xi (name, summary, a note, a pro, the overview).
    /// </summary>
    public static TestContent WriteContent(TestContent content)
    {
        for (var i = 0; i < All.Length; i++)
        {
            var v = All[i];
            var inYaml = v.Contains('\u2028') ? "unicode separators" : v;
            content.Write($"articles/xss-{i}.md", TestContent.Article($"xss-{i}", Yaml(inYaml), "[django]")
                .Replace("summary: A summary of", $"summary: {Yaml(inYaml)}\nsumm:").Replace("\nsumm:", "\n#")
                .Replace("## First part", $"## First part\n\n{v}\n\n{ReferenceLinkBody}"));
            content.Write($"faq/xss-{i}.md", $"---\nquestion: {Yaml(inYaml)}\ntopic: {Yaml(inYaml)}\nframeworks: [django, x{i}]\n---\n{v}\n\n{ReferenceLinkBody}");
            content.Write($"frameworks/x{i}.md", TestContent.Framework($"x{i}", "NAME")
                .Replace("name: NAME", $"name: {Yaml(inYaml)}")
                .Replace("summary: NAME in one line.", $"summary: {Yaml(inYaml)}")
                .Replace("- text: NAME has a strong point.", $"- text: {Yaml(inYaml)}")
                .Replace("note: Note about NAME's ORM", $"note: {Yaml(inYaml)}")
                .Replace("## About NAME", $"## About\n\n{v}"));
        }
        return content;
    }
}
