using Bot.Connectors.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Health;

/// <summary>Redis <c>PING</c> over the shared connection; registered only when <c>Redis:Configuration</c> is set.</summary>
public sealed partial class RedisHealthCheck(RedisConnection redis, ILogger<RedisHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await redis.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var latency = await database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex);
            return new HealthCheckResult(context.Registration.FailureStatus, $"PING failed ({ex.GetType().Name})");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: Redis did not answer")]
    private partial void LogFailed(Exception exception);
}
