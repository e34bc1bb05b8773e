using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Data;

public sealed class SiteDb(DbContextOptions<SiteDb> options) : IdentityDbContext<EditorUser>(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<AttributeDefinition> Attributes => Set<AttributeDefinition>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<FactValue> FactValues => Set<FactValue>();
    public DbSet<ProCon> ProCons => Set<ProCon>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<ContentFileRecord> ContentFiles => Set<ContentFileRecord>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ReadModelVersion> ReadModelVersions => Set<ReadModelVersion>();
    public DbSet<ServedScoring> ServedScoring => Set<ServedScoring>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<RetiredPage> RetiredPages => Set<RetiredPage>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();
    public DbSet<SourceCheck> SourceChecks => Set<SourceCheck>();
    public DbSet<FactChange> FactChanges => Set<FactChange>();
    public DbSet<FactHistoryMark> FactHistoryMarks => Set<FactHistoryMark>();
    public DbSet<SignInSession> Sessions => Set<SignInSession>();
    public DbSet<AuthenticatorStep> AuthenticatorSteps => Set<AuthenticatorStep>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SiteDb).Assembly);
    }
}
