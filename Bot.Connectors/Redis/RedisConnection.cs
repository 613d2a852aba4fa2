using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Connectors.Redis;

/// <summary>
/// The process-wide Redis connection. It connects on first use, so a host without Redis configured never
/// opens a socket, and a failed attempt is retried by the next caller instead of being cached forever.
/// </summary>
public sealed partial class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private bool _disposed;

    public bool IsConfigured => options.Value.IsConfigured;

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
            return await ConnectionMultiplexer.ConnectAsync(options.Value.Configuration).ConfigureAwait(false);
        }
        catch (RedisConnectionException ex)
        {
            LogConnectFailed(ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not connect to Redis")]
    private partial void LogConnectFailed(Exception exception);
}
