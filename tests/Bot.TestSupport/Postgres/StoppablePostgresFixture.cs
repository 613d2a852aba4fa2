using Npgsql;
using Xunit;

namespace Bot.TestSupport.Postgres;

/// <summary>
/// A private PostgreSQL server for one test class that the tests may stop and start again (outage drills). It is
/// never the shared one of <see cref="PostgresServerFixture"/> or <c>BOT_TEST_POSTGRES</c>: stopping that would fail
/// unrelated tests running at the same time.
/// </summary>
public sealed class StoppablePostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>Connection string of a database made for this fixture.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    private PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync(CancellationToken.None).ConfigureAwait(false);
        var name = $"drill_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_server.ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = name, Timeout = 3 }.ConnectionString;
    }

    public Task StopAsync() => Server.StopAsync(CancellationToken.None);

    public async Task StartAgainAsync()
    {
        await Server.StartAgainAsync(CancellationToken.None).ConfigureAwait(false);

        // Pooled connections died with the old server process; drop them so the next command opens a fresh one.
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
