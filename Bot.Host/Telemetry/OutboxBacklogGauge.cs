using System.Diagnostics.Metrics;
using Bot.Connectors.Storage;
using Bot.Skills.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Telemetry;

/// <summary>
/// <c>bot.outbox.backlog</c>: replies waiting to be sent (pending or being sent). The count runs only when a
/// metrics reader collects (the OTLP export interval), never on the request path.
/// </summary>
public sealed partial class OutboxBacklogGauge(BotMetrics metrics, IDbContextFactory<BotDbContext> contexts, ILogger<OutboxBacklogGauge> logger) : IHostedService
{
    private ObservableGauge<long>? _gauge;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _gauge ??= metrics.Meter.CreateObservableGauge(BotTelemetry.OutboxBacklog, Observe, "{message}", "Replies waiting in the outbox");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> Observe()
    {
        long count;
        try
        {
            using var db = contexts.CreateDbContext();
            count = db.Outbox.LongCount(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending);
        }
        catch (Exception ex)
        {
            LogCountFailed(ex);
            return [];
        }

        return [new Measurement<long>(count)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the outbox backlog")]
    private partial void LogCountFailed(Exception exception);
}
