namespace Bot.Connectors.WeCom.Api;

/// <summary>WeCom's documented send limits, one gate each.</summary>
public sealed class WeComRateGates(TimeProvider clock)
{
    /// <summary>An app may send a member at most 30 messages a minute.</summary>
    public RateGate AppMessages { get; } = new(30, TimeSpan.FromMinutes(1), clock);

    /// <summary>A group robot may send at most 20 messages a minute.</summary>
    public RateGate Robots { get; } = new(20, TimeSpan.FromMinutes(1), clock);
}
