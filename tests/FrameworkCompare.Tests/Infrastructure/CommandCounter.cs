using System.Data.Common;
using FrameworkCompare.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>
/// Counts the SQL statements each request runs, at the connection: SQLite's own trace hook sees every statement
/// (EF Core's and raw ADO.NET commands alike). Only statements run inside the request's flow count, not background work.
/// </summary>
public sealed class CommandCounter
{
    public const string RequestHeader = "X-Count-Commands";
    static readonly AsyncLocal<Tally?> Current = new();
    readonly Dictionary<string, Tally> byRequest = [];

    sealed class Tally
    {
        public readonly List<string> Statements = [];
    }

    /// <summary>The statements the request sent with <see cref="RequestHeader"/>: <paramref name="id"/> ran.</summary>
    public IReadOnlyList<string> Of(string id)
    {
        lock (byRequest) return byRequest.TryGetValue(id, out var tally) ? [.. tally.Statements] : [];
    }

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SiteDb>(options => options.AddInterceptors(new TraceOnOpen()));
        services.AddSingleton<IStartupFilter>(new MarkRequests(this));
    }

    sealed class TraceOnOpen : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Trace(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct)
        {
            Trace(connection);
            return Task.CompletedTask;
        }

        static void Trace(DbConnection connection) =>
            SQLitePCL.raw.sqlite3_trace(((SqliteConnection)connection).Handle, (_, sql) =>
            {
                if (Current.Value is { } tally) lock (tally) tally.Statements.Add(sql);
            }, null);
    }

    sealed class MarkRequests(CommandCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext http, RequestDelegate rest) =>
            {
                if (http.Request.Headers[RequestHeader].ToString() is { Length: > 0 } id)
                {
                    var tally = new Tally();
                    lock (counter.byRequest) counter.byRequest[id] = tally;
                    Current.Value = tally;
                }
                await rest(http);
            });
            next(app);
        };
    }
}
