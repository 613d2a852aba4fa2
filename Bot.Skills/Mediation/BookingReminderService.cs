using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Mediation;

/// <summary>The two reminders before a session.</summary>
public enum ReminderStage
{
    DayBefore,
    HourBefore,
}

/// <summary>
/// Sends one reminder to the resident and the mediator, exactly once: <see cref="IReminderOutbox"/> records the
/// stage as sent and queues the messages in one transaction, so a retried or duplicated job sends nothing more.
/// </summary>
public sealed partial class BookingReminderService(
    IBookingStore store,
    BookingService bookings,
    IReminderOutbox outbox,
    TimeProvider clock,
    ILogger<BookingReminderService> logger)
{
    public static TimeSpan Lead(ReminderStage stage) => stage == ReminderStage.DayBefore ? TimeSpan.FromHours(24) : TimeSpan.FromHours(1);

    /// <returns>True when the reminder was queued now; false when it was sent before or is no longer due.</returns>
    public async Task<bool> RemindAsync(string number, ReminderStage stage, CancellationToken cancellationToken)
    {
        var booking = await store.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (booking is null || booking.State is not (BookingState.Confirmed or BookingState.Accepted) || booking.Start <= clock.GetUtcNow())
        {
            // Cancelled, moved out of its hold, or already begun (a very late firing after downtime): nothing to say.
            return false;
        }

        var (venue, mediator) = await bookings.PartiesAsync(booking, cancellationToken).ConfigureAwait(false);
        var lead = stage == ReminderStage.DayBefore ? "24小时" : "1小时";
        var messages = new List<(ResidentKey, Reply)>
        {
            (booking.Resident, Reply.FromText(BookingNotices.Reminder(booking, venue, lead, forMediator: false))),
        };
        if (mediator?.WeComUserId is { } userId)
        {
            messages.Add((new ResidentKey(StaffChannel, userId), Reply.FromText(BookingNotices.Reminder(booking, venue, lead, forMediator: true))));
        }

        // The booking's start is part of the key: a rescheduled session is reminded again for its new time.
        var sent = await outbox.SendOnceAsync($"{booking.Number}:{stage}:{booking.Start.ToUnixTimeSeconds()}", messages, cancellationToken).ConfigureAwait(false);
        LogReminder(booking.Number, stage, sent);
        return sent;
    }

    /// <summary>The outbox channel of WeCom app messages to staff.</summary>
    public const string StaffChannel = "wecom-app";

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Stage} for booking {Number}: queued now = {Sent}")]
    private partial void LogReminder(string number, ReminderStage stage, bool sent);
}

/// <summary>Queues messages under a key at most once, durably; the connectors do it in one database transaction.</summary>
public interface IReminderOutbox
{
    /// <returns>False when messages were queued under <paramref name="key"/> before.</returns>
    Task<bool> SendOnceAsync(string key, IReadOnlyList<(ResidentKey To, Reply Message)> messages, CancellationToken cancellationToken);
}
