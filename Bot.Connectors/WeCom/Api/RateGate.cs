namespace Bot.Connectors.WeCom.Api;

/// <summary>
/// A sliding-window limit per key: at most <c>limit</c> slots per <c>window</c>. Callers await a slot
/// instead of being refused, which queues bursts; waiting runs on the <see cref="TimeProvider"/>, so
/// tests move it with a fake clock.
/// </summary>
public sealed class RateGate(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Signal)> _waitSignals = [];
    private int _waiting;

    public int Limit => limit;

    /// <summary>Callers currently waiting for a slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Takes one slot under every key at once (a message to several members counts for each).</summary>
    public async Task WaitAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        while (true)
        {
            Task delay;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                var wait = keys.Select(key => WaitFor(key, now)).DefaultIfEmpty(TimeSpan.Zero).Max();
                if (wait <= TimeSpan.Zero)
                {
                    foreach (var key in keys)
                    {
                        Slots(key).Enqueue(now);
                    }

                    return;
                }

                // Created under the lock so a clock advance cannot slip between computing the wait and arming it.
                delay = Task.Delay(wait, clock, cancellationToken);
                _waiting++;
                Signal();
            }

            try
            {
                await delay.ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    _waiting--;
                }
            }
        }
    }

    /// <summary>Holds back <paramref name="keys"/> for <paramref name="backoff"/>, after the server said "too fast".</summary>
    public void Defer(IEnumerable<string> keys, TimeSpan backoff)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            var until = clock.GetUtcNow() + backoff;
            foreach (var key in keys)
            {
                _blockedUntil[key] = _blockedUntil.TryGetValue(key, out var current) && current > until ? current : until;
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> callers wait; lets tests advance the clock at the right moment.</summary>
    public Task WhenWaitingAsync(int count)
    {
        lock (_gate)
        {
            if (_waiting >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitSignals.Add((count, signal));
            return signal.Task;
        }
    }

    private TimeSpan WaitFor(string key, DateTimeOffset now)
    {
        var blocked = _blockedUntil.TryGetValue(key, out var until) && until > now ? until - now : TimeSpan.Zero;
        var slots = Slots(key);
        while (slots.Count > 0 && slots.Peek() <= now - window)
        {
            slots.Dequeue();
        }

        var full = slots.Count >= limit ? slots.Peek() + window - now : TimeSpan.Zero;
        return blocked > full ? blocked : full;
    }

    private Queue<DateTimeOffset> Slots(string key) =>
        _used.TryGetValue(key, out var slots) ? slots : _used[key] = new Queue<DateTimeOffset>();

    private void Signal()
    {
        foreach (var waiter in _waitSignals.Where(w => _waiting >= w.Count).ToList())
        {
            _waitSignals.Remove(waiter);
            waiter.Signal.TrySetResult();
        }
    }
}
