using Bot.Connectors.DependencyInjection;
using Bot.Connectors.Redis;
using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Cross-host coordination of residents' turns: the Redis dedupe gate, the resident lock (Redis, else
    /// PostgreSQL advisory locks, else in process) and the rate limiter (Redis, else in process). Replaces the
    /// in-process defaults of <c>AddBotSkills</c>.
    /// </summary>
    public static IServiceCollection AddClusterCoordination(this IServiceCollection services)
    {
        services.AddRedisConnection();
        services.TryAddSingleton<DeliveryGate>();
        services.TryAddSingleton<RedisResidentLock>();
        services.TryAddSingleton<PostgresResidentLock>();
        services.TryAddSingleton<InProcessRateLimiter>();
        services.Replace(ServiceDescriptor.Singleton<IResidentLock>(sp => new ClusterResidentLock(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<RedisResidentLock>(),
            StorageServiceCollectionExtensions.IsPostgres(sp.GetRequiredService<IOptions<StorageOptions>>().Value)
                ? sp.GetRequiredService<PostgresResidentLock>()
                : null,
            sp.GetRequiredService<ILogger<ClusterResidentLock>>())));
        services.Replace(ServiceDescriptor.Singleton<IResidentRateLimiter>(sp => sp.GetRequiredService<RedisConnection>().IsConfigured
            ? new RedisRateLimiter(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<InProcessRateLimiter>(), sp.GetRequiredService<TimeProvider>())
            : sp.GetRequiredService<InProcessRateLimiter>()));
        return services;
    }
}
