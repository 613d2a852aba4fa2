using System.Collections.Concurrent;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// Remembers message keys in process for a while. The default for a WeCom connector used without storage; the
/// host registers the database-backed log instead, which every host shares and which survives a restart.
/// </summary>
public sealed class WeComMessageDeduplicator(TimeProvider clock) : IWeComMessageLog
{
    /// <summary>Far longer than WeCom's retry span of about 15 s.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <returns>True the first time <paramref name="key"/> is seen within <see cref="Retention"/>.</returns>
    public bool TryRegister(string key)
    {
        var now = clock.GetUtcNow();
        if (_seen.Count > SweepThreshold)
        {
            Sweep(now);
        }

        var expiresAt = now + Retention;
        while (true)
        {
            if (_seen.TryAdd(key, expiresAt))
            {
                return true;
            }

            if (_seen.TryGetValue(key, out var existing) && existing > now)
            {
                return false;
            }

            // Expired: take it over, unless another request just did (then the loop sees the fresh entry).
            if (_seen.TryUpdate(key, expiresAt, existing))
            {
                return true;
            }
        }
    }

    /// <summary>Drops <paramref name="key"/>, so the next delivery of it is handled.</summary>
    public void Forget(string key) => _seen.TryRemove(key, out _);

    public Task<bool> TryRegisterAsync(string key, CancellationToken cancellationToken) => Task.FromResult(TryRegister(key));

    public Task ForgetAsync(string key, CancellationToken cancellationToken)
    {
        Forget(key);
        return Task.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, expiresAt) in _seen)
        {
            if (expiresAt <= now)
            {
                _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiresAt));
            }
        }
    }
}
