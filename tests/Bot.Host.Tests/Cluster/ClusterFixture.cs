using System.Globalization;
using System.Reflection;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Cluster;
using Bot.TestSupport.Postgres;
using Bot.TestSupport.Redis;
using Bot.TestSupport.WeChat;
using Bot.TestSupport.WeCom;
using Npgsql;

namespace Bot.Host.Tests.Cluster;

/// <summary>
/// Two real Bot.Host processes (a and b) on one fresh PostgreSQL database and one Redis, with the WeChat and WeCom
/// APIs faked in this test process. One pair per test class: starting hosts is the slow part.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    public const string AdminKey = "cluster-admin-key-0123456789";

    private readonly PostgresServerFixture _postgres = new();
    private readonly RedisServerFixture _redis = new();

    /// <summary>Unique per class: the WeChat token's key in a shared Redis is the app id.</summary>
    public string AppId { get; } = $"wx{Guid.NewGuid():N}"[..18];

    public string Database => _postgres.ConnectionString;

    public FakeWeChatApi WeChat { get; private set; } = null!;

    public FakeWeComApi WeCom { get; private set; } = null!;

    public BotProcess A { get; private set; } = null!;

    public BotProcess B { get; private set; } = null!;

    public BotProcess[] Hosts => [A, B];

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_postgres.StartAsync(), _redis.StartAsync());
        WeChat = await FakeWeChatApi.StartAsync();
        WeCom = await FakeWeComApi.StartAsync();
        await StartFakesAsync();
        var dll = typeof(ClusterFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BotHostDll").Value!;

        // One after the other: both creating the schema at once is PostgresHostTests' subject, not this one's.
        A = await BotProcess.StartAsync("host a", dll, Environment("a"));
        B = await BotProcess.StartAsync("host b", dll, Environment("b"));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { A, B }.Where(h => h is not null))
        {
            await host.DisposeAsync();
        }

        await DisposeFakesAsync();
        await WeChat.DisposeAsync();
        await WeCom.DisposeAsync();
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    public HttpClient Client(BotProcess host, bool admin = false)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (admin)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        }

        return client;
    }

    /// <summary>Callbacks signed for both hosts, timestamped now (the hosts run on the real clock).</summary>
    public static WeChatRequests Callbacks() => new(DateTimeOffset.UtcNow);

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Both hosts' output, for assertion messages.</summary>
    public string Output() => $"{A.OutputTail()}{System.Environment.NewLine}{B.OutputTail()}";

    /// <summary>Settings of the test class on top of the common ones (environment variable names, e.g. Llm__Provider).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => [];

    protected virtual Task StartFakesAsync() => Task.CompletedTask;

    protected virtual Task DisposeFakesAsync() => Task.CompletedTask;

    private Dictionary<string, string> Environment(string instance)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = Database,
            ["Redis__Configuration"] = _redis.Configuration,
            ["Admin__ApiKey"] = AdminKey,
            ["WeChat__Token"] = BotHostFactory.Token,
            ["WeChat__AppId"] = AppId,
            ["WeChat__AppSecret"] = "secret",
            ["WeChat__EncodingAESKey"] = BotHostFactory.AesKey,
            ["WeChat__ApiBaseUrl"] = WeChat.BaseUrl,
            ["WeCom__Token"] = WeComRequests.Token,
            ["WeCom__CorpId"] = WeComRequests.CorpId,
            ["WeCom__EncodingAESKey"] = WeComRequests.AesKey,
            ["WeCom__AgentId"] = "218",
            ["WeCom__Secret"] = "wecom-secret",
            ["WeCom__ApiBaseUrl"] = WeCom.BaseUrl,
            ["Outbox__PollIntervalMs"] = "200",
            ["Jobs__Enabled"] = "true",
            // The same name on both: that is what makes them one clustered scheduler on the shared store.
            ["Jobs__SchedulerName"] = "cluster",
            ["Cluster__InstanceId"] = instance,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Quartz"] = "Warning",
        };
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        return settings;
    }
}
