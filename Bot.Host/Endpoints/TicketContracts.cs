using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;

namespace Bot.Host.Endpoints;

public sealed record TicketDto(
    string Number, string Category, string CategoryName, string Colour, string State, string StateName, string Department,
    string Text, string? Place, string? Since, string? Grid, string Origin, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    int? Rating, string? RatingComment, IReadOnlyList<string> Photos,
    long? AssigneeId, string Level, DateTimeOffset? ResponseDueAt, DateTimeOffset? RespondedAt)
{
    public static TicketDto From(Ticket t) => new(
        t.Number, t.Category, ComplaintCategories.ChineseName(t.Category), t.Colour.Code(), TicketStateCodes.Code(t.State), t.State.ChineseName(),
        t.Department, t.Text, t.Place, t.Since, t.Grid, t.Origin, t.CreatedAt, t.UpdatedAt, t.Rating, t.RatingComment, t.PhotoMediaIds,
        t.AssigneeId, t.Level.ToString().ToLowerInvariant(), t.ResponseDueAt, t.RespondedAt);
}

public sealed record TicketHistoryDto(DateTimeOffset At, string Actor, string? From, string To, string Note);

public sealed record TicketDetailDto(TicketDto Ticket, IReadOnlyList<TicketHistoryDto> History);

public sealed record TicketTransitionRequest(string? To, string? Actor, string? Note);

/// <summary>State codes for the API: snake_case English, like the other codes in the contract.</summary>
public static class TicketStateCodes
{
    public static string Code(TicketState state) => state switch
    {
        TicketState.InProgress => "in_progress",
        TicketState.FollowUp => "follow_up",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? code, out TicketState state)
    {
        state = default;
        var normalised = code?.Replace("_", string.Empty, StringComparison.Ordinal);
        return normalised is not null && !int.TryParse(normalised, out _) && Enum.TryParse(normalised, ignoreCase: true, out state);
    }
}
