using Bot.Connectors.Storage;
using Bot.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Storage.Postgres;

/// <summary>A fresh PostgreSQL database with the schema the host migrates; each <see cref="Contexts"/> pool is one "host".</summary>
internal sealed class PostgresTestDatabase
{
    private PostgresTestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    /// <summary>PostgreSQL needs no write queue: every store gets a pass-through gate, as in the host.</summary>
    public static DatabaseWriteGate Gate => new(serialise: false);

    public static async Task<PostgresTestDatabase> CreateAsync(PostgresServerFixture server, bool initialise = true)
    {
        var database = new PostgresTestDatabase(await server.CreateDatabaseAsync());
        if (initialise)
        {
            await database.Initializer().StartAsync(CancellationToken.None);
        }

        return database;
    }

    /// <summary>The hosted service that migrates the schema, as one host would run it.</summary>
    public DatabaseInitializer Initializer() =>
        new(Contexts(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseInitializer>.Instance);

    /// <summary>A new context pool on the database, as a separate host would have.</summary>
    public IDbContextFactory<BotDbContext> Contexts() =>
        new PooledDbContextFactory<BotDbContext>(new DbContextOptionsBuilder<BotDbContext>().UseNpgsql(ConnectionString).Options);
}
