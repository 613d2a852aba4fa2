using Bot.Skills.Engine;
using Bot.Skills.Greeting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Skills.Tests.Engine;

/// <summary>The engine as the host composes it, with in-test state and ledger.</summary>
internal sealed class EngineTestKit
{
    public EngineTestKit(params ISkill[] extraSkills)
        : this(new Bot.Skills.Tests.Complaints.KeywordClassifier(), extraSkills)
    {
    }

    public EngineTestKit(Bot.Skills.Complaints.IComplaintClassifier classifier, params ISkill[] extraSkills)
        : this(null, classifier, extraSkills)
    {
    }

    /// <param name="model">Registered before the skills, so it replaces the default <c>NoLanguageModel</c>.</param>
    public EngineTestKit(Bot.Skills.Language.ILanguageModel? model, Bot.Skills.Complaints.IComplaintClassifier classifier, params ISkill[] extraSkills)
    {
        Tickets = new Bot.Skills.Tests.Complaints.MemoryLedger(Clock);
        var services = new ServiceCollection();
        services.AddSingleton(classifier);
        if (model is not null)
        {
            services.AddSingleton(model);
        }

        services.AddSingleton<Bot.Skills.Complaints.Ledger.ITicketLedger>(Tickets);
        services.AddSingleton<Bot.Skills.Complaints.IResidentNotifier>(Notifier);
        services.AddSingleton<Bot.Skills.Complaints.IGridAlerter>(Alerter);
        services.AddSingleton<Bot.Skills.Grid.IGridRoster>(Roster);
        services.AddSingleton<Bot.Skills.Dispatch.IStaffNotifier>(Staff);
        services.AddSingleton<Bot.Skills.Handoff.IHandoffSessionStore>(Sessions);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IConversationStateStore>(States);
        services.AddSingleton<ITurnLedger>(TurnLedger);
        services.AddSingleton(UnusedDependency.Create<Bot.Skills.Mediation.IBookingStore>());
        services.AddSingleton(UnusedDependency.Create<Bot.Skills.Mediation.IVenueCatalog>());
        services.AddSingleton(UnusedDependency.Create<Bot.Skills.Mediation.IBookingReminders>());
        services.AddSingleton(UnusedDependency.Create<Bot.Skills.Mediation.IBookingLinks>());
        services.AddSingleton(UnusedDependency.Create<Bot.Skills.Mediation.IReminderOutbox>());
        services.AddSingleton(UnusedDependency.Create<Bot.Skills.Events.IEventStore>());
        services.AddSingleton(UnusedDependency.Create<Bot.Skills.Events.IEventReminders>());
        services.AddBotSkills();
        foreach (var skill in extraSkills)
        {
            services.AddSingleton(skill);
        }

        Services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8)));

    public DictionaryStateStore States { get; } = new();

    public SetLedger TurnLedger { get; } = new();

    public Bot.Skills.Tests.Complaints.MemoryLedger Tickets { get; }

    public Bot.Skills.Tests.Complaints.RecordingNotifier Notifier { get; } = new();

    public Bot.Skills.Tests.Complaints.RecordingAlerter Alerter { get; } = new();

    public Bot.Skills.Tests.Dispatch.MemoryRoster Roster { get; } = new();

    public Bot.Skills.Tests.Dispatch.RecordingStaffNotifier Staff { get; } = new();

    public Bot.Skills.Tests.Handoff.MemoryHandoffStore Sessions { get; } = new();

    public ServiceProvider Services { get; }

    public ConversationEngine Engine => Services.GetRequiredService<ConversationEngine>();

    private int _next;

    public Task<TurnResult> SayAsync(string user, string text) =>
        Engine.ProcessAsync(new InboundMessage("test", user, $"m{Interlocked.Increment(ref _next)}", InboundKind.Text, Clock.GetUtcNow(), text), CancellationToken.None);

    public Task<TurnResult> SendAsync(InboundMessage message) => Engine.ProcessAsync(message, CancellationToken.None);

    public Task<TurnResult> SendLocationAsync(string user, GeoPoint point) =>
        Engine.ProcessAsync(new InboundMessage("test", user, $"m{Interlocked.Increment(ref _next)}", InboundKind.Location, Clock.GetUtcNow(), Location: point), CancellationToken.None);
}

internal sealed class DictionaryStateStore : IConversationStateStore
{
    private readonly Dictionary<ResidentKey, string> _states = [];

    public Task<ConversationState?> GetAsync(ResidentKey resident, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(resident, out var json) ? System.Text.Json.JsonSerializer.Deserialize<ConversationState>(json) : null);

    public Task SaveAsync(ResidentKey resident, ConversationState state, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        _states[resident] = System.Text.Json.JsonSerializer.Serialize(state);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        _states.Remove(resident);
        return Task.CompletedTask;
    }

    public ConversationState? Peek(string channel, string user) => GetAsync(new ResidentKey(channel, user), CancellationToken.None).Result;
}

internal sealed class SetLedger : ITurnLedger
{
    public HashSet<string> Completed { get; } = [];

    public Task<bool> IsCompletedAsync(string channel, string messageKey, CancellationToken cancellationToken) =>
        Task.FromResult(Completed.Contains(messageKey));
}

/// <summary>A skill that asks a question and keeps the dialogue until it has an answer.</summary>
internal sealed class AskingSkill : ISkill
{
    public string Intent => "asking";

    public string? MenuTitle => "测试问答";

    public int MenuOrder => 10;

    public Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.State.ActiveSkill is null)
        {
            context.State.ActiveSkill = Intent;
            return Task.FromResult<IReadOnlyList<Reply>>([Reply.FromText("请问在哪里？")]);
        }

        context.State.Slots["place"] = context.Message.Text ?? string.Empty;
        var answer = $"记下了：{context.State.Slots["place"]}";
        context.State.EndDialogue();
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.FromText(answer)]);
    }
}
