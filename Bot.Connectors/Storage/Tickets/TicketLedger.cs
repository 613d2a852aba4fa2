using System.Globalization;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Tickets;

/// <summary>The ledger in the database: numbering, transitions and history commit together.</summary>
public sealed partial class TicketLedger(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : ITicketLedger
{
    public Task<Ticket> OpenAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = clock.GetUtcNow();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var number = await NextNumberAsync(db, now.Year, cancellationToken).ConfigureAwait(false);
            var assessment = ticket.Assessment;
            var row = new TicketRow
            {
                Number = number,
                Channel = ticket.Resident.Channel,
                UserId = ticket.Resident.UserId,
                Category = assessment.Category,
                Colour = (int)assessment.Colour,
                Department = assessment.Department,
                Text = ticket.Text,
                Place = ticket.Place,
                Since = ticket.Since,
                Grid = ticket.Grid,
                Latitude = ticket.Location?.Latitude,
                Longitude = ticket.Location?.Longitude,
                Photos = string.Join('\n', ticket.PhotoMediaIds),
                State = (int)TicketState.Accepted,
                Origin = ticket.Origin,
                Reasons = string.Join('；', assessment.Reasons),
                CreatedAtMs = now.ToUnixTimeMilliseconds(),
                UpdatedAtMs = now.ToUnixTimeMilliseconds(),
            };
            db.Tickets.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.TicketHistory.Add(History(row.Id, now, "居民", null, TicketState.Accepted, $"问题入账（{ticket.Origin}）"));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return row.ToTicket();
        }, cancellationToken);
    }

    public Task<Ticket> TransitionAsync(string number, TicketState to, string actor, string note, CancellationToken cancellationToken) =>
        ChangeAsync(number, actor, row =>
        {
            var from = (TicketState)row.State;
            if (!TicketStateMachine.CanMove(from, to))
            {
                throw new InvalidTicketTransitionException(from, to);
            }

            row.State = (int)to;
            return (from, to, note);
        }, cancellationToken);

    public Task<Ticket> AddNoteAsync(string number, string actor, string note, CancellationToken cancellationToken) =>
        ChangeAsync(number, actor, row =>
        {
            var state = (TicketState)row.State;
            return (state, state, note);
        }, cancellationToken);

    public Task<Ticket> AddDetailsAsync(string number, string? place, GeoPoint? location, IReadOnlyList<string> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photos);
        return ChangeAsync(number, "居民", row =>
        {
            var notes = new List<string>();
            if (!string.IsNullOrWhiteSpace(place))
            {
                row.Place = place;
                row.Grid ??= Bot.Skills.Complaints.DetailExtractor.Compound(place);
                notes.Add($"位置：{place}");
            }

            if (location is not null)
            {
                (row.Latitude, row.Longitude) = (location.Latitude, location.Longitude);
                notes.Add("已发送定位");
            }

            if (photos.Count > 0)
            {
                row.Photos = string.Join('\n', row.Photos.Split('\n', StringSplitOptions.RemoveEmptyEntries).Concat(photos).Distinct());
                notes.Add($"照片 {photos.Count} 张");
            }

            var state = (TicketState)row.State;
            return (state, state, "补充信息：" + string.Join("，", notes));
        }, cancellationToken);
    }

    public Task<Ticket> RateAsync(string number, int rating, string? comment, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        return ChangeAsync(number, "居民", row =>
        {
            row.Rating = rating;
            row.RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            var state = (TicketState)row.State;
            var note = string.Create(CultureInfo.InvariantCulture, $"满意度 {rating} 分") + (row.RatingComment is null ? string.Empty : $"：{row.RatingComment}");
            return (state, state, note);
        }, cancellationToken);
    }

    public async Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Number == number, cancellationToken).ConfigureAwait(false);
        return row?.ToTicket();
    }

    public async Task<IReadOnlyList<Ticket>> ListForResidentAsync(ResidentKey resident, int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.Channel == resident.Channel && t.UserId == resident.UserId)
            .OrderByDescending(t => t.Id).Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToTicket()).ToList();
    }

    public async Task<IReadOnlyList<TicketHistoryEntry>> HistoryAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.TicketHistory.AsNoTracking()
            .Where(h => db.Tickets.Any(t => t.Id == h.TicketId && t.Number == number))
            .OrderBy(h => h.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TicketHistoryEntry>>> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = from.ToUnixTimeMilliseconds();
        var end = to.ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await (from h in db.TicketHistory.AsNoTracking()
                          join t in db.Tickets.AsNoTracking() on h.TicketId equals t.Id
                          where t.CreatedAtMs >= start && t.CreatedAtMs < end
                          orderby h.Id
                          select new { t.Number, Entry = h })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Number, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TicketHistoryEntry>)g.Select(r => r.Entry.ToEntry()).ToList(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Ticket>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = from.ToUnixTimeMilliseconds();
        var end = to.ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.CreatedAtMs >= start && t.CreatedAtMs < end)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToTicket()).ToList();
    }

    private Task<Ticket> ChangeAsync(string number, string actor, Func<TicketRow, (TicketState From, TicketState To, string Note)> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"没有工单 {number}。");
            var (from, to, note) = change(row);
            row.UpdatedAtMs = now.ToUnixTimeMilliseconds();
            db.TicketHistory.Add(History(row.Id, now, actor, from, to, note));

            // The ticket and its history line commit together: the history is never behind the state.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row.ToTicket();
        }, cancellationToken);
    }

    /// <summary>
    /// One atomic upsert: the counter row stays locked until the ticket commits, so hosts sharing a PostgreSQL
    /// database never hand out a number twice (SQLite runs writers one at a time anyway).
    /// </summary>
    private static async Task<string> NextNumberAsync(BotDbContext db, int year, CancellationToken cancellationToken)
    {
        var last = (await db.Database.SqlQuery<int>($"""
            INSERT INTO ticket_counters ("Year", "Last") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = ticket_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        return string.Create(CultureInfo.InvariantCulture, $"{year}-{last:D6}");
    }

    private static TicketHistoryRow History(long ticketId, DateTimeOffset at, string actor, TicketState? from, TicketState to, string note) => new()
    {
        TicketId = ticketId,
        AtMs = at.ToUnixTimeMilliseconds(),
        Actor = actor,
        FromState = (int?)from,
        ToState = (int)to,
        Note = note,
    };
}
