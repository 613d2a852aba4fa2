using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Escalation;
using Bot.Skills.Grid;
using Bot.Skills.Handoff;
using Bot.Skills.Telemetry;
using Bot.Skills.Tests.Complaints;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Skills.Tests.Dispatch;

/// <summary>
/// 幸福里小区 3栋 with two workers (张三 off duty on weekdays, 赵六 on duty), a leader and the community grid,
/// on a Wednesday at 09:00 China time.
/// </summary>
internal sealed class DispatchFixture
{
    public static readonly ResidentKey Resident = new("simulator", "r1");

    public DispatchFixture()
    {
        Ledger = new MemoryLedger(Clock);
        Building = Roster.AddBuilding("幸福里小区", "3栋");
        Dispatcher = new TicketDispatcher(Roster, Ledger, Staff, Buildings, Sla, Clock, NullLogger<TicketDispatcher>.Instance);
        Relay = new HandoffRelay(Sessions, Staff, Residents, Options.Create(new HandoffOptions()), Clock, NullLogger<HandoffRelay>.Instance);
        Commands = new WorkerCommandHandler(Roster, Ledger, new TicketFollowUp(Ledger, Residents), Residents, Buildings, Relay, Clock, NullLogger<WorkerCommandHandler>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8)));

    public MemoryRoster Roster { get; } = new();

    public Bot.Skills.Tests.Handoff.MemoryHandoffStore Sessions { get; } = new();

    public HandoffRelay Relay { get; }

    public SlaOptions SlaOptions { get; } = new();

    public SlaPolicy Sla => new(Options.Create(SlaOptions), Options.Create(new ComplaintOptions()));

    public MemoryLedger Ledger { get; }

    public RecordingStaffNotifier Staff { get; } = new();

    public RecordingNotifier Residents { get; } = new();

    public Building Building { get; }

    public TicketDispatcher Dispatcher { get; }

    public RecordingAlerter Alerter { get; } = new();

    /// <summary>The SLA sweep over the same ledger, roster and notifiers.</summary>
    public SlaMonitor Monitor => new(Ledger, Sla, new EscalationTargets(Roster, Buildings), Staff, Alerter, Roster, Clock, Metrics, NullLogger<SlaMonitor>.Instance);

    /// <summary>This fixture's meter, told apart from other tests' by its scope.</summary>
    public BotMetrics Metrics { get; } = new();

    public WorkerCommandHandler Commands { get; }

    private TicketBuildingResolver Buildings => new(Roster);

    public DispatchFixture WithFullChain()
    {
        Roster.AddPerson("张三", GridRole.GridWorker, "zhangsan", "周末 08:00-18:00", Building);
        Roster.AddPerson("赵六", GridRole.GridWorker, "zhaoliu", "每天 08:00-18:00", Building);
        Roster.AddPerson("李四", GridRole.GridLeader, "lisi", "全天", compoundId: Building.CompoundId);
        Roster.AddPerson("王五", GridRole.CommunityGrid, "wangwu", "全天");
        return this;
    }

    public Task<Ticket> FileAsync(string? place = "幸福里小区3栋", Colour colour = Colour.Yellow, string text = "楼上装修太吵，电话13812345678") =>
        Ledger.OpenAsync(new NewTicket(Resident, new ComplaintAssessment(ComplaintCategories.Noise, colour, 0.9, "社区", [], null),
            text, place, "昨晚", DetailExtractor.Compound(place), null, [], "模拟器"), CancellationToken.None);

    public Ticket Current(string number) => Ledger.Tickets.Single(t => t.Number == number);
}
