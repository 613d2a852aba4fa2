using System.Security.Cryptography;
using System.Text;
using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Connectors.Cluster;

/// <summary>
/// The resident lock while Redis is down and the hosts share PostgreSQL: a session advisory lock on a
/// connection of its own (not pooled), so that if the host dies the server frees the lock with the session.
/// </summary>
public sealed class PostgresResidentLock(IOptions<StorageOptions> storage, IOptions<IntakeOptions> options, TimeProvider clock)
{
    /// <summary>A stable 64-bit key per resident; a collision only makes two residents wait for each other.</summary>
    public static long KeyFor(ResidentKey resident)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"bot:lock:{resident.Channel}:{resident.UserId}"));
        return BitConverter.ToInt64(hash, 0);
    }

    public async Task<IAsyncDisposable?> TryAcquireAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = KeyFor(resident);
        var deadline = clock.GetUtcNow() + settings.TurnLockWait;
        var builder = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (await TryLockAsync(connection, key, cancellationToken).ConfigureAwait(false))
                {
                    return new Held(connection, key);
                }

                if (clock.GetUtcNow() >= deadline)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                await Task.Delay(settings.TurnLockPoll, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                // Closing the unpooled session frees the lock even if the unlock above failed.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
