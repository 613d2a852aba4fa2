namespace Bot.Benchmarks;

/// <summary>
/// Callbacks built before the timed window so the client spends its CPU on sending, not on AES and SHA-1.
/// Each is handed out once (unique MsgIds) unless the pool is cyclic — the bare endpoint does not deduplicate.
/// </summary>
public sealed class CallbackPool(CallbackFactory factory, bool cyclic)
{
    private readonly List<SignedCallback> _items = [];
    private long _next = -1;

    public int Count => _items.Count;

    /// <summary>How many have been handed out.</summary>
    public long Taken => Math.Min(Interlocked.Read(ref _next) + 1, _items.Count);

    /// <summary>Builds more, in parallel; only between load phases, never while workers take.</summary>
    public void GrowTo(int count)
    {
        var start = _items.Count;
        if (count <= start)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var built = new SignedCallback[count - start];
        Parallel.For(0, built.Length, i => built[i] = factory.Build(start + i, now));
        _items.AddRange(built);
    }

    /// <returns>The next callback, or null when a non-cyclic pool is used up.</returns>
    public SignedCallback? Take()
    {
        var index = Interlocked.Increment(ref _next);
        if (index < _items.Count)
        {
            return _items[(int)index];
        }

        return cyclic ? _items[(int)(index % _items.Count)] : null;
    }
}
