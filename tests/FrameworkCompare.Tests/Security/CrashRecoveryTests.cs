using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FrameworkCompare.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FrameworkCompare.Tests.Security;

/// <summary>SIGKILL in the middle of an import must leave a database that, after a restart, equals a clean import.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    const int Articles = 400;
    readonly TestContent content = new();
    readonly string folder = Directory.CreateTempSubdirectory("fc-crash-").FullName;

    public CrashRecoveryTests()
    {
        var body = string.Concat(Enumerable.Range(0, 40).Select(i => $"## Part {i}\n\nSome words about part {i}, with `code` and a [link](https://example.org/{i}).\n\n"));
        for (var i = 0; i < Articles; i++)
            content.Write($"articles/bulk-{i}.md", TestContent.Article($"bulk-{i}", $"Bulk article {i}", "[django, flask]") + body);
    }

    public void Dispose()
    {
        content.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task KillingTheProcessMidImportLeavesADatabaseEqualToACleanImport()
    {
        var crashed = Path.Combine(folder, "crashed.db");
        // First kill: the moment the importer says it starts writing, so certainly before its commit.
        // Second kill: once the transaction has written to the WAL, or a moment later.
        for (var kill = 0; kill < 2; kill++)
            for (var attempt = 1; ; attempt++)
            {
                using var site = Start(crashed);
                await site.WaitUntilAsync(() => site.Output.Contains("Writing "));
                var walBefore = WalSize(crashed);
                if (kill == 1) await site.WaitUntilAsync(() => WalSize(crashed) > walBefore, orAfter: TimeSpan.FromMilliseconds(300));
                site.Process.Kill(entireProcessTree: true); // SIGKILL on Linux
                await site.Process.WaitForExitAsync();
                var committed = CountAndResetWal(crashed, "ContentFiles");
                if (kill == 1 || committed == 0) break;
                // The log line reaches the test through a logger queue and a pipe: on a busy machine the import can
                // commit first. The first kill must land before the commit, so it is tried again on a new database.
                Assert.True(attempt < 5, $"five kills after the importer's 'Writing' line all came after its commit ({committed} rows)");
                foreach (var file in new[] { crashed, crashed + "-wal", crashed + "-shm" }) File.Delete(file);
            }
        using (var restarted = Start(crashed)) await restarted.WaitUntilServingAsync();

        var clean = Path.Combine(folder, "clean.db");
        using (var fresh = Start(clean)) await fresh.WaitUntilServingAsync();

        var (expected, actual) = (Dump(clean), Dump(crashed));
        Assert.Equal(Articles + 1, actual.Split('\n').Count(l => l.StartsWith("Articles|")));
        Assert.Equal(expected, actual);
    }

    sealed class RunningSite(Process process, int port) : IDisposable
    {
        public Process Process => process;

        readonly System.Text.StringBuilder output = new();

        public string Output { get { lock (output) return output.ToString(); } }

        public void Append(string? line)
        {
            if (line is not null) lock (output) output.AppendLine(line);
        }

        public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? orAfter = null)
        {
            var started = DateTime.UtcNow;
            while (!condition())
            {
                if (orAfter is { } enough && DateTime.UtcNow - started > enough) return;
                Assert.False(process.HasExited, "the site exited early");
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(3), "timed out waiting for the import to start writing");
                await Task.Delay(5);
            }
        }

        public async Task WaitUntilServingAsync()
        {
            using var http = new HttpClient();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(process.HasExited, "the site exited before serving");
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/")).StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { }
                await Task.Delay(100);
            }
            Assert.Fail("the site did not start serving within two minutes");
        }

        public void Dispose()
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(); }
            process.Dispose();
        }
    }

    RunningSite Start(string database)
    {
        var port = FreePort();
        var web = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { web, "--urls", $"http://127.0.0.1:{port}", $"--Content:Path={content.Root}", "--Content:Watch=false",
                $"--ConnectionStrings:Site=Data Source={database}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__FrameworkCompare.Web.Content.ContentImporter"] = "Information",
            },
        };
        var process = Process.Start(start)!;
        var site = new RunningSite(process, port);
        process.OutputDataReceived += (_, e) => site.Append(e.Data);
        process.ErrorDataReceived += (_, e) => site.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static long WalSize(string database) => File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0;

    /// <summary>Counts committed rows, then empties the WAL so the next run's writes show as growth again.</summary>
    static long CountAndResetWal(string database, string table)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        var count = (long)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
        return count;
    }

    /// <summary>Every content row in a stable order; what only differs between runs (times, ids) is left out.</summary>
    static string Dump(string database)
    {
        string[] queries =
        [
            """SELECT 'Categories', "Key", "Label", "Order" FROM "Categories" ORDER BY 2""",
            """SELECT 'Attributes', "Key", "Label", "CategoryKey", "Type", "Unit", "Description", "Order" FROM "Attributes" ORDER BY 2""",
            """SELECT 'Frameworks', "Slug", "Name", "Summary", "OverviewHtml", "ChooseWhen", "SourcePath" FROM "Frameworks" ORDER BY 2""",
            """SELECT 'FactValues', "FrameworkSlug", "AttributeKey", "Value", "Note", "SourceUrl", "Checked", "UnknownReason" FROM "FactValues" ORDER BY 2, 3""",
            """SELECT 'ProCons', "FrameworkSlug", "IsPro", "Order", "Text", "SourceUrl" FROM "ProCons" ORDER BY 2, 3, 4""",
            """SELECT 'Articles', "Slug", "Title", "Html", "Toc", "Frameworks", "Tags", "Published", "Updated", "SourcePath" FROM "Articles" ORDER BY 2""",
            """SELECT 'FaqEntries', "Slug", "Question", "AnswerHtml", "Frameworks", "SourcePath" FROM "FaqEntries" ORDER BY 2""",
            """SELECT 'ContentFiles', "Path", "Kind", "Hash", "Slug", "ServedHash", "Problems" FROM "ContentFiles" ORDER BY 2""",
        ];
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var dump = new StringBuilder();
        foreach (var query in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                dump.AppendJoin('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString()!.Replace('\n', '¶'))).Append('\n');
        }
        return dump.ToString();
    }
}
