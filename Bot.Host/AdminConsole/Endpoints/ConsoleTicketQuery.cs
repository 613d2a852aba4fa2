using System.Globalization;
using Bot.Host.Endpoints;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>The ledger page's filters: state, colour, category, grid, text, dates (China time, <c>to</c> inclusive), paging.</summary>
public sealed record ConsoleTicketQuery(
    string? State, string? Colour, string? Category, string? Grid, string? Q, string? From, string? To, int? Page, int? PageSize)
{
    public const int MaxPageSize = 100;

    public bool TryRange(DateTimeOffset now, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = now.AddDays(-365);
        to = now.AddSeconds(1);
        if (From is { Length: > 0 } && !TryDay(From, out from))
        {
            return false;
        }

        if (To is { Length: > 0 })
        {
            if (!TryDay(To, out var last))
            {
                return false;
            }

            to = last.AddDays(1);
        }

        return from < to;
    }

    public bool Matches(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return (State is not { Length: > 0 } || TicketStateCodes.Code(ticket.State) == State)
            && (Colour is not { Length: > 0 } || ticket.Colour.Code() == Colour)
            && (Category is not { Length: > 0 } || ticket.Category == Category)
            && (Grid is not { Length: > 0 } || (ticket.Grid ?? "未分网格").Contains(Grid.Trim(), StringComparison.Ordinal))
            && (Q is not { Length: > 0 } || Contains(ticket.Number) || Contains(ticket.Text) || Contains(ticket.Place));
    }

    public TicketPageDto ToPage(IReadOnlyList<Ticket> matching)
    {
        ArgumentNullException.ThrowIfNull(matching);
        var size = Math.Clamp(PageSize ?? 20, 1, MaxPageSize);
        var page = Math.Max(1, Page ?? 1);
        var items = matching.OrderByDescending(t => t.CreatedAt).Skip((page - 1) * size).Take(size).Select(TicketDto.From).ToList();
        return new TicketPageDto(page, size, matching.Count, items);
    }

    private bool Contains(string? text) => text is not null && text.Contains(Q!.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool TryDay(string text, out DateTimeOffset day)
    {
        var ok = DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        day = ok ? new DateTimeOffset(date, ConsolePeriods.China) : default;
        return ok;
    }
}
