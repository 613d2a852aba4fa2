using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Connectors.Redis;

/// <summary>
/// The process-wide Redis connection. It connects on first use, so a host without Redis configured never
/// opens a socket, and a failed attempt is retried by the next caller instead of being cached forever.
/// Callers with a fallback go through <see cref="RunAsync{T}"/>, which consults the <see cref="RedisCircuit"/>.
/// </summary>
public sealed partial class RedisConnection(IOptions<RedisOptions> options, RedisCircuit circuit, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private bool _disposed;

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>True while Redis is configured and the circuit is closed, i.e. worth trying.</summary>
    public bool IsAvailable => IsConfigured && !circuit.IsOpen;

    /// <summary>
    /// Runs one Redis operation. Fails at once with <see cref="RedisUnavailableException"/> while the circuit
    /// is open; a connection failure or timeout opens it and surfaces as the same exception.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (circuit.IsOpen)
        {
            throw new RedisUnavailableException("Redis failed recently; skipping it until the retry pause ends.");
        }

        try
        {
            var db = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var result = await operation(db).WaitAsync(cancellationToken).ConfigureAwait(false);
            circuit.RecordSuccess();
            return result;
        }
        // A server error (RedisServerException) means Redis answered: a bug to surface, not an outage.
        catch (Exception ex) when (IsOutage(ex) && !cancellationToken.IsCancellationRequested)
        {
            circuit.RecordFailure();
            LogUnavailable(ex.GetType().Name, options.Value.RetryAfterMs);
            throw new RedisUnavailableException("Redis did not answer.", ex);
        }
    }

    private static bool IsOutage(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or TimeoutException or ObjectDisposedException
        || (ex is RedisException && ex is not RedisServerException);

    public Task RunAsync(Func<IDatabase, Task> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(async db =>
        {
            await operation(db).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The configuration string with outage-friendly defaults for whatever it leaves unset: never abort on a
    /// failed connect (reconnect in the background), short timeouts, and no backlog — a command while
    /// disconnected fails at once instead of waiting for the reconnect.
    /// </summary>
    public static ConfigurationOptions BuildConfiguration(string configuration)
    {
        var parsed = ConfigurationOptions.Parse(configuration);
        bool Has(string key) => configuration.Contains(key + "=", StringComparison.OrdinalIgnoreCase);
        if (!Has("abortConnect"))
        {
            parsed.AbortOnConnectFail = false;
        }

        if (!Has("connectTimeout"))
        {
            parsed.ConnectTimeout = 2000;
        }

        if (!Has("syncTimeout"))
        {
            parsed.SyncTimeout = 1000;
        }

        if (!Has("asyncTimeout"))
        {
            parsed.AsyncTimeout = 1000;
        }

        parsed.BacklogPolicy = BacklogPolicy.FailFast;
        return parsed;
    }

    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        return connection.GetDatabase();
    }

    public Task<IConnectionMultiplexer> GetConnectionAsync(CancellationToken cancellationToken)
    {
        Task<ConnectionMultiplexer> connecting;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!IsConfigured)
            {
                throw new InvalidOperationException($"{RedisOptions.SectionName}:{nameof(RedisOptions.Configuration)} is empty.");
            }

            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            connecting = _connecting;
        }

        return AwaitAsync(connecting, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? connecting;
        lock (_gate)
        {
            _disposed = true;
            connecting = _connecting;
        }

        if (connecting is { IsCompletedSuccessfully: true })
        {
            await connecting.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<IConnectionMultiplexer> AwaitAsync(Task<ConnectionMultiplexer> connecting, CancellationToken cancellationToken) =>
        await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        try
        {
            // One caller's cancellation must not abort the connection every other caller shares.
            return await ConnectionMultiplexer.ConnectAsync(BuildConfiguration(options.Value.Configuration)).ConfigureAwait(false);
        }
        catch (RedisConnectionException ex)
        {
            LogConnectFailed(ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not connect to Redis")]
    private partial void LogConnectFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable ({Reason}); using fallbacks for {RetryAfterMs} ms")]
    private partial void LogUnavailable(string reason, int retryAfterMs);
}
