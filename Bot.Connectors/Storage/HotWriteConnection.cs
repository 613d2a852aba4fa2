using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

/// <summary>
/// Runs the per-message writes (accept, complete) as plain ADO.NET transactions.
/// </summary>
/// <remarks>
/// While the gate serialises writers (SQLite) the writes are group-committed: each caller queues its write and
/// takes the gate; whoever holds it runs every queued write in one transaction on one connection that stays
/// open, each write in its own savepoint so a failing one does not take the others down, and completes the
/// callers only after the commit. Concurrent messages then share one commit (one WAL append) instead of paying
/// one each, and no write pays for opening a connection. A commit that fails fails the whole batch and drops
/// the connection, so the next batch starts on a fresh one.
/// </remarks>
internal sealed class HotWriteConnection(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate) : IAsyncDisposable, IDisposable
{
    /// <summary>Bounds how long one batch holds the gate from the other writers.</summary>
    private const int MaxBatch = 64;

    private const string Savepoint = "hot_write";

    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private BotDbContext? _held;

    /// <summary>Runs <paramref name="write"/> in a transaction that is committed before the returned task completes.</summary>
    public async Task<T> RunAsync<T>(Func<DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!gate.Serialises)
        {
            return await gate.RunAsync(() => RunOnceAsync(write, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var pending = new PendingWrite<T>(write, cancellationToken);
        _queue.Enqueue(pending);

        // Usually an earlier caller's batch has taken this write already; then the gate is passed straight on.
        await gate.RunAsync(DrainAsync, CancellationToken.None).ConfigureAwait(false);
        return await pending.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Called at shutdown, after the writers have stopped; a late write would simply open a new connection.
        if (Interlocked.Exchange(ref _held, null) is { } held)
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _held, null)?.Dispose();

    private async Task<bool> DrainAsync()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var write))
        {
            if (!write.TryCancel())
            {
                batch.Add(write);
            }
        }

        if (batch.Count == 0)
        {
            return false;
        }

        try
        {
            var db = _held ??= await OpenAsync().ConfigureAwait(false);
            await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync().ConfigureAwait(false);
            foreach (var write in batch)
            {
                await transaction.SaveAsync(Savepoint).ConfigureAwait(false);
                if (await write.RunAsync(transaction).ConfigureAwait(false))
                {
                    await transaction.ReleaseAsync(Savepoint).ConfigureAwait(false);
                }
                else
                {
                    // Undo only this write; the rest of the batch still commits.
                    await transaction.RollbackAsync(Savepoint).ConfigureAwait(false);
                    await transaction.ReleaseAsync(Savepoint).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await DropAsync().ConfigureAwait(false);
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return true;
        }

        foreach (var write in batch)
        {
            write.Publish();
        }

        return true;
    }

    private async Task<BotDbContext> OpenAsync()
    {
        var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
        try
        {
            // Through EF, so the connection interceptor applies the per-connection settings.
            await db.Database.OpenConnectionAsync().ConfigureAwait(false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task DropAsync()
    {
        if (Interlocked.Exchange(ref _held, null) is { } held)
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<T> RunOnceAsync<T>(Func<DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await write(transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private abstract class PendingWrite
    {
        /// <summary>Runs the write inside the batch; false when it threw (its error is kept for <see cref="Publish"/>).</summary>
        public abstract Task<bool> RunAsync(DbTransaction transaction);

        /// <summary>After the commit: hands the caller its result, or the error its own write threw.</summary>
        public abstract void Publish();

        public abstract void Fail(Exception exception);

        /// <summary>True (and the caller told) when the caller gave up before the batch reached this write.</summary>
        public abstract bool TryCancel();
    }

    private sealed class PendingWrite<T>(Func<DbTransaction, Task<T>> write, CancellationToken cancellationToken) : PendingWrite
    {
        // Callers continue on the thread pool, not inside the batch that still holds the gate.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _error;

        public Task<T> Task => _completion.Task;

        public override async Task<bool> RunAsync(DbTransaction transaction)
        {
            try
            {
                _result = await write(transaction).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex)
            {
                _error = ex;
                return false;
            }
        }

        public override void Publish()
        {
            if (_error is null)
            {
                _completion.TrySetResult(_result);
            }
            else
            {
                _completion.TrySetException(_error);
            }
        }

        public override void Fail(Exception exception) => _completion.TrySetException(_error ?? exception);

        public override bool TryCancel() =>
            cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);
    }
}
