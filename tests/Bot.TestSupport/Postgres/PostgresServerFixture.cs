using Npgsql;
using Xunit;

namespace Bot.TestSupport.Postgres;

/// <summary>
/// A real PostgreSQL for tests and a fresh, empty database on it per fixture (per test class): the server named by
/// <c>BOT_TEST_POSTGRES</c> (a connection string with rights to CREATE DATABASE) when CI runs one, else a private
/// server started for this test run and shared by the fixtures alive at the same time. A missing PostgreSQL fails
/// the tests instead of skipping them, so PostgreSQL code is never silently untested.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "BOT_TEST_POSTGRES";

    private static readonly SemaphoreSlim ServerLock = new(1, 1);
    private static PostgresServer? _server;
    private static int _users;

    private bool _holdsServer;

    /// <summary>Npgsql connection string of this fixture's own database (Storage:ConnectionString).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    private string AdminConnectionString { get; set; } = string.Empty;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var existing = Environment.GetEnvironmentVariable(EnvironmentVariable);
        AdminConnectionString = string.IsNullOrWhiteSpace(existing) ? await AcquireServerAsync(cancellationToken).ConfigureAwait(false) : existing;
        ConnectionString = await CreateDatabaseAsync(cancellationToken).ConfigureAwait(false);
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    /// <summary>Creates another empty database (test_&lt;guid&gt;) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        // Databases are left to the server: the private one is deleted with its directory, a CI one is disposable.
        NpgsqlConnection.ClearAllPools();
        if (!_holdsServer)
        {
            return;
        }

        await ServerLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (--_users == 0 && _server is not null)
            {
                await _server.DisposeAsync().ConfigureAwait(false);
                _server = null;
            }
        }
        finally
        {
            ServerLock.Release();
        }
    }

    private async Task<string> AcquireServerAsync(CancellationToken cancellationToken)
    {
        await ServerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _server ??= await PostgresServer.StartAsync(cancellationToken).ConfigureAwait(false);
            _users++;
            _holdsServer = true;
            return _server.ConnectionString;
        }
        finally
        {
            ServerLock.Release();
        }
    }
}
