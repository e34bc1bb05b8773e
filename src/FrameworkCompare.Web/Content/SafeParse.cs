using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// The last wall around every parse of one file: whatever a parser throws on hostile input becomes that file's
/// problem, so one bad file never stops an import, a publish of another file, or start-up.
/// </summary>
public static class SafeParse
{
    public static T? Run<T>(string path, List<ContentProblem> problems, Func<T?> parse) where T : class
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            problems.Add(new(path, 1, $"the file could not be read ({e.GetType().Name}): simplify its structure and check it again"));
            return null;
        }
    }
}
