using Microsoft.Extensions.Options;

namespace Bot.Connectors.Redis;

/// <summary>
/// Remembers that Redis just failed, so that for <see cref="RedisOptions.RetryAfterMs"/> every caller goes
/// straight to its fallback instead of each paying a timeout. After the pause one call probes Redis again;
/// its success closes the circuit, its failure opens it for another pause.
/// </summary>
public sealed class RedisCircuit(IOptions<RedisOptions> options, TimeProvider clock)
{
    private long _openUntilTicks = DateTimeOffset.MinValue.UtcTicks;

    public bool IsOpen => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _openUntilTicks);

    public void RecordFailure() =>
        Interlocked.Exchange(ref _openUntilTicks, (clock.GetUtcNow() + TimeSpan.FromMilliseconds(options.Value.RetryAfterMs)).UtcTicks);

    public void RecordSuccess() => Interlocked.Exchange(ref _openUntilTicks, DateTimeOffset.MinValue.UtcTicks);
}
