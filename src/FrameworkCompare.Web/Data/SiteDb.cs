using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Data;

public sealed class SiteDb(DbContextOptions<SiteDb> options) : DbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<AttributeDefinition> Attributes => Set<AttributeDefinition>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<FactValue> FactValues => Set<FactValue>();
    public DbSet<ProCon> ProCons => Set<ProCon>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();
    public DbSet<ContentFileRecord> ContentFiles => Set<ContentFileRecord>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SiteDb).Assembly);
}
