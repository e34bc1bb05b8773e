using FrameworkCompare.Web.Outbound;

namespace FrameworkCompare.Web.Checks;

public static class ChecksSetup
{
    public static void AddSourceChecks(this IServiceCollection services)
    {
        services.AddOptions<SourceCheckOptions>().BindConfiguration(SourceCheckOptions.Section);
        services.AddOutbound();
        services.AddSingleton<SourceChecker>();
        services.AddScoped<SourceCheckRun>();
        services.AddScoped<RegistryProposals>();
        services.AddHostedService<SourceCheckSchedule>();
    }
}
