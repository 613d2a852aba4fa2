using System.Collections.Concurrent;
using Bot.Skills.Engine;

namespace Bot.Connectors.State;

/// <summary>
/// Conversation state for a single host. Entries are kept as JSON, so callers always get their own copy,
/// exactly as with Redis.
/// </summary>
public sealed class InMemoryConversationStateStore(TimeProvider clock) : IConversationStateStore
{
    /// <summary>How often a save also sweeps out expired entries of residents who never came back.</summary>
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<ResidentKey, Entry> _entries = new();
    private long _nextSweepTicks = clock.GetUtcNow().Add(SweepInterval).UtcTicks;

    /// <summary>Number of entries held, expired or not; lets tests see that expired ones are dropped.</summary>
    internal int Count => _entries.Count;

    public Task<ConversationState?> GetAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_entries.TryGetValue(resident, out var entry))
        {
            return Task.FromResult<ConversationState?>(null);
        }

        if (entry.ExpiresAt <= clock.GetUtcNow())
        {
            // Remove only this entry, not one a concurrent save has just put in its place.
            _entries.TryRemove(new KeyValuePair<ResidentKey, Entry>(resident, entry));
            return Task.FromResult<ConversationState?>(null);
        }

        return Task.FromResult(StateJsonContext.Deserialize(entry.Json));
    }

    public Task SaveAsync(ResidentKey resident, ConversationState state, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow();
        _entries[resident] = new Entry(StateJsonContext.Serialize(state), now + timeToLive);
        SweepIfDue(now);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _entries.TryRemove(resident, out _);
        return Task.CompletedTask;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due
            || Interlocked.CompareExchange(ref _nextSweepTicks, now.Add(SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private sealed record Entry(string Json, DateTimeOffset ExpiresAt);
}
