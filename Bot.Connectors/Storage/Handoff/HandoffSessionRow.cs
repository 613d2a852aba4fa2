using Bot.Skills.Engine;
using Bot.Skills.Handoff;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Handoff;

/// <summary>A hand-off session as stored in <c>handoff_sessions</c>; times in Unix milliseconds like the other tables.</summary>
public sealed class HandoffSessionRow
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string UserId { get; set; }

    public long PersonId { get; set; }

    public required string WorkerUserId { get; set; }

    public required string WorkerName { get; set; }

    public string? TicketNumber { get; set; }

    public long StartedAtMs { get; set; }

    public long LastActivityAtMs { get; set; }

    public long? EndedAtMs { get; set; }

    public string? EndReason { get; set; }

    public HandoffSession ToSession() => new(
        Id,
        new ResidentKey(Channel, UserId),
        PersonId,
        WorkerUserId,
        WorkerName,
        TicketNumber,
        DateTimeOffset.FromUnixTimeMilliseconds(StartedAtMs),
        DateTimeOffset.FromUnixTimeMilliseconds(LastActivityAtMs),
        EndedAtMs is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null,
        Enum.TryParse<HandoffEndReason>(EndReason, out var reason) ? reason : null);
}

internal static class HandoffModel
{
    public static void ConfigureHandoff(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HandoffSessionRow>(session =>
        {
            session.ToTable("handoff_sessions");

            // The backstop for "one live session per resident", whichever host opens it.
            session.HasIndex(s => new { s.Channel, s.UserId }).IsUnique().HasFilter("\"EndedAtMs\" IS NULL");
            session.HasIndex(s => new { s.WorkerUserId, s.EndedAtMs });
            session.HasIndex(s => new { s.EndedAtMs, s.LastActivityAtMs });
        });
    }
}
