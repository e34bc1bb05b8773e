using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using FrameworkCompare.Web.Data;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>
/// Every SQL statement SQLite runs on the site's connections, with the request that ran it. Counted by SQLite's own
/// trace hook on each connection, so raw ADO.NET commands count as well as EF Core's, and each statement of a batch.
/// Background work (imports, the search build, hosted services) belongs to no request and never counts against one.
/// </summary>
public sealed class CommandCounter
{
    readonly ConcurrentQueue<(string? Request, string Sql)> statements = new();
    readonly TraceOnOpen hook;
    IHttpContextAccessor? requests;

    public CommandCounter() => hook = new TraceOnOpen(this);

    /// <summary>The statements requests for this path and query ran ("/search?q=django"), in order.</summary>
    public IReadOnlyList<string> Of(string pathAndQuery) =>
        statements.Where(s => s.Request == pathAndQuery).Select(s => s.Sql).ToList();

    public void Clear() => statements.Clear();

    /// <summary>Adds the hook to the site's database context; for ConfigureTestServices.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(this);
        services.ConfigureDbContext<SiteDb>((provider, options) =>
        {
            requests = provider.GetRequiredService<IHttpContextAccessor>();
            options.AddInterceptors(hook);
        });
    }

    void Record(string sql)
    {
        // The trace callback runs on the thread stepping the statement, inside the caller's async flow.
        var request = requests?.HttpContext?.Request;
        statements.Enqueue((request is null ? null : request.Path + request.QueryString, sql));
    }

    sealed class TraceOnOpen(CommandCounter counter) : DbConnectionInterceptor
    {
        // Pooled handles keep their hook between opens; setting it again replaces it with the same one.
        readonly strdelegate_trace trace = (_, sql) => counter.Record(sql);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Hook(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Hook(connection);
            return Task.CompletedTask;
        }

        void Hook(DbConnection connection) => raw.sqlite3_trace(((SqliteConnection)connection).Handle, trace, null);
    }
}

/// <summary>A site whose database statements are counted per request.</summary>
public sealed class CountedSite(TestContent? content = null) : SiteFactory(content)
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(Commands.Register);
    }
}
