using Bot.Connectors.Cluster;
using Bot.Skills.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.Cluster;

public sealed class ClusterServiceCollectionExtensionsTests
{
    // Nothing listens here; resolving must not connect.
    private const string UnusedRedis = "127.0.0.1:1";

    [Fact]
    public void AddClusterCoordination_AfterSkillDefaults_ReplacesTheInProcessLock() =>
        Assert.IsType<ClusterResidentLock>(Build().GetRequiredService<IResidentLock>());

    [Fact]
    public void AddClusterCoordination_RedisNotConfigured_CountsInProcess() =>
        Assert.IsType<InProcessRateLimiter>(Build().GetRequiredService<IResidentRateLimiter>());

    [Fact]
    public void AddClusterCoordination_RedisConfigured_CountsInRedis() =>
        Assert.IsType<RedisRateLimiter>(Build(UnusedRedis).GetRequiredService<IResidentRateLimiter>());

    [Fact]
    public void AddClusterCoordination_RetryAfterTooSmall_FailsValidation() =>
        Assert.Throws<OptionsValidationException>(() => Build(UnusedRedis, retryAfterMs: "5")
            .GetRequiredService<IOptions<Bot.Connectors.Redis.RedisOptions>>().Value);

    private static ServiceProvider Build(string? redis = null, string? retryAfterMs = null)
    {
        var values = new Dictionary<string, string?> { ["Redis:Configuration"] = redis };
        if (retryAfterMs is not null)
        {
            values["Redis:RetryAfterMs"] = retryAfterMs;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();

        // The host's order: the skills' in-process defaults first, then the connectors replace them.
        services.AddSingleton<IResidentLock, InProcessResidentLock>();
        services.AddSingleton<IResidentRateLimiter>(sp => new InProcessRateLimiter(TimeProvider.System));
        services.AddOptions<Bot.Connectors.Storage.StorageOptions>();
        services.AddClusterCoordination();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
