namespace Bot.Connectors.Storage;

/// <summary>
/// SQLite allows one writer at a time; queueing writers here is far cheaper than letting them spin on
/// SQLITE_BUSY. Other providers pass straight through.
/// </summary>
public sealed class DatabaseWriteGate(bool serialise)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>True when writers run one at a time, so a writer may keep state (an open connection) between writes.</summary>
    public bool Serialises => serialise;

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!serialise)
        {
            return await write().ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
