namespace FrameworkCompare.Web.Checks;

public static class ChecksSetup
{
    public static void AddSourceChecks(this IServiceCollection services)
    {
        services.AddOptions<SourceCheckOptions>().BindConfiguration(SourceCheckOptions.Section);
        // Redirects are followed by hand, to report where a source moved.
        services.AddHttpClient(SourceCheckOptions.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<SourceChecker>();
        services.AddScoped<SourceCheckRun>();
        services.AddScoped<RegistryProposals>();
        services.AddHostedService<SourceCheckSchedule>();
    }
}
