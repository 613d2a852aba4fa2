using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Redis;
using StackExchange.Redis;

namespace Bot.Host.Tests.Endpoints;

/// <summary>With <c>Redis:Configuration</c> set, conversation state lives in a real redis-server.</summary>
public sealed class RedisStateHostTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.StartAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task Simulator_WithRedis_KeepsConversationStateInRedis()
    {
        using var host = new BotHostFactory().With("Redis:Configuration", _redis.Configuration);
        var client = host.CreateAdminClient();

        // The Redis may be shared by the whole test run (BOT_TEST_REDIS): a user of its own keeps the key apart.
        var user = $"sim-redis-{Guid.NewGuid():N}";

        await client.PostAsJsonAsync("/api/simulator/messages", new { user, text = "呃呃" });
        var second = await (await client.PostAsJsonAsync("/api/simulator/messages", new { user, text = "啊啊" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("还是没能理解", second.GetProperty("replies")[0].GetProperty("text").GetString());
        var stored = await _redis.Database.StringGetAsync($"bot:conv:simulator:{user}");
        Assert.True(stored.HasValue);
        Assert.Contains("\"MisunderstoodInARow\":2", stored.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.True((await _redis.Database.KeyTimeToLiveAsync($"bot:conv:simulator:{user}")) > TimeSpan.FromMinutes(50));
    }
}
