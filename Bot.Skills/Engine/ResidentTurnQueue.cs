namespace Bot.Skills.Engine;

/// <summary>
/// Runs each resident's turns one at a time, in the order they were enqueued, while different residents'
/// turns run in parallel. Ordering holds within one process; across hosts the intake also takes the
/// resident's <see cref="IResidentLock"/> around each turn.
/// </summary>
public sealed class ResidentTurnQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResidentKey, Task> _tails = [];

    /// <summary>Number of residents with queued or running turns.</summary>
    public int ActiveResidents
    {
        get
        {
            lock (_gate)
            {
                return _tails.Count;
            }
        }
    }

    public Task<T> EnqueueAsync<T>(ResidentKey resident, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            _tails.TryGetValue(resident, out var previous);
            var task = RunAfterAsync(previous, work);
            _tails[resident] = task;
            _ = task.ContinueWith(
                completed => Forget(resident, completed),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return task;
        }
    }

    private static async Task<T> RunAfterAsync<T>(Task? previous, Func<Task<T>> work)
    {
        if (previous is not null)
        {
            // A failed turn must not block the resident's next one; its own caller saw the failure.
            await previous.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        return await work().ConfigureAwait(false);
    }

    private void Forget(ResidentKey resident, Task completed)
    {
        lock (_gate)
        {
            if (_tails.TryGetValue(resident, out var tail) && ReferenceEquals(tail, completed))
            {
                _tails.Remove(resident);
            }
        }
    }
}
