using System.Text.Json;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrameworkCompare.Web.Data;

// The content tables were first made by the hand-written SQL of Migrations/Initial; later tables by generated migrations.

sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> e)
    {
        e.ToTable("Categories").HasKey(c => c.Key);
    }
}

sealed class AttributeDefinitionConfiguration : IEntityTypeConfiguration<AttributeDefinition>
{
    public void Configure(EntityTypeBuilder<AttributeDefinition> e)
    {
        e.ToTable("Attributes").HasKey(a => a.Key);
        e.Property(a => a.Type).HasConversion<string>();
    }
}

sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> e)
    {
        e.ToTable("Frameworks").HasKey(f => f.Slug);
        e.HasMany(f => f.Values).WithOne().HasForeignKey(v => v.FrameworkSlug).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(f => f.Points).WithOne().HasForeignKey(p => p.FrameworkSlug).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class FactValueConfiguration : IEntityTypeConfiguration<FactValue>
{
    public void Configure(EntityTypeBuilder<FactValue> e)
    {
        e.ToTable("FactValues");
        e.Ignore(v => v.IsUnknown);
    }
}

sealed class ProConConfiguration : IEntityTypeConfiguration<ProCon>
{
    public void Configure(EntityTypeBuilder<ProCon> e) => e.ToTable("ProCons");
}

sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> e)
    {
        e.ToTable("Articles").HasKey(a => a.Slug);
        // A publish replaces and re-reads the rows of the files it changed: without this, each is a scan of every article body.
        e.HasIndex(a => a.SourcePath);
        e.Property(a => a.Toc).HasJsonConversion();
    }
}

sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> e) => e.ToTable("FaqEntries").HasKey(f => f.Slug);
}

sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> e)
    {
        e.ToTable("Authors").HasKey(a => a.Slug);
        e.Property(a => a.Kind).HasConversion<string>();
        e.Property(a => a.Links).HasJsonConversion();
    }
}

sealed class ContentFileRecordConfiguration : IEntityTypeConfiguration<ContentFileRecord>
{
    public void Configure(EntityTypeBuilder<ContentFileRecord> e)
    {
        e.ToTable("ContentFiles").HasKey(f => f.Path);
        e.Property(f => f.Kind).HasConversion<string>();
        e.Property(f => f.Problems).HasJsonConversion();
    }
}

sealed class ReadModelVersionConfiguration : IEntityTypeConfiguration<ReadModelVersion>
{
    public void Configure(EntityTypeBuilder<ReadModelVersion> e) => e.ToTable("ReadModelVersions");
}

sealed class ServedScoringConfiguration : IEntityTypeConfiguration<ServedScoring>
{
    public void Configure(EntityTypeBuilder<ServedScoring> e)
    {
        e.ToTable("ServedScoring");
        e.Property(s => s.Id).ValueGeneratedNever();
    }
}

sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> e) => e.ToTable("ImportRuns");
}

sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> e)
    {
        e.ToTable("Drafts").HasIndex(d => new { d.UserId, d.Path }).IsUnique();
        e.HasOne<EditorUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> e)
    {
        e.ToTable("Revisions").HasIndex(r => new { r.Path, r.Id });
        e.HasIndex(r => r.At);
        e.Property(r => r.Kind).HasConversion<string>();
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e) => e.ToTable("AuditLog").HasIndex(a => a.At);
}

sealed class RetiredPageConfiguration : IEntityTypeConfiguration<RetiredPage>
{
    public void Configure(EntityTypeBuilder<RetiredPage> e)
    {
        e.ToTable("RetiredPages").HasKey(r => new { r.Kind, r.Slug });
        e.Property(r => r.Kind).HasConversion<string>();
    }
}

sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> e)
    {
        e.ToTable("ReviewItems").HasIndex(r => new { r.State, r.Id });
        e.Property(r => r.Kind).HasConversion<string>();
        e.Property(r => r.State).HasConversion<string>();
    }
}

sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> e)
    {
        // byte[] is a BLOB on SQLite and bytea on PostgreSQL: no column type named here.
        e.ToTable("PendingUploads").HasKey(p => p.ReviewItemId);
        e.Property(p => p.ReviewItemId).ValueGeneratedNever();
        e.HasOne<ReviewItem>().WithOne().HasForeignKey<PendingUpload>(p => p.ReviewItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SourceCheckConfiguration : IEntityTypeConfiguration<SourceCheck>
{
    public void Configure(EntityTypeBuilder<SourceCheck> e) => e.ToTable("SourceChecks").HasKey(c => c.Url);
}

sealed class FactChangeConfiguration : IEntityTypeConfiguration<FactChange>
{
    public void Configure(EntityTypeBuilder<FactChange> e)
    {
        e.ToTable("FactChanges");
        e.HasIndex(c => c.Path);
        e.HasIndex(c => new { c.FrameworkSlug, c.AttributeKey });
        e.HasIndex(c => c.ChangedAt);
        // Stored as a number so SQLite can order and compare it.
        e.Property(c => c.ChangedAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        e.OwnsOne(c => c.Old, o => Columns(o, "Old"));
        e.OwnsOne(c => c.New, o => Columns(o, "New"));
        e.Navigation(c => c.Old).IsRequired();
        e.Navigation(c => c.New).IsRequired();
    }

    static void Columns(OwnedNavigationBuilder<FactChange, FactState> state, string prefix)
    {
        state.Property(s => s.Value).HasColumnName(prefix + "Value");
        state.Property(s => s.UnknownReason).HasColumnName(prefix + "UnknownReason");
        state.Property(s => s.SourceUrl).HasColumnName(prefix + "SourceUrl");
        state.Property(s => s.Checked).HasColumnName(prefix + "Checked");
    }
}

sealed class FactHistoryMarkConfiguration : IEntityTypeConfiguration<FactHistoryMark>
{
    public void Configure(EntityTypeBuilder<FactHistoryMark> e)
    {
        e.ToTable("FactHistoryMarks").HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
    }
}

sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> e)
    {
        e.ToTable("Sessions").HasKey(s => s.Id);
        e.HasIndex(s => s.UserId);
        e.HasIndex(s => s.LastSeenAt);
        e.HasOne<EditorUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // Numbers, so SQLite can compare them when idle sessions are pruned.
        e.Property(s => s.CreatedAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        e.Property(s => s.LastSeenAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
    }
}

sealed class AuthenticatorStepConfiguration : IEntityTypeConfiguration<AuthenticatorStep>
{
    public void Configure(EntityTypeBuilder<AuthenticatorStep> e)
    {
        e.ToTable("AuthenticatorSteps").HasKey(s => s.UserId);
        e.HasOne<EditorUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

static class JsonColumn
{
    /// <summary>Stores a list of records as one JSON text column.</summary>
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            s => JsonSerializer.Deserialize<List<T>>(s, JsonSerializerOptions.Default) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => a!.SequenceEqual(b!),
                v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
                v => v.ToList()));
}
