using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Knowledge;

/// <summary>
/// One knowledge entry (table <c>knowledge_entries</c>). Plain TEXT and integer columns so the same schema suits
/// PostgreSQL: the date as yyyy-MM-dd, the tags one per line. A delete only sets <see cref="Deleted"/>, so an
/// emptied knowledge base is not seeded again on the next start.
/// </summary>
public sealed class KnowledgeEntryRow
{
    public required string Id { get; set; }

    public required string Question { get; set; }

    public required string Answer { get; set; }

    public required string Source { get; set; }

    public string? ValidUntil { get; set; }

    public string Tags { get; set; } = string.Empty;

    public long UpdatedAtMs { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public bool Deleted { get; set; }
}

internal static class KnowledgeModel
{
    public static void ConfigureKnowledge(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<KnowledgeEntryRow>(entry =>
        {
            entry.ToTable("knowledge_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
            entry.Property(e => e.Question).HasColumnName("question");
            entry.Property(e => e.Answer).HasColumnName("answer");
            entry.Property(e => e.Source).HasColumnName("source");
            entry.Property(e => e.ValidUntil).HasColumnName("valid_until");
            entry.Property(e => e.Tags).HasColumnName("tags");
            entry.Property(e => e.UpdatedAtMs).HasColumnName("updated_at");
            entry.Property(e => e.UpdatedBy).HasColumnName("updated_by");
            entry.Property(e => e.Deleted).HasColumnName("deleted");
        });
}
