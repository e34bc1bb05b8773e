namespace FrameworkCompare.Web.Services;

/// <summary>The public address of the site (<c>Site:PublicUrl</c>), named by canonical links, feeds, the sitemap and JSON-LD.</summary>
public sealed class SiteUrlOptions
{
    public const string Section = "Site";

    /// <summary>Unset, pages name the host they were asked for (which AllowedHosts restricts).</summary>
    public string? PublicUrl { get; set; }

    public Uri? PublicRoot => Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>Unset, or an http(s) root URL: a value the site could not use stops start-up instead of being ignored.</summary>
    public bool IsValid => string.IsNullOrWhiteSpace(PublicUrl) || PublicRoot is { AbsolutePath: "/", Query: "", Fragment: "", UserInfo: "" };

    public const string Invalid = "Site:PublicUrl must be the site's root URL with http or https and nothing after the host, such as https://frameworks.example";
}

public static class SiteUrl
{
    /// <summary>
    /// Every absolute URL the site writes is built from the request's host; with a public URL set, that host is the
    /// public one whatever Host header arrived. The scheme stays the connection's, which the HTTPS-only checks rely on.
    /// </summary>
    public static void AddSiteUrl(this IServiceCollection services) =>
        services.AddOptions<SiteUrlOptions>().BindConfiguration(SiteUrlOptions.Section).Validate(o => o.IsValid, SiteUrlOptions.Invalid).ValidateOnStart();

    public static void UsePublicHost(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SiteUrlOptions.Section).Get<SiteUrlOptions>() ?? new();
        if (!options.IsValid) throw new InvalidOperationException($"{SiteUrlOptions.Invalid} (it is '{options.PublicUrl}')");
        if (options.PublicRoot is not { } root) return;
        var host = new HostString(root.Authority);
        app.Use((context, next) =>
        {
            context.Request.Host = host;
            context.Items[PublicSchemeKey] = root.Scheme;
            return next(context);
        });
    }

    static readonly object PublicSchemeKey = new();

    /// <summary>The scheme links name: the public URL's when one is set (a proxy may end TLS before the site), else the request's.</summary>
    public static string Scheme(HttpRequest request) => request.HttpContext.Items[PublicSchemeKey] as string ?? request.Scheme;

    /// <summary>Scheme, host and path base of every absolute URL the site writes.</summary>
    public static string Origin(HttpRequest request) => $"{Scheme(request)}://{request.Host}{request.PathBase}";
}
