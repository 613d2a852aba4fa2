using System.Diagnostics.Metrics;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Escalation;
using Bot.Skills.Grid;
using Bot.Skills.Telemetry;
using Bot.Skills.Tests.Dispatch;

namespace Bot.Skills.Tests.Escalation;

/// <summary>The sweep on 幸福里小区 3栋 (worker 赵六 → leader 李四 → community 王五), Wednesday 09:00 China time.</summary>
public sealed class SlaMonitorTests
{
    private readonly DispatchFixture _f = new DispatchFixture().WithFullChain();

    private async Task<string> DispatchedAsync(Colour colour = Colour.Yellow)
    {
        var ticket = await _f.FileAsync(colour: colour);
        await _f.Dispatcher.DispatchAsync(ticket, CancellationToken.None);
        _f.Staff.Sent.Clear();
        return ticket.Number;
    }

    private Task<(int Reminded, int Escalated)> SweepAsync() => _f.Monitor.SweepAsync(CancellationToken.None);

    private long IdOf(string name) => _f.Roster.ListPeopleAsync(null, CancellationToken.None).Result.Single(p => p.Name == name).Id;

    [Fact]
    public async Task SweepAsync_WindowJustStarted_DoesNothing()
    {
        await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal((0, 0), await SweepAsync());
        Assert.Empty(_f.Staff.Sent);
    }

    [Fact]
    public async Task SweepAsync_ReminderDue_RemindsTheAssigneeOnce()
    {
        var n = await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromMinutes(12));

        Assert.Equal((1, 0), await SweepAsync());
        Assert.Equal((0, 0), await SweepAsync());

        var (user, card) = Assert.Single(_f.Staff.Sent);
        Assert.Equal("zhaoliu", user);
        Assert.Equal($"⏰ 工单 {n} 将于 09:15 超时，请尽快响应", card.Title);
    }

    [Fact]
    public async Task SweepAsync_Breach_CountsOneEscalationTaggedByOutcomeOnly()
    {
        await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromMinutes(15));
        var recorded = new List<(long Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, _f.Metrics) && instrument.Name == BotTelemetry.SlaEscalations)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => recorded.Add((value, tags.ToArray())));
        listener.Start();

        await SweepAsync();

        var (value, tags) = Assert.Single(recorded);
        Assert.Equal(1, value);
        Assert.Equal([new KeyValuePair<string, object?>(BotTelemetry.OutcomeTag, "escalated")], tags);
    }

    [Fact]
    public async Task SweepAsync_Breach_EscalatesToTheLeaderAndTellsBoth()
    {
        var n = await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal((0, 1), await SweepAsync());

        var ticket = _f.Current(n);
        Assert.Equal((TicketState.Dispatched, EscalationLevel.Compound, IdOf("李四")), (ticket.State, ticket.Level, ticket.AssigneeId));
        Assert.Equal(_f.Clock.GetUtcNow().AddMinutes(15), ticket.ResponseDueAt);
        var history = await _f.Ledger.HistoryAsync(n, CancellationToken.None);
        Assert.Contains(history, h => h.To == TicketState.Escalated && h.Note == "超时未响应，升级至小区网格长 李四");
        Assert.Equal(TicketState.Dispatched, history[^1].To);
        var toLeader = Assert.Single(_f.Staff.Sent, s => s.UserId == "lisi");
        Assert.StartsWith("【超时升级】", toLeader.Card.Title);
        Assert.Contains("原负责人 赵六 超时未响应", toLeader.Card.Description);
        Assert.Contains("已升级至小区网格长 李四", Assert.Single(_f.Staff.Sent, s => s.UserId == "zhaoliu").Card.Title);
    }

    [Fact]
    public async Task SweepAsync_SecondSweepAtTheSameTime_DoesNotEscalateAgain()
    {
        var n = await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromMinutes(15));

        await SweepAsync();
        Assert.Equal((0, 0), await SweepAsync());

        Assert.Single(await _f.Ledger.HistoryAsync(n, CancellationToken.None), h => h.To == TicketState.Escalated);
    }

    [Fact]
    public async Task SweepAsync_StaleView_LedgerRefusesTheSecondEscalation()
    {
        var n = await DispatchedAsync();
        var seen = _f.Current(n);
        _f.Clock.Advance(TimeSpan.FromMinutes(15));
        await SweepAsync();

        Assert.Null(await _f.Ledger.EscalateAsync(seen, new Assignment(IdOf("王五"), EscalationLevel.Community, null, null), "x", null, CancellationToken.None));
    }

    [Fact]
    public async Task SweepAsync_AcceptedBeforeTheDeadline_NoEscalation()
    {
        var n = await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.StartsWith("已接单", await _f.Commands.HandleAsync("zhaoliu", $"接单 {n}", CancellationToken.None));
        _f.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal((0, 0), await SweepAsync());
        Assert.Equal(_f.Clock.GetUtcNow().AddMinutes(-30), _f.Current(n).RespondedAt);
    }

    [Fact]
    public async Task SweepAsync_ChainUpToTheDepartment_ThenRecordedAndAlertedOnce()
    {
        _f.Roster.AddPerson("城管中队周九", GridRole.Department, "zhoujiu");
        _f.Roster.AddPerson("社区办", GridRole.Department, "shequ");
        var n = await DispatchedAsync();

        // Worker → leader → community → department (specialty-free match on the ticket's department, 社区).
        string[] expected = ["李四", "王五", "社区办"];
        foreach (var name in expected)
        {
            _f.Clock.Advance(TimeSpan.FromDays(2));
            var (reminded, escalated) = await SweepAsync();
            Assert.Equal((name, 0, 1), (name, reminded, escalated));
            Assert.Equal(IdOf(name), _f.Current(n).AssigneeId);
        }

        // The department's 24 business hours run out within the week; the breach is recorded once.
        Assert.Equal(EscalationLevel.Department, _f.Current(n).Level);
        _f.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal((0, 1), await SweepAsync());
        _f.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal((0, 0), await SweepAsync());

        var (alerted, reason) = Assert.Single(_f.Alerter.Overdue);
        Assert.Equal(n, alerted.Number);
        Assert.Contains("部门一级", reason);
        Assert.Equal(IdOf("社区办"), _f.Current(n).AssigneeId);
    }

    [Fact]
    public async Task SweepAsync_NoDepartmentMatches_StaysWithTheCommunityGridAndAlerts()
    {
        var n = await DispatchedAsync(Colour.Red);
        for (var i = 0; i < 4; i++)
        {
            _f.Clock.Advance(TimeSpan.FromMinutes(15));
            await SweepAsync();
        }

        Assert.Equal((EscalationLevel.Community, IdOf("王五")), (_f.Current(n).Level, _f.Current(n).AssigneeId));
        Assert.Contains("社区总网格一级", Assert.Single(_f.Alerter.Overdue).Reason);
    }

    [Fact]
    public async Task SweepAsync_NoBuilding_EscalatesToTheCommunityGrid()
    {
        var ticket = await _f.FileAsync(place: null);
        Assert.Null(await _f.Dispatcher.DispatchAsync(ticket, CancellationToken.None));
        _f.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal((0, 1), await SweepAsync());

        var escalated = _f.Current(ticket.Number);
        Assert.Equal((EscalationLevel.Community, IdOf("王五")), (escalated.Level, escalated.AssigneeId));
        Assert.Contains("未能派单", Assert.Single(_f.Staff.Sent, s => s.UserId == "wangwu").Card.Description);
    }

    [Fact]
    public async Task SweepAsync_FiledFridayEvening_WaitsForMonday()
    {
        // Wednesday 09:00 → Friday 17:20.
        _f.Clock.Advance(new TimeSpan(2, 8, 20, 0));
        var n = await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromHours(63));

        Assert.Equal((0, 0), await SweepAsync());
        Assert.Equal(EscalationLevel.Building, _f.Current(n).Level);

        // Monday 08:35.
        _f.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal((0, 1), await SweepAsync());
    }
}
