using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Api;
using FrameworkCompare.Web.Areas.Editor;
using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Checks;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.ReadModel;
using FrameworkCompare.Web.Registries;
using FrameworkCompare.Web.Search;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web;

public static class SiteExtensions
{
    public static void AddSiteServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        // The parsers are static and run before any service exists (validate, start-up): their limits are set once here.
        ParseLimits.Current = ParseLimits.From(builder.Configuration.GetSection(ParseLimits.Section));
        services.AddSingleton(TimeProvider.System);

        // Database: a read model of content/ plus durable tables, evolved by migrations.
        services.AddDbContext<SiteDb>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<IConfiguration>().GetConnectionString("Site") ?? "Data Source=data/site.db")
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddScoped<IDatabaseMaintenance, SqliteMaintenance>();
        services.AddSiteAccounts(plainHttpForDevelopment: builder.Environment.IsDevelopment());

        // Content import: once at start-up, then on every change.
        services.AddSingleton(provider => new MarkdownRenderer(provider.GetRequiredService<IOptions<ContentOptions>>().Value.FullPath));
        services.AddSingleton<FrameworkParser>();
        services.AddSingleton<DocumentParser>();
        services.AddSingleton<ParseCounter>();
        services.AddSingleton<ContentReadCounter>();
        services.AddSingleton<ContentPlanner>();
        services.AddSingleton<ContentImporter>();
        services.AddReadModel();
        services.AddHostedService<ContentWatcher>();
        // After the content services: recording outside changes starts once the database is migrated and imported.
        services.AddEditing();
        services.AddEditorArea();
        services.AddSourceChecks();
        services.AddRegistries();
        services.AddSiteSearch();

        // Pages
        services.AddScoped<FrameworkDirectory>();
        services.AddScoped<FactSheet>();
        services.AddScoped<AttributeDirectory>();
        services.AddScoped<FactHistoryService>();
        services.AddScoped<ComparisonService>();
        services.AddScoped<VerdictService>();
        services.AddScoped<SearchService>();
        services.AddScoped<SiteMapService>();
        services.AddScoped<ArticleService>();
        services.AddScoped<AuthorDirectory>();
        services.AddScoped<FaqService>();
        services.AddScoped<RetiredPageLookup>();
        services.AddControllersWithViews(options =>
        {
            options.Conventions.Add(new GetAlsoAnswersHead());
            options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
        }).AddCookieTempDataProvider(options =>
        {
            options.Cookie.Name = builder.Environment.IsDevelopment() ? "fc-notice" : "__Host-fc-notice";
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        // A TLS-terminating proxy on this machine (nginx) says the request was https and who the client is;
        // proxies elsewhere are trusted only when listed in ForwardedHeaders:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddPageCaching();
        Caching.MemoizedLinkGenerator.Register(services);
        services.AddSnapshotSubscriber<TagHelpers.FactCellCache>();
        services.AddSiteApi();
        // Responses do not name the server software.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Security
        services.AddSiteRateLimits();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            // Browsers ignore HSTS on IP literals, so sending it there costs nothing and lets scanners
            // run against 127.0.0.1; localhost stays excluded so developers' other sites are unaffected.
            options.ExcludedHosts.Remove("127.0.0.1");
            options.ExcludedHosts.Remove("[::1]");
        });
    }

    public static void UseSitePipeline(this WebApplication app)
    {
        AfterFirstPage.UseAfterFirstPage(app);
        app.UseForwardedHeaders();
        app.UsePublicHost();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        // Cached pages are answered here, after the redirect and HSTS and ahead of routing; their other headers are replayed.
        app.UseShortPath();
        app.UseMiddleware<SecurityHeaders>();
        // After the security headers, so a 503 while the first snapshot loads carries them too.
        app.UseMiddleware<SnapshotGate>();
        app.UseMiddleware<PrivatePages>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After routing, so the output cache sees each page's policy; static files after compression, so CSS is compressed.
        app.UsePageCaching();
        app.UseStaticFiles(StaticAssets.Options);
        app.UseStaticFiles(StaticAssets.Media(app.Services.GetRequiredService<IOptions<ContentOptions>>().Value));
        app.MapControllers();
        app.MapSiteApiDocument();
    }
}
