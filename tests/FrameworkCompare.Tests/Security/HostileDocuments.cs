namespace FrameworkCompare.Tests.Security;

/// <summary>
/// Documents built to crash or stall a parser, one per class: nesting in YAML (flow and block, sequences and mappings)
/// and in Markdown (quotes, lists, brackets, emphasis), aliases as keys and as values, keys that are not text, and size.
/// Each is a whole FAQ file, valid apart from its attack.
/// </summary>
public static class HostileDocuments
{
    public const int Deep = 100_000;

    static string Faq(string frontMatterExtra, string body = "A short answer.") =>
        $"---\nquestion: Is this hostile?\ntopic: Choosing\nframeworks: [django]\n{frontMatterExtra}---\n{body}\n";

    static string AliasBomb(int depth, bool asKey)
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= depth; i++)
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]");
        lines.Add(asKey ? $"? *a{depth}\n: boom" : $"boom: *a{depth}");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Each case: a name for the test output, the file's text, and a word the reported problem must contain.</summary>
    public static IEnumerable<(string Name, string Text, string Expect)> All()
    {
        yield return ("flow sequences 100,000 deep", Faq("tags: " + new string('[', Deep) + new string(']', Deep) + "\n"), "nests deeper");
        yield return ("flow mappings 50,000 deep", Faq("tags: " + string.Concat(Enumerable.Repeat("{a: ", Deep / 2)) + "b" + new string('}', Deep / 2) + "\n"), "nests deeper");
        yield return ("block mappings 100 deep", Faq(string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "k:\n")) + new string(' ', 200) + "v\n"), "nests deeper");
        yield return ("block sequences 100 deep", Faq("tags:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "-\n")) + new string(' ', 200) + "x\n"), "nests deeper");
        yield return ("alias bomb as a key", Faq(AliasBomb(9, asKey: true)), "alias");
        yield return ("alias bomb as a value", Faq(AliasBomb(9, asKey: false)), "repeat more than");
        yield return ("a sequence as a key", Faq("[a, b]: x\n"), "plain text");
        yield return ("a mapping as a key", Faq("? {a: b}\n: x\n"), "plain text");
        yield return ("a block sequence as a key", Faq("? - a\n  - b\n: x\n"), "plain text");
        yield return ("120,000 values", Faq("tags: [" + string.Join(",", Enumerable.Repeat("x", 120_000)) + "]\n"), "values");
        yield return ("front matter over 256 KB", Faq("summary: " + new string('a', 300 * 1024) + "\n"), "KB");
        yield return ("block quotes 100,000 deep", Faq("", new string('>', Deep) + " deep"), "nests");
        yield return ("lists 100,000 deep", Faq("", string.Concat(Enumerable.Repeat("- ", Deep)) + "x"), "nests");
        yield return ("nested lists by indentation", Faq("", string.Join('\n', Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- x"))), "nest");
        yield return ("brackets 100,000 deep", Faq("", new string('[', Deep) + "x" + new string(']', Deep)), "nests");
        yield return ("emphasis 20,000 deep", Faq("", string.Concat(Enumerable.Repeat("*a ", 20_000)) + string.Concat(Enumerable.Repeat(" a*", 20_000))), "nests");
        yield return ("links inside links", Faq("", string.Concat(Enumerable.Repeat("[a](", 20_000)) + "x" + new string(')', 20_000)), "");
        yield return ("a body over 512 KB", Faq("", new string('a', 600 * 1024)), "KB");
    }

    public static IEnumerable<object[]> Names() => All().Select(c => new object[] { c.Name });

    public static (string Text, string Expect) Named(string name) => All().Where(c => c.Name == name).Select(c => (c.Text, c.Expect)).Single();
}
