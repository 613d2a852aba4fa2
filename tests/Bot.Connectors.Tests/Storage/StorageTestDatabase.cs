using Bot.Connectors.Cluster;
using Bot.Connectors.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Storage;

/// <summary>A real SQLite file per test, with the stores the host uses.</summary>
internal sealed class StorageTestDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-storage-").FullName;

    /// <param name="createSchema">False leaves an empty file, for the migrator to start from.</param>
    public StorageTestDatabase(bool createSchema = true)
    {
        var connection = StorageServiceCollectionExtensions.ResolveSqlitePath("Data Source=bot.db", _directory);
        var options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite(connection).AddInterceptors(new SqliteConnectionSetup()).Options;
        Contexts = new PooledDbContextFactory<BotDbContext>(options);
        if (createSchema)
        {
            // The schema as it was made before migrations; the migration tests check the two agree.
            using var db = Contexts.CreateDbContext();
            db.Database.EnsureCreated();
        }

        Gate = new DatabaseWriteGate(serialise: true);
        var gate = Gate;
        Inbox = InboxOf("host-a");
        Outbox = new OutboxStore(Contexts, gate, Clock);
        Tickets = new Bot.Connectors.Storage.Tickets.TicketLedger(Contexts, gate, Clock);
        Roster = new Bot.Connectors.Storage.Grid.GridRoster(Contexts, gate, Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Bot.Connectors.Storage.Grid.GridRoster>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public IDbContextFactory<BotDbContext> Contexts { get; }

    public DatabaseWriteGate Gate { get; }

    /// <summary>Leases in these tests: 60 s, so a test moves the clock past them explicitly.</summary>
    public static InboxOptions InboxOptions { get; } = new() { LeaseSeconds = 60 };

    public InboxStore Inbox { get; }

    public OutboxStore Outbox { get; }

    public Bot.Connectors.Storage.Tickets.TicketLedger Tickets { get; }

    public Bot.Connectors.Storage.Grid.GridRoster Roster { get; }

    /// <summary>The inbox as the host named <paramref name="instanceId"/> sees it.</summary>
    public InboxStore InboxOf(string instanceId) => new(
        Contexts,
        Gate,
        new InstanceIdentity(Microsoft.Extensions.Options.Options.Create(new ClusterOptions { InstanceId = instanceId })),
        Microsoft.Extensions.Options.Options.Create(InboxOptions),
        Clock);

    public void Dispose()
    {
        Inbox.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
