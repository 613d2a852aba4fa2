using Bot.Connectors.State;
using Bot.Skills.Engine;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.State;

public sealed class InMemoryConversationStateStoreTests : ConversationStateStoreTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
    private readonly InMemoryConversationStateStore _store;

    public InMemoryConversationStateStoreTests() => _store = new InMemoryConversationStateStore(_clock);

    protected override IConversationStateStore Store => _store;

    protected override async Task AssertExpiresAfterAsync(ResidentKey resident, TimeSpan timeToLive)
    {
        _clock.Advance(timeToLive - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _store.GetAsync(resident, CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _store.GetAsync(resident, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_ExpiredEntry_IsDropped()
    {
        await _store.SaveAsync(Resident, new ConversationState(), TimeSpan.FromMinutes(5), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await _store.GetAsync(Resident, CancellationToken.None);

        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task SaveAsync_AfterSweepInterval_EvictsResidentsWhoNeverCameBack()
    {
        for (var i = 0; i < 100; i++)
        {
            await _store.SaveAsync(new ResidentKey(Channels.WeChat, $"gone-{i}"), new ConversationState(), TimeSpan.FromMinutes(5), CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromMinutes(10));
        await _store.SaveAsync(Resident, new ConversationState(), TimeToLive, CancellationToken.None);

        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public async Task SaveAsync_SavedAgainBeforeExpiry_ExtendsLife()
    {
        await _store.SaveAsync(Resident, new ConversationState(), TimeSpan.FromMinutes(30), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(20));
        await _store.SaveAsync(Resident, new ConversationState(), TimeSpan.FromMinutes(30), CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.NotNull(await _store.GetAsync(Resident, CancellationToken.None));
    }
}
