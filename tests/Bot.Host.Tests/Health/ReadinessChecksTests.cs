using System.Net;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Redis;

namespace Bot.Host.Tests.Health;

/// <summary><c>/healthz/ready</c> checks the database and Redis; <c>/healthz</c> stays a plain liveness probe.</summary>
public sealed class ReadinessChecksTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.StartAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task Ready_WithSqlite_Returns200WithDatabaseCheck()
    {
        using var host = new BotHostFactory();

        var response = await host.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.False(body.GetProperty("checks").TryGetProperty("redis", out _));
    }

    [Fact]
    public async Task Ready_WithRedisServer_Returns200WithRedisCheck()
    {
        using var host = new BotHostFactory().With("Redis:Configuration", _redis.Configuration);

        var response = await host.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_WithRedisOnClosedPort_Returns503NamingRedis()
    {
        using var host = new BotHostFactory().With("Redis:Configuration", "127.0.0.1:1,connectTimeout=500,connectRetry=0");

        var response = await host.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_AfterStart_StillReturnsPlainOk()
    {
        using var host = new BotHostFactory();

        var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }
}
