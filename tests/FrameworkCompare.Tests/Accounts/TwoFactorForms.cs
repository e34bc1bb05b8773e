using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Accounts;

/// <summary>The two-factor page's forms, filled in the way a person does.</summary>
public static class TwoFactorForms
{
    /// <summary>The key the page offers (as typed into an app) and the protected offer its forms post back.</summary>
    public static async Task<(string Key, string Enrolment, IHtmlDocument Page)> OfferAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetAsync("/account/two-factor"));
        var key = page.QuerySelector(".shared-key")!.TextContent.Replace(" ", "");
        var enrolment = page.QuerySelector("form[action='/account/two-factor/enable'] input[name=Enrolment]")!.GetAttribute("value")!;
        return (key, enrolment, page);
    }

    /// <summary>Posts the enrol form; fields left null are left out, as a forged post would.</summary>
    public static Task<HttpResponseMessage> EnrolAsync(HttpClient client, string? enrolment, string? code, string? password, string? currentCode = null) =>
        client.PostFormAsync("/account/two-factor/enable", Fields(("Enrolment", enrolment), ("Code", code), ("Password", password), ("CurrentCode", currentCode)), formPage: "/account/two-factor");

    public static Task<HttpResponseMessage> DisableAsync(HttpClient client, string? password, string? code) =>
        client.PostFormAsync("/account/two-factor/disable", Fields(("Password", password), ("Code", code)), formPage: "/account/two-factor");

    /// <summary>Turns two-factor on with the offered key and a code one step back, so the current step's code is still unused for signing in.</summary>
    public static async Task<string> TurnOnAsync(HttpClient client, string password = TestAccounts.Password)
    {
        var (key, enrolment, _) = await OfferAsync(client);
        var response = await EnrolAsync(client, enrolment, Totp.Code(key, DateTimeOffset.UtcNow, -1), password);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("on", (await Html.ParseAsync(response)).QuerySelector(".two-factor-state strong")!.TextContent);
        return key;
    }

    public static async Task<string> StateAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector(".two-factor-state strong")!.TextContent;

    public static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent.Trim();

    static Dictionary<string, string> Fields(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!);
}
