using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FrameworkCompare.Web.Accounts;

/// <summary>ASP.NET Core Identity over the site's database: accounts, roles, cookies and anti-forgery.</summary>
public static class AccountSetup
{
    public const string SessionCookie = "__Host-fc-session", AntiforgeryCookie = "__Host-fc-af";

    /// <summary>
    /// Cookies are __Host- prefixed and Secure, so signing in needs HTTPS (directly or through a proxy that says so).
    /// <paramref name="plainHttpForDevelopment"/> drops the prefix and sends cookies as the request came, for
    /// `dotnet run` on http://localhost only.
    /// </summary>
    public static void AddSiteAccounts(this IServiceCollection services, bool plainHttpForDevelopment)
    {
        var secure = plainHttpForDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        string Name(string name) => plainHttpForDevelopment ? name.Replace("__Host-", "") : name;
        services.AddIdentity<EditorUser, IdentityRole>(options =>
            {
                // OWASP ASVS 5.0: length, not composition; common and personal passwords are refused by PasswordPolicy.
                options.Password.RequiredLength = PasswordPolicy.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<SiteDb>()
            .AddUserStore<TrackingUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<PasswordPolicy>();
        services.AddScoped<AuditLog>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<TwoFactorSettings>();
        services.AddScoped<AuthenticatorSteps>();
        services.AddScoped<SessionStore>();
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<BrowserBinding>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SignedOutChallenge>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = Name(SessionCookie);
            options.Cookie.SecurePolicy = secure;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(2);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            // Server-side sessions checked on every request, in place of Identity's stamp check every 30 minutes.
            options.EventsType = typeof(SessionCookieEvents);
        });
        // Identity's other cookies (the half-signed-in state of two-factor sign-in) get the same protections.
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.Name = Name("__Host-fc-" + scheme.Replace("Identity.", "").ToLowerInvariant());
                options.Cookie.SecurePolicy = secure;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = Name(AntiforgeryCookie);
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Edit, p => p.RequireRole(Roles.Admin, Roles.Editor, Roles.Contributor))
            .AddPolicy(Policies.Publish, p => p.RequireRole(Roles.Publishers))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
    }
}
