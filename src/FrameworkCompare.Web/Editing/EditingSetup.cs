using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Editing;

public static class EditingSetup
{
    /// <summary>The write side: drafts, revisions, previews and the one writer of content/.</summary>
    public static void AddEditing(this IServiceCollection services)
    {
        services.AddOptions<EditorOptions>().BindConfiguration(EditorOptions.Section);
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section);
        services.AddHostedService<ForgetReporterEmails>();
        services.AddSingleton<GitProcess>();
        services.AddSingleton<GitCommitter>();
        services.AddSingleton<GitHistory>();
        services.AddSingleton<FactHistoryBuilder>();
        services.AddSingleton<ContentWriter>();
        services.AddSnapshotSubscriber<OutsideChanges>();
        services.AddHostedService(provider => provider.GetRequiredService<OutsideChanges>());
        services.AddScoped<DraftStore>();
        services.AddScoped<RevisionLog>();
        services.AddScoped<PreviewBuilder>();
        services.AddScoped<FactEditor>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<PendingUploads>();
        services.AddScoped<OldPendingMediaFolder>();
        services.AddHostedService<ImportOldPendingMedia>();
    }
}
