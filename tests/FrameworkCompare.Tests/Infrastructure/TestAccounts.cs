using System.Net;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>Accounts and signed-in clients for tests of the workspace.</summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates an account straight through Identity (the `users add` verb has tests of its own).</summary>
    public static async Task<EditorUser> CreateAccountAsync(this SiteFactory site, string email, string? role, string password = Password)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var user = new EditorUser { UserName = email, Email = email };
        AssertSucceeded(await users.CreateAsync(user, password));
        if (role is not null)
        {
            if (!await roles.RoleExistsAsync(role)) AssertSucceeded(await roles.CreateAsync(new IdentityRole(role)));
            AssertSucceeded(await users.AddToRoleAsync(user, role));
        }
        return user;
    }

    /// <summary>A client on https (the session cookie is Secure and __Host-), with its own cookie jar, not redirected.</summary>
    public static HttpClient CreateBrowserLikeClient(this SiteFactory site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    /// <summary>Signs in through the real sign-in form and returns the client holding the session cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this SiteFactory site, string email, string password = Password)
    {
        var client = site.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Posts a form the way a browser does: after loading the page, with its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await Html.ParseAsync(await client.GetAsync(formPage ?? url));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPage ?? url} has no anti-forgery token");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
