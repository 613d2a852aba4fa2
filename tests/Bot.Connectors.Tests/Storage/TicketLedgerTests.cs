using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Escalation;

namespace Bot.Connectors.Tests.Storage;

public sealed class TicketLedgerTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static NewTicket New(string user = "u1", string category = ComplaintCategories.Noise, Colour colour = Colour.Yellow) => new(
        new ResidentKey(Channels.WeChat, user),
        new ComplaintAssessment(category, colour, 0.9, "城管执法中队", ["夜间噪声"], null),
        "楼上每天半夜装修",
        "幸福里小区3栋",
        "上周开始",
        "幸福里小区",
        new GeoPoint(31.2, 121.4),
        ["media-1"],
        "公众号");

    [Fact]
    public async Task OpenAsync_NumbersAreReadableSequentialPerYear()
    {
        var first = await _db.Tickets.OpenAsync(New(), CancellationToken.None);
        var second = await _db.Tickets.OpenAsync(New(), CancellationToken.None);
        _db.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));
        var nextYear = await _db.Tickets.OpenAsync(New(), CancellationToken.None);

        Assert.Equal(["2026-000001", "2026-000002", "2027-000001"], [first.Number, second.Number, nextYear.Number]);
        Assert.Equal(TicketState.Accepted, first.State);
        Assert.Equal(["media-1"], first.PhotoMediaIds);
        Assert.Equal(31.2, first.Location!.Latitude);
    }

    [Fact]
    public async Task OpenAsync_Concurrent_NumbersUnique()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _db.Tickets.OpenAsync(New(), CancellationToken.None)));

        Assert.Equal(40, tickets.Select(t => t.Number).Distinct().Count());
    }

    [Fact]
    public async Task TransitionAsync_FullLifecycle_RecordsEveryStepInHistory()
    {
        var ticket = await _db.Tickets.OpenAsync(New(), CancellationToken.None);
        TicketState[] path = [TicketState.Dispatched, TicketState.InProgress, TicketState.Resolved, TicketState.FollowUp, TicketState.Closed];
        foreach (var state in path)
        {
            _db.Clock.Advance(TimeSpan.FromMinutes(5));
            await _db.Tickets.TransitionAsync(ticket.Number, state, "网格员张三", $"到{state}", CancellationToken.None);
        }

        var history = await _db.Tickets.HistoryAsync(ticket.Number, CancellationToken.None);

        Assert.Equal([TicketState.Accepted, .. path], history.Select(h => h.To));
        Assert.Equal(TicketState.Resolved, history[4].From);
        Assert.Equal("网格员张三", history[^1].Actor);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.Equal(TicketState.Closed, (await _db.Tickets.FindAsync(ticket.Number, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task CountOpenByAssigneeAsync_CountsTicketsAssignedNowInWork()
    {
        async Task<string> DispatchedToAsync(long person)
        {
            var ticket = await _db.Tickets.OpenAsync(New(), CancellationToken.None);
            await _db.Tickets.AssignAsync(ticket.Number, TicketState.Dispatched, new Assignment(person, EscalationLevel.Building, null, null), "x", "派单", CancellationToken.None);
            return ticket.Number;
        }

        await DispatchedToAsync(6);
        var working = await DispatchedToAsync(6);
        await _db.Tickets.TransitionAsync(working, TicketState.InProgress, "赵六", "接单", CancellationToken.None);
        var resolved = await DispatchedToAsync(6);
        await _db.Tickets.TransitionAsync(resolved, TicketState.Resolved, "赵六", "已处理", CancellationToken.None);
        var moved = await DispatchedToAsync(9);
        await _db.Tickets.TransitionAsync(moved, TicketState.Returned, "周九", "不属于本网格", CancellationToken.None);
        await _db.Tickets.AssignAsync(moved, TicketState.Dispatched, new Assignment(6, EscalationLevel.Building, null, null), "x", "派单给 赵六", CancellationToken.None);
        await DispatchedToAsync(8);

        var counts = await _db.Tickets.CountOpenByAssigneeAsync([6, 9, 7], CancellationToken.None);

        Assert.Equal(new Dictionary<long, int> { [6] = 3 }, counts);
    }

    [Theory]
    [InlineData(TicketState.Closed)]
    [InlineData(TicketState.FollowUp)]
    [InlineData(TicketState.Accepted)]
    public async Task TransitionAsync_IllegalMove_RefusedAndNothingRecorded(TicketState to)
    {
        var ticket = await _db.Tickets.OpenAsync(New(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidTicketTransitionException>(() => _db.Tickets.TransitionAsync(ticket.Number, to, "x", "x", CancellationToken.None));

        Assert.Contains("已受理", error.Message);
        Assert.Single(await _db.Tickets.HistoryAsync(ticket.Number, CancellationToken.None));
    }

    [Fact]
    public async Task AddNoteAsync_RecordsALineWithoutChangingState()
    {
        var ticket = await _db.Tickets.OpenAsync(New(), CancellationToken.None);

        var noted = await _db.Tickets.AddNoteAsync(ticket.Number, "网格员张三", "回复居民：明天上门", CancellationToken.None);

        Assert.Equal(TicketState.Accepted, noted.State);
        var last = (await _db.Tickets.HistoryAsync(ticket.Number, CancellationToken.None))[^1];
        Assert.Equal(("网格员张三", TicketState.Accepted, TicketState.Accepted, "回复居民：明天上门"), (last.Actor, last.From, last.To, last.Note));
    }

    [Fact]
    public async Task HistoriesAsync_OnlyTicketsOfThePeriodWithTheirLines()
    {
        var old = await _db.Tickets.OpenAsync(New(), CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromDays(10));
        var recent = await _db.Tickets.OpenAsync(New(), CancellationToken.None);
        await _db.Tickets.TransitionAsync(recent.Number, TicketState.Dispatched, "张三", "派单给 张三", CancellationToken.None);

        var histories = await _db.Tickets.HistoriesAsync(_db.Clock.GetUtcNow().AddDays(-1), _db.Clock.GetUtcNow().AddDays(1), CancellationToken.None);

        Assert.False(histories.ContainsKey(old.Number));
        Assert.Equal([TicketState.Accepted, TicketState.Dispatched], histories[recent.Number].Select(h => h.To));
    }

    [Fact]
    public async Task TransitionAsync_UnknownNumber_Throws() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _db.Tickets.TransitionAsync("2026-999999", TicketState.Dispatched, "x", "x", CancellationToken.None));

    [Fact]
    public async Task RateAsync_StoresRatingAndHistoryLine()
    {
        var ticket = await _db.Tickets.OpenAsync(New(), CancellationToken.None);

        var rated = await _db.Tickets.RateAsync(ticket.Number, 4, " 处理得挺快 ", CancellationToken.None);

        Assert.Equal(4, rated.Rating);
        Assert.Equal("处理得挺快", rated.RatingComment);
        Assert.Equal("满意度 4 分：处理得挺快", (await _db.Tickets.HistoryAsync(ticket.Number, CancellationToken.None))[^1].Note);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _db.Tickets.RateAsync(ticket.Number, 6, null, CancellationToken.None));
    }

    [Fact]
    public async Task ListForResidentAsync_OnlyTheirOwnNewestFirst()
    {
        var mine1 = await _db.Tickets.OpenAsync(New("me"), CancellationToken.None);
        await _db.Tickets.OpenAsync(New("neighbour"), CancellationToken.None);
        var mine2 = await _db.Tickets.OpenAsync(New("me"), CancellationToken.None);

        var list = await _db.Tickets.ListForResidentAsync(new ResidentKey(Channels.WeChat, "me"), 10, CancellationToken.None);

        Assert.Equal([mine2.Number, mine1.Number], list.Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyThePeriod()
    {
        await _db.Tickets.OpenAsync(New(), CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromDays(40));
        var later = await _db.Tickets.OpenAsync(New(), CancellationToken.None);

        var list = await _db.Tickets.ListAsync(_db.Clock.GetUtcNow().AddDays(-1), _db.Clock.GetUtcNow().AddDays(1), CancellationToken.None);

        Assert.Equal(later.Number, Assert.Single(list).Number);
    }
}
