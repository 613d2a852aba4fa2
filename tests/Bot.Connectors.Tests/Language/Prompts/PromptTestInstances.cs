using Bot.Connectors.Language.Prompts;
using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Prompts;
using Bot.TestSupport.Language;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Language.Prompts;

/// <summary>
/// One SQLite file and the sample prompt folder; each <see cref="Create"/> is a separate instance (its own
/// context pool and write gate), as two hosts sharing the database would be.
/// </summary>
internal sealed class PromptTestInstances : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-prompt-store-").FullName;
    private readonly SamplePrompts _prompts = new();
    private readonly string _connection;

    public PromptTestInstances()
    {
        _connection = StorageServiceCollectionExtensions.ResolveSqlitePath("Data Source=bot.db", _directory);
        using var db = Contexts().CreateDbContext();
        db.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public Instance Create()
    {
        var contexts = Contexts();
        var files = new PromptFiles(Options.Create(new PromptOptions { Folder = _prompts.Folder }), _directory, NullLogger<PromptFiles>.Instance);
        var store = new PromptVersionStore(contexts, new DatabaseWriteGate(serialise: true), Clock);
        return new Instance(new PromptCatalog(files, store), new PromptSource(files, store), contexts);
    }

    public void Dispose()
    {
        _prompts.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private PooledDbContextFactory<BotDbContext> Contexts() =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(_connection).AddInterceptors(new SqliteConnectionSetup()).Options);

    internal sealed record Instance(PromptCatalog Catalog, PromptSource Source, IDbContextFactory<BotDbContext> Contexts)
    {
        public PromptDefault Prompt => Catalog.Find("test", "classify")!;
    }
}
