using Bot.Connectors.Redis;
using Bot.Connectors.State;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;

namespace Bot.Connectors.Tests.State;

public sealed class RedisConversationStateStoreTests : ConversationStateStoreTests, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisServerFixture _redis;
    private readonly RedisConnection _connection;
    private readonly RedisConversationStateStore _store;

    public RedisConversationStateStoreTests(RedisServerFixture redis)
    {
        _redis = redis;
        _connection = RedisConnections.Create(redis.Configuration);
        _store = new RedisConversationStateStore(_connection);
    }

    protected override IConversationStateStore Store => _store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>Waiting for a real expiry would be a sleep; Redis's own TTL on the key is the evidence instead.</summary>
    protected override async Task AssertExpiresAfterAsync(ResidentKey resident, TimeSpan timeToLive)
    {
        var left = await _redis.Database.KeyTimeToLiveAsync(RedisConversationStateStore.KeyFor(resident));

        Assert.NotNull(left);
        Assert.InRange(left.Value, timeToLive - TimeSpan.FromSeconds(5), timeToLive);
    }

    [Fact]
    public async Task SaveAsync_State_StoredUnderChannelAndUserKeyAsReadableJson()
    {
        var state = new ConversationState { ActiveSkill = "complaint" };
        state.Slots["category"] = "噪声扰民";

        await _store.SaveAsync(Resident, state, TimeToLive, CancellationToken.None);

        var json = (string?)await _redis.Database.StringGetAsync($"bot:conv:wechat:{Resident.UserId}");
        Assert.NotNull(json);
        Assert.Contains("噪声扰民", json, StringComparison.Ordinal);
    }
}
