using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bot.Skills.Telemetry;

/// <summary>
/// The bot's own instruments on the meter named <see cref="BotTelemetry.Name"/>, one meter per container so tests
/// can tell hosts apart. Recording without a listener costs next to nothing.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    private readonly Counter<long> _received;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _escalations;

    public BotMetrics()
    {
        Meter = new Meter(new MeterOptions(BotTelemetry.Name) { Scope = this });
        _received = Meter.CreateCounter<long>(BotTelemetry.MessagesReceived, "{message}", "Messages accepted from residents");
        _turnDuration = Meter.CreateHistogram<double>(BotTelemetry.TurnDuration, "ms", "How long a conversation turn took");
        _outcomes = Meter.CreateCounter<long>(BotTelemetry.SkillOutcomes, "{turn}", "Turns by intent and outcome");
        _escalations = Meter.CreateCounter<long>(BotTelemetry.SlaEscalations, "{ticket}", "Tickets escalated or breached for a missed SLA");
    }

    /// <summary>The meter, for instruments owned elsewhere (the outbox backlog gauge).</summary>
    public Meter Meter { get; }

    public void MessageReceived(string channel) =>
        _received.Add(1, new KeyValuePair<string, object?>(BotTelemetry.ChannelTag, channel));

    /// <param name="outcome">"ok" or "error".</param>
    public void TurnCompleted(string channel, string intent, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { BotTelemetry.ChannelTag, channel },
            { BotTelemetry.IntentTag, intent },
            { BotTelemetry.OutcomeTag, outcome },
        };
        _turnDuration.Record(elapsed.TotalMilliseconds, tags);
        _outcomes.Add(1, tags);
    }

    /// <param name="outcome">"escalated" (handed one level up) or "breached" (nobody higher; the duty group was alerted).</param>
    public void SlaEscalated(string outcome) =>
        _escalations.Add(1, new KeyValuePair<string, object?>(BotTelemetry.OutcomeTag, outcome));

    public void Dispose() => Meter.Dispose();
}
