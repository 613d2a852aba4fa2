namespace Bot.Skills.Engine;

/// <summary>
/// A fixed-window counter per resident in this process: the limiter of a single host, and the fallback of
/// the Redis limiter while Redis is down (then each host counts on its own, which is lenient but safe).
/// </summary>
public sealed class InProcessRateLimiter(TimeProvider clock) : IResidentRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResidentKey, Window> _windows = [];

    public Task<bool> TryAcquireAsync(ResidentKey resident, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        lock (_gate)
        {
            if (_windows.Count > 10_000)
            {
                // Residents who went quiet: dropping their finished windows keeps the map small.
                foreach (var stale in _windows.Where(w => w.Value.Start < start).Select(w => w.Key).ToList())
                {
                    _windows.Remove(stale);
                }
            }

            var count = _windows.TryGetValue(resident, out var current) && current.Start == start ? current.Count + 1 : 1;
            _windows[resident] = new Window(start, count);
            return Task.FromResult(count <= limit);
        }
    }

    private readonly record struct Window(DateTimeOffset Start, int Count);
}
