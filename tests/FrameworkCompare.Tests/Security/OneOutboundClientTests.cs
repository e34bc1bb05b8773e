namespace FrameworkCompare.Tests.Security;

/// <summary>Requests to other servers go through Outbound/ only, so no feature can skip the policy by making its own client.</summary>
public sealed class OneOutboundClientTests
{
    /// <summary>The export asks the site itself, started on loopback for the purpose; nothing else may make a client.</summary>
    static readonly string[] Exempt = ["Commands/ExportCommand.cs"];

    [Fact]
    public void OnlyTheOutboundClientMakesHttpClients()
    {
        var source = Path.GetFullPath(Path.Combine(ShippedContentTests.RepositoryContent, "..", "src", "FrameworkCompare.Web"));
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/") && !f.StartsWith("bin/") && !f.StartsWith("Outbound/") && !Exempt.Contains(f))
            .Where(f => new[] { "IHttpClientFactory", "new HttpClient(", "AddHttpClient", "SocketsHttpHandler", "HttpClientHandler", "WebRequest.Create" }
                .Any(File.ReadAllText(Path.Combine(source, f)).Contains))
            .ToList();
        Assert.True(offenders.Count == 0, "outside Outbound/: " + string.Join(", ", offenders));
        Assert.True(File.Exists(Path.Combine(source, "Outbound", "OutboundClient.cs")));
    }
}
