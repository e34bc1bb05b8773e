namespace FrameworkCompare.Web.Services;

/// <summary>Code readers copy into other sites (the embed's iframe, a badge's link and image).</summary>
public static class PastedCode
{
    /// <summary>Escapes what would end or break an attribute value in the pasted code, and leaves readable text (the middle dot) as it is.</summary>
    public static string Attribute(string text) => text.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;");
}
