using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Prompts;

/// <summary>An admin's edit of a prompt file. Version 0 is the file itself and is never stored.</summary>
public sealed class PromptVersionRow
{
    public required string PromptId { get; set; }

    public int Version { get; set; }

    public required string Content { get; set; }

    public required string Author { get; set; }

    public string? Note { get; set; }

    public long CreatedAtMs { get; set; }
}

/// <summary>Which version a prompt runs; no row means the file (version 0).</summary>
public sealed class PromptActiveRow
{
    public required string PromptId { get; set; }

    public int Version { get; set; }

    public long ChangedAtMs { get; set; }

    public required string ChangedBy { get; set; }
}

internal static class PromptModel
{
    public static void ConfigurePrompts(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PromptVersionRow>(version =>
        {
            version.ToTable("prompt_versions");
            version.HasKey(v => new { v.PromptId, v.Version });
            version.Property(v => v.PromptId).HasColumnName("prompt_id");
            version.Property(v => v.Version).HasColumnName("version").ValueGeneratedNever();
            version.Property(v => v.Content).HasColumnName("content");
            version.Property(v => v.Author).HasColumnName("author");
            version.Property(v => v.Note).HasColumnName("note");
            version.Property(v => v.CreatedAtMs).HasColumnName("created_at");
        });
        modelBuilder.Entity<PromptActiveRow>(active =>
        {
            active.ToTable("prompt_active");
            active.HasKey(a => a.PromptId);
            active.Property(a => a.PromptId).HasColumnName("prompt_id");
            active.Property(a => a.Version).HasColumnName("version");
            active.Property(a => a.ChangedAtMs).HasColumnName("changed_at");
            active.Property(a => a.ChangedBy).HasColumnName("changed_by");
        });
    }
}
