using System.Diagnostics;

namespace Bot.Skills.Telemetry;

/// <summary>
/// The names shared by traces and metrics. Tags carry only channel, intent and outcome: never a resident's text or id.
/// </summary>
public static class BotTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the meter.</summary>
    public const string Name = "Bot";

    public const string TurnActivity = "bot.turn";
    public const string SendActivity = "bot.outbox.send";

    public const string MessagesReceived = "bot.messages.received";
    public const string TurnDuration = "bot.turn.duration";
    public const string SkillOutcomes = "bot.skill.outcomes";
    public const string SlaEscalations = "bot.sla.escalations";
    public const string OutboxBacklog = "bot.outbox.backlog";

    public const string ChannelTag = "bot.channel";
    public const string IntentTag = "bot.intent";
    public const string OutcomeTag = "bot.outcome";

    /// <summary>Spans around a conversation turn and an outbound send; free when nobody listens.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);
}
