using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Knowledge;
using Bot.Skills.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.Storage.Knowledge;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();
    private readonly KnowledgeStore _store;

    public KnowledgeStoreTests() => _store = new KnowledgeStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);

    public void Dispose() => _db.Dispose();

    private static KnowledgeEntry Entry(string id, string question, DateOnly? validUntil = null) =>
        new(id, question, $"{question}的答案", "社区服务指南", validUntil, ["标签一", "标签二"]);

    [Fact]
    public async Task SeedAsync_EmptyTable_WritesOnceOnly()
    {
        Assert.Equal(2, await _store.SeedAsync([Entry("a", "居住证怎么办"), Entry("b", "垃圾几点投放")], CancellationToken.None));
        await _store.DeleteAsync("a", "test", CancellationToken.None);
        await _store.DeleteAsync("b", "test", CancellationToken.None);

        Assert.Equal(0, await _store.SeedAsync([Entry("c", "养老服务有哪些")], CancellationToken.None));
        Assert.Empty(await _store.ListActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NewThenUpdated_RoundTripsAllFields()
    {
        var (_, created) = await _store.SaveAsync(Entry("permit", "居住证怎么办", new DateOnly(2027, 6, 30)), "admin", CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        var (updated, createdAgain) = await _store.SaveAsync(Entry("permit", "居住证要带什么材料", new DateOnly(2027, 6, 30)), "editor", CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        var stored = await _store.GetAsync("permit", CancellationToken.None);
        Assert.Equal("居住证要带什么材料", stored!.Entry.Question);
        Assert.Equal(new DateOnly(2027, 6, 30), stored.Entry.ValidUntil);
        Assert.Equal(["标签一", "标签二"], stored.Entry.Tags);
        Assert.Equal("editor", stored.UpdatedBy);
        Assert.Equal(_db.Clock.GetUtcNow().ToUnixTimeMilliseconds(), stored.UpdatedAt.ToUnixTimeMilliseconds());
        Assert.Equal(updated.Entry.Question, stored.Entry.Question);
    }

    [Fact]
    public async Task DeleteAsync_Existing_HiddenAndSecondDeleteFalse()
    {
        await _store.SaveAsync(Entry("a", "居住证怎么办"), "admin", CancellationToken.None);

        Assert.True(await _store.DeleteAsync("a", "admin", CancellationToken.None));
        Assert.False(await _store.DeleteAsync("a", "admin", CancellationToken.None));
        Assert.Null(await _store.GetAsync("a", CancellationToken.None));
        Assert.Empty(await _store.ListAsync(CancellationToken.None));
        Assert.True((await _store.SaveAsync(Entry("a", "居住证怎么办"), "admin", CancellationToken.None)).Created);
    }

    [Fact]
    public async Task ListActiveAsync_ExpiredEntry_RetrieverSkipsItAfterLastDay()
    {
        // The test clock is 2026-11-25 16:00 China time.
        await _store.SaveAsync(Entry("permit", "居住证怎么办理", new DateOnly(2026, 11, 25)), "admin", CancellationToken.None);
        var retriever = new KnowledgeRetriever(_store, _db.Clock);

        Assert.Single(await retriever.FindAsync("居住证怎么办理", 3, CancellationToken.None));
        _db.Clock.Advance(TimeSpan.FromHours(9));
        Assert.Empty(await retriever.FindAsync("居住证怎么办理", 3, CancellationToken.None));
    }

    [Fact]
    public async Task Seeder_RepositoryFolder_SeedsEveryDefaultEntryOnce()
    {
        var root = RepositoryRoot();
        var seeder = new KnowledgeSeeder(_store, Options.Create(new KnowledgeOptions()), new KnowledgeFolder(root), NullLogger<KnowledgeSeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);
        await seeder.StartAsync(CancellationToken.None);

        var files = Directory.GetFiles(Path.Combine(root, "knowledge"), "*.md");
        var entries = await _store.ListAsync(CancellationToken.None);
        Assert.True(files.Length >= 8);
        Assert.Equal(files.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal), entries.Select(e => e.Entry.Id));
        Assert.All(entries, e => Assert.Equal("seed", e.UpdatedBy));
        Assert.All(entries, e => Assert.Contains("示例", e.Entry.Source, StringComparison.Ordinal));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Neighbourhood.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
