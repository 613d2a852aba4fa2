using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Privacy;

namespace Bot.Skills.Events;

/// <summary>The organiser's outcome for one registration: settled at the session, or left open (a ticket follows it).</summary>
public sealed record TopicOutcome(long RegistrationId, bool Resolved, string? Outcome);

/// <summary>What happened to one registration when the minutes were recorded.</summary>
public sealed record SettledTopic(long RegistrationId, RegistrationState State, string? TicketNumber);

public enum MinutesStatus
{
    Recorded,
    NotFound,
    AlreadyRecorded,
    NotYetHeld,
}

/// <summary>
/// 会后纪要: records what was discussed and decided; topics resolved on the spot are answered, open ones become tickets
/// with the session's origin (夜市/走访) so the ledger follows them to closure; every resident who raised one is told.
/// </summary>
public sealed class EventMinutesService(IEventStore store, EventAnnouncer announcer, EventService events, IComplaintClassifier classifier, ITicketLedger ledger, IResidentNotifier notifier, TimeProvider clock)
{
    public async Task<(MinutesStatus Status, IReadOnlyList<SettledTopic> Topics)> RecordAsync(
        string occurrenceId, string discussed, string decided, string recordedBy, IReadOnlyList<TopicOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!EventOccurrence.TryParseId(occurrenceId, out var scheduleId, out var originalStart)
            || await announcer.FindAsync(scheduleId, originalStart, cancellationToken).ConfigureAwait(false) is not { Cancelled: false } occurrence)
        {
            return (MinutesStatus.NotFound, []);
        }

        if (occurrence.Start > clock.GetUtcNow())
        {
            return (MinutesStatus.NotYetHeld, []);
        }

        if (!await store.AddMinutesAsync(new EventMinutes(occurrence.Id, scheduleId, discussed.Trim(), decided.Trim(), recordedBy, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false))
        {
            return (MinutesStatus.AlreadyRecorded, []);
        }

        var byId = outcomes.GroupBy(o => o.RegistrationId).ToDictionary(g => g.Key, g => g.Last());
        var settled = new List<SettledTopic>();
        foreach (var registration in await store.ListForOccurrenceAsync(scheduleId, occurrence.Id, withSubscriptions: false, cancellationToken).ConfigureAwait(false))
        {
            var outcome = byId.GetValueOrDefault(registration.Id);
            if (registration.State != RegistrationState.Active || (registration.Kind != RegistrationKind.Topic && outcome is null))
            {
                continue;
            }

            if (await SettleAsync(occurrence, registration, outcome, cancellationToken).ConfigureAwait(false) is { } done)
            {
                settled.Add(done);
            }
        }

        return (MinutesStatus.Recorded, settled);
    }

    private async Task<SettledTopic?> SettleAsync(EventOccurrence occurrence, EventRegistration registration, TopicOutcome? outcome, CancellationToken cancellationToken)
    {
        var origin = occurrence.Schedule.Kind.Origin();
        var said = string.IsNullOrWhiteSpace(outcome?.Outcome) ? null : outcome!.Outcome!.Trim();
        var topic = Short(registration.Text);
        if (outcome?.Resolved == true)
        {
            if (await store.SettleAsync(registration.Id, RegistrationState.Resolved, said, null, cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            if (registration.TicketNumber is { } number)
            {
                await ledger.AddNoteAsync(number, $"{origin}组织者", $"{origin}现场答复：{said ?? "已现场解决"}", cancellationToken).ConfigureAwait(false);
            }

            await TellAsync(registration.Resident, $"您在{occurrence.Schedule.Title}（{EventNotices.When(occurrence)}）反映的“{topic}”，现场答复如下：\n{said ?? "已现场解决。"}\n如仍有问题，可随时回复我们。", cancellationToken).ConfigureAwait(false);
            return new SettledTopic(registration.Id, RegistrationState.Resolved, registration.TicketNumber);
        }

        // Still open: a ticket carries it to closure (the one opened at registration, or a new one with the session's origin).
        var ticket = registration.TicketNumber;
        if (ticket is null)
        {
            var assessment = await classifier.AssessAsync(registration.Text, cancellationToken).ConfigureAwait(false);
            ticket = (await events.OpenTicketAsync(registration.Resident, occurrence.Schedule.Kind, registration.Text, assessment, cancellationToken).ConfigureAwait(false)).Number;
        }

        if (await store.SettleAsync(registration.Id, RegistrationState.Ticketed, said, ticket, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        await ledger.AddNoteAsync(ticket, $"{origin}组织者", $"{origin}会后转办：{said ?? "会上未能解决，转工单跟踪办理"}", cancellationToken).ConfigureAwait(false);
        await TellAsync(registration.Resident,
            $"您在{occurrence.Schedule.Title}（{EventNotices.When(occurrence)}）反映的“{topic}”，{(said is null ? string.Empty : $"会上意见：{said}。")}已转为工单 {ticket} 跟踪办理，办结后会请您评价。回复“我的诉求”可查看进度。",
            cancellationToken).ConfigureAwait(false);
        return new SettledTopic(registration.Id, RegistrationState.Ticketed, ticket);
    }

    private Task TellAsync(ResidentKey resident, string text, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(resident, Reply.FromText(text), cancellationToken);

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
