using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Handoff;

/// <summary>
/// Opens live sessions: picks the person fairly, tells them in WeCom who is asking (masked) with a summary of the
/// conversation, and words the resident's answer. With nobody on duty it leaves a message for the next shift instead.
/// </summary>
public sealed partial class HandoffService(
    IHandoffSessionStore sessions,
    HandoffAssigner assigner,
    IGridRoster roster,
    ITicketLedger ledger,
    IStaffNotifier staff,
    HandoffSummarizer summarizer,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffService> logger)
{
    // Choosing and opening run one at a time, so two residents asking at once see each other's sessions (one host;
    // across hosts two could land on the same worker, which is unfair but not wrong).
    private readonly SemaphoreSlim _assigning = new(1, 1);

    /// <summary>Hands the resident over to their building's chain, or to the community grid when the building is unknown.</summary>
    public async Task<IReadOnlyList<Reply>> OpenAsync(TurnContext context, Building? building, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resident = context.Message.Resident;
        var chain = await ChainAsync(building, cancellationToken).ConfigureAwait(false);
        var place = await PlaceAsync(building, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var summary = await summarizer.SummarizeAsync(context.State.RecentTurns, cancellationToken).ConfigureAwait(false);
        HandoffSession? session = null;
        Person? person;
        await _assigning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            person = await assigner.ChooseAsync(chain, now, cancellationToken).ConfigureAwait(false);
            if (person is not null)
            {
                session = await sessions.OpenAsync(new NewHandoffSession(resident, person.Id, person.WeComUserId!, person.Name, null), now, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _assigning.Release();
        }

        var tickets = await OpenTicketNumbersAsync(resident, cancellationToken).ConfigureAwait(false);
        if (person is null || session is null)
        {
            return await LeaveForNextShiftAsync(resident, chain, place, tickets, summary, now, cancellationToken).ConfigureAwait(false);
        }

        context.State.InHandoff = true;
        if (session.PersonId != person.Id)
        {
            // Another turn (or host) opened one first: the resident stays with that person.
            return [Reply.FromText(HandoffTexts.AlreadyConnected(session.WorkerName))];
        }

        await staff.NotifyAsync(session.WorkerUserId, HandoffTexts.SessionCard(resident, place, tickets, summary, options.Value.IdleTimeoutMinutes), cancellationToken).ConfigureAwait(false);
        LogOpened(session.Id, person.Id);
        return [Reply.FromText(HandoffTexts.Connected(person))];
    }

    /// <summary>A red ticket opens a session with its assignee at once; the place question still goes to the ticket.</summary>
    public async Task<HandoffSession?> OpenForTicketAsync(Ticket ticket, Person assignee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(assignee);
        if (string.IsNullOrWhiteSpace(assignee.WeComUserId))
        {
            return null;
        }

        var session = await sessions.OpenAsync(new NewHandoffSession(ticket.Resident, assignee.Id, assignee.WeComUserId, assignee.Name, ticket.Number), clock.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        if (session.TicketNumber == ticket.Number)
        {
            await staff.NotifyAsync(session.WorkerUserId, HandoffTexts.TicketSessionCard(ticket, options.Value.IdleTimeoutMinutes), cancellationToken).ConfigureAwait(false);
            LogOpened(session.Id, assignee.Id);
        }

        return session;
    }

    private async Task<IReadOnlyList<Reply>> LeaveForNextShiftAsync(
        ResidentKey resident, IReadOnlyList<Person> chain, string place, IReadOnlyList<string> tickets, string summary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var emergency = options.Value.EmergencyNumbers;
        if ((chain.FirstOrDefault(p => p.Role == GridRole.GridLeader) ?? chain.FirstOrDefault()) is not { } target)
        {
            LogNobodyAtAll(HandoffTexts.Who(resident));
            return [Reply.FromText(HandoffTexts.NobodyAtAll(emergency))];
        }

        await staff.NotifyAsync(target.WeComUserId!, HandoffTexts.NextShiftCard(resident, place, tickets, summary), cancellationToken).ConfigureAwait(false);
        var next = chain.Min(p => p.DutyHours.NextOnDutyAt(now));
        LogLeftForNextShift(target.Id);
        return [Reply.FromText(HandoffTexts.NextShift(next, now, emergency))];
    }

    private async Task<IReadOnlyList<Person>> ChainAsync(Building? building, CancellationToken cancellationToken)
    {
        var people = building is null
            ? (await roster.ListPeopleAsync(GridRole.CommunityGrid, cancellationToken).ConfigureAwait(false)).Where(p => p.Active)
            : await roster.ResponsibleForAsync(building.Id, cancellationToken).ConfigureAwait(false);
        return people.Where(p => !string.IsNullOrWhiteSpace(p.WeComUserId)).ToList();
    }

    private async Task<string> PlaceAsync(Building? building, CancellationToken cancellationToken)
    {
        if (building is null)
        {
            return "未登记";
        }

        var compound = await roster.GetCompoundAsync(building.CompoundId, cancellationToken).ConfigureAwait(false);
        return $"{compound?.Name}{building.Name}";
    }

    private async Task<IReadOnlyList<string>> OpenTicketNumbersAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var tickets = await ledger.ListForResidentAsync(resident, 20, cancellationToken).ConfigureAwait(false);
        return tickets.Where(t => t.State != TicketState.Closed).Select(t => t.Number).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off session {SessionId} opened with person {PersonId}")]
    private partial void LogOpened(long sessionId, long personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off requested out of hours; person {PersonId} asked to call back")]
    private partial void LogLeftForNextShift(long personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hand-off requested by {Resident} but nobody with a WeCom account answers for them")]
    private partial void LogNobodyAtAll(string resident);
}
