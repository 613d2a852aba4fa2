using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Escalation;

namespace Bot.Skills.Tests.Complaints;

/// <summary>A classifier that answers from keywords the test chooses, so dialogue tests do not depend on a model.</summary>
internal sealed class KeywordClassifier : IComplaintClassifier
{
    private readonly List<(string Word, ComplaintAssessment Assessment)> _rules = [];

    public KeywordClassifier On(string word, string category, Colour colour = Colour.Yellow, double confidence = 0.9, SafetyAlert? alert = null)
    {
        _rules.Add((word, new ComplaintAssessment(category, colour, confidence, "测试部门", [word], alert)));
        return this;
    }

    public ValueTask<ComplaintAssessment> AssessAsync(string text, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_rules.FirstOrDefault(r => text.Contains(r.Word, StringComparison.Ordinal)).Assessment
            ?? new ComplaintAssessment(ComplaintCategories.Consultation, Colour.Green, 0.1, "社区", [], null));
}

/// <summary>The ledger's contract in memory, with the same state machine.</summary>
internal sealed class MemoryLedger(TimeProvider clock) : ITicketLedger
{
    private readonly List<Ticket> _tickets = [];
    private readonly List<(string Number, TicketHistoryEntry Entry)> _history = [];

    public IReadOnlyList<Ticket> Tickets => _tickets;

    public Task<Ticket> OpenAsync(NewTicket t, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ticket = new Ticket($"{now.Year}-{_tickets.Count + 1:D6}", t.Resident, t.Assessment.Category, t.Assessment.Colour, t.Assessment.Department,
            t.Text, t.Place, t.Since, t.Grid, t.Location, t.PhotoMediaIds, TicketState.Accepted, t.Origin, now, now, null, null);
        _tickets.Add(ticket);
        _history.Add((ticket.Number, new TicketHistoryEntry(now, "居民", null, TicketState.Accepted, "问题入账")));
        return Task.FromResult(ticket);
    }

    public Task<Ticket> TransitionAsync(string number, TicketState to, string actor, string note, CancellationToken cancellationToken)
    {
        var ticket = Find(number);
        if (!TicketStateMachine.CanMove(ticket.State, to))
        {
            throw new InvalidTicketTransitionException(ticket.State, to);
        }

        _history.Add((number, new TicketHistoryEntry(clock.GetUtcNow(), actor, ticket.State, to, note)));
        return Task.FromResult(Replace(ticket with { State = to }));
    }

    public Task<Ticket> AddNoteAsync(string number, string actor, string note, CancellationToken cancellationToken)
    {
        var ticket = Find(number);
        _history.Add((number, new TicketHistoryEntry(clock.GetUtcNow(), actor, ticket.State, ticket.State, note)));
        return Task.FromResult(ticket);
    }

    public Task<Ticket> AddDetailsAsync(string number, string? place, GeoPoint? location, IReadOnlyList<string> photos, CancellationToken cancellationToken) =>
        Task.FromResult(Replace(Find(number) with { Place = place, Location = location, PhotoMediaIds = photos }));

    public Task<Ticket> RateAsync(string number, int rating, string? comment, CancellationToken cancellationToken) =>
        Task.FromResult(Replace(Find(number) with { Rating = rating, RatingComment = comment }));

    public Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken) =>
        Task.FromResult(_tickets.FirstOrDefault(t => t.Number == number));

    public Task<IReadOnlyList<Ticket>> ListForResidentAsync(ResidentKey resident, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Ticket>>(_tickets.Where(t => t.Resident == resident).Reverse().Take(max).ToList());

    public Task<IReadOnlyList<TicketHistoryEntry>> HistoryAsync(string number, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TicketHistoryEntry>>(_history.Where(h => h.Number == number).Select(h => h.Entry).ToList());

    public Task<Ticket> AssignAsync(string number, TicketState to, Assignment assignment, string actor, string note, CancellationToken cancellationToken)
    {
        var ticket = Find(number);
        if (!TicketStateMachine.CanMove(ticket.State, to))
        {
            throw new InvalidTicketTransitionException(ticket.State, to);
        }

        _history.Add((number, new TicketHistoryEntry(clock.GetUtcNow(), actor, ticket.State, to, note)));
        return Task.FromResult(Replace(ticket with
        {
            State = to, AssigneeId = assignment.PersonId, Level = assignment.Level, RemindAt = assignment.RemindAt,
            ResponseDueAt = assignment.ResponseDue, RemindedAt = null, BreachedAt = null,
        }));
    }

    public Task<IReadOnlyDictionary<long, int>> CountOpenByAssigneeAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, int>>(_tickets
            .Where(t => t.State is TicketState.Dispatched or TicketState.InProgress && t.AssigneeId is { } id && personIds.Contains(id))
            .GroupBy(t => t.AssigneeId!.Value)
            .ToDictionary(g => g.Key, g => g.Count()));

    public Task RecordResponseAsync(string number, CancellationToken cancellationToken)
    {
        var ticket = Find(number);
        Replace(ticket with { RespondedAt = ticket.RespondedAt ?? clock.GetUtcNow() });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Ticket>> ListAwaitingResponseAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Ticket>>(_tickets
            .Where(t => t.RespondedAt is null && t.BreachedAt is null && t.State is TicketState.Accepted or TicketState.Dispatched or TicketState.Escalated)
            .ToList());

    public Task<bool> MarkRemindedAsync(string number, DateTimeOffset? responseDue, CancellationToken cancellationToken)
    {
        var ticket = Find(number);
        if (ticket.RemindedAt is not null || ticket.RespondedAt is not null || ticket.ResponseDueAt != responseDue)
        {
            return Task.FromResult(false);
        }

        Replace(ticket with { RemindedAt = clock.GetUtcNow() });
        return Task.FromResult(true);
    }

    /// <summary>Same guard as the database: applies only to a ticket still exactly as the sweep saw it.</summary>
    public Task<Ticket?> EscalateAsync(Ticket seen, Assignment? to, string note, string? dispatchNote, CancellationToken cancellationToken)
    {
        var ticket = Find(seen.Number);
        if (ticket.State != seen.State || ticket.Level != seen.Level || ticket.ResponseDueAt != seen.ResponseDueAt
            || ticket.RespondedAt is not null || ticket.BreachedAt is not null)
        {
            return Task.FromResult<Ticket?>(null);
        }

        var now = clock.GetUtcNow();
        if (to is null)
        {
            _history.Add((seen.Number, new TicketHistoryEntry(now, "系统", ticket.State, ticket.State, note)));
            return Task.FromResult<Ticket?>(Replace(ticket with { BreachedAt = now }));
        }

        _history.Add((seen.Number, new TicketHistoryEntry(now, "系统", ticket.State, TicketState.Escalated, note)));
        _history.Add((seen.Number, new TicketHistoryEntry(now, "系统", TicketState.Escalated, TicketState.Dispatched, dispatchNote ?? note)));
        return Task.FromResult<Ticket?>(Replace(ticket with
        {
            State = TicketState.Dispatched, AssigneeId = to.PersonId, Level = to.Level, RemindAt = to.RemindAt,
            ResponseDueAt = to.ResponseDue, RemindedAt = null,
        }));
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<TicketHistoryEntry>>> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<TicketHistoryEntry>>>(_tickets
            .Where(t => t.CreatedAt >= from && t.CreatedAt < to)
            .ToDictionary(t => t.Number, t => (IReadOnlyList<TicketHistoryEntry>)_history.Where(h => h.Number == t.Number).Select(h => h.Entry).ToList()));

    public Task<IReadOnlyList<Ticket>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Ticket>>(_tickets.Where(t => t.CreatedAt >= from && t.CreatedAt < to).ToList());

    private Ticket Find(string number) => _tickets.FirstOrDefault(t => t.Number == number) ?? throw new KeyNotFoundException(number);

    private Ticket Replace(Ticket ticket)
    {
        _tickets[_tickets.FindIndex(t => t.Number == ticket.Number)] = ticket;
        return ticket;
    }
}

internal sealed class RecordingNotifier : IResidentNotifier
{
    public List<(ResidentKey Resident, Reply Reply)> Sent { get; } = [];

    public Task NotifyAsync(ResidentKey resident, Reply reply, CancellationToken cancellationToken)
    {
        Sent.Add((resident, reply));
        return Task.CompletedTask;
    }
}

internal sealed class RecordingAlerter : IGridAlerter
{
    public List<Ticket> Alerts { get; } = [];

    public List<(Ticket Ticket, string Reason)> Overdue { get; } = [];

    public Task AlertAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        Alerts.Add(ticket);
        return Task.CompletedTask;
    }

    public Task AlertOverdueAsync(Ticket ticket, string reason, CancellationToken cancellationToken)
    {
        Overdue.Add((ticket, reason));
        return Task.CompletedTask;
    }
}
