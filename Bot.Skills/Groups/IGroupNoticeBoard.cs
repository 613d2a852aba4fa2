namespace Bot.Skills.Groups;

/// <summary>Which groups a notice goes to: explicit ids, or every group of a place (no place and no ids = all groups).</summary>
public sealed record GroupTarget(IReadOnlyList<long> GroupIds, long? CompoundId, long? BuildingId);

/// <summary>One robot message queued for one group.</summary>
public sealed record GroupDelivery(long GroupId, string GroupName, long? OutboxId, string Status, string? Detail);

/// <summary>A notice and its deliveries (the delivery log).</summary>
public sealed record GroupNoticeRecord(long Id, string Text, DateTimeOffset CreatedAt, IReadOnlyList<GroupDelivery> Deliveries);

/// <summary>
/// Posts announcements to groups through their robots (paced and retried by the outbox). The console's notices
/// use it today; the events slice calls it for new and cancelled events.
/// </summary>
public interface IGroupNoticeBoard
{
    /// <exception cref="ArgumentException">The text carries personal data or is empty.</exception>
    /// <exception cref="KeyNotFoundException">No active group matches the target.</exception>
    Task<GroupNoticeRecord> PostAsync(string text, GroupTarget target, CancellationToken cancellationToken);

    Task<IReadOnlyList<GroupNoticeRecord>> ListAsync(int max, CancellationToken cancellationToken);
}
