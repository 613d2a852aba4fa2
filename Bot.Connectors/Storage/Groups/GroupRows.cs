using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Groups;

/// <summary>A WeCom group staff registered (Bot.Skills GroupChat).</summary>
public sealed class GroupChatRow
{
    public long Id { get; set; }

    public required string ChatId { get; set; }

    public required string Name { get; set; }

    public int Scope { get; set; }

    public long? CompoundId { get; set; }

    public long? BuildingId { get; set; }

    public string? WebhookKey { get; set; }

    public bool Active { get; set; }

    public long UpdatedAtMs { get; set; }
}

/// <summary>A notice posted to groups; its deliveries are outbox rows.</summary>
public sealed class GroupNoticeRow
{
    public long Id { get; set; }

    public required string Text { get; set; }

    public long CreatedAtMs { get; set; }
}

/// <summary>One group a notice went to; OutboxId is null when the group has no robot.</summary>
public sealed class GroupNoticeDeliveryRow
{
    public long Id { get; set; }

    public long NoticeId { get; set; }

    public long GroupId { get; set; }

    public long? OutboxId { get; set; }
}

internal static class GroupModel
{
    public static void ConfigureGroups(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GroupChatRow>(group =>
        {
            group.ToTable("group_chats");
            group.HasIndex(g => g.ChatId).IsUnique();
        });
        modelBuilder.Entity<GroupNoticeRow>(notice => notice.ToTable("group_notices"));
        modelBuilder.Entity<GroupNoticeDeliveryRow>(delivery =>
        {
            delivery.ToTable("group_notice_deliveries");
            delivery.HasIndex(d => d.NoticeId);
        });
    }
}
