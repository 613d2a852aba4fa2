using Bot.Connectors.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Health;

/// <summary>Runs <c>SELECT 1</c> through the configured provider (SQLite or PostgreSQL alike).</summary>
public sealed partial class DatabaseHealthCheck(IDbContextFactory<BotDbContext> contexts, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("SELECT 1 succeeded");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex);
            return new HealthCheckResult(context.Registration.FailureStatus, $"SELECT 1 failed ({ex.GetType().Name})");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: the database did not answer")]
    private partial void LogFailed(Exception exception);
}
