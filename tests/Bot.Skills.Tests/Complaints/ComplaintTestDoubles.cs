using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;

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

    public Task<IReadOnlyDictionary<string, int>> CountActiveDispatchesAsync(IReadOnlyCollection<string> actors, CancellationToken cancellationToken)
    {
        var counts = _tickets
            .Where(t => t.State is TicketState.Dispatched or TicketState.InProgress)
            .Select(t => _history.LastOrDefault(h => h.Number == t.Number && h.Entry.To == TicketState.Dispatched).Entry?.Actor)
            .Where(a => a is not null && actors.Contains(a))
            .GroupBy(a => a!)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyDictionary<string, int>>(counts);
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

    public Task AlertAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        Alerts.Add(ticket);
        return Task.CompletedTask;
    }
}
