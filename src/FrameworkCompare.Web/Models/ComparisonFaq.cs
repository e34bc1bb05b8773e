namespace FrameworkCompare.Web.Models;

public static class ComparisonFaq
{
    /// <summary>
    /// The first answers open in place on a comparison page; the rest are links, so the page stays within its
    /// first-load size budget. Only these are in the page's FAQPage markup, which describes answers the page shows.
    /// </summary>
    public const int AnswersInPlace = 2;
}
