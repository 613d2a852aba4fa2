using System.Collections.Concurrent;

namespace Bot.Connectors.WeCom.AiBot;

/// <summary>Counts messages being answered per member, so one member cannot tie up the host with a burst.</summary>
public sealed class InFlightLimiter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <returns>True when a slot was taken (release it with <see cref="Release"/>); false at <paramref name="limit"/>.</returns>
    public bool TryEnter(string key, int limit)
    {
        while (true)
        {
            var current = _counts.GetOrAdd(key, 0);
            if (current >= limit)
            {
                return false;
            }

            if (_counts.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Release(string key)
    {
        while (_counts.TryGetValue(key, out var current))
        {
            if (current <= 1 ? _counts.TryRemove(new KeyValuePair<string, int>(key, current)) : _counts.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }

    public int InFlight(string key) => _counts.TryGetValue(key, out var count) ? count : 0;
}
