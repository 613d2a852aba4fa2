using System.Diagnostics.Metrics;
using Bot.Connectors.Storage;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Engine;
using Bot.Skills.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Telemetry;

public sealed class OutboxBacklogGaugeTests : IDisposable
{
    private readonly BotHostFactory _host = new BotHostFactory().With("Outbox:Enabled", "false");

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Observe_TwoQueuedReplies_ReportsBacklogOfTwo()
    {
        _ = _host.CreateClient();
        var outbox = _host.Services.GetRequiredService<IOutboxStore>();
        var resident = new ResidentKey(Channels.Simulator, $"sim-backlog-{Guid.NewGuid():N}");
        await outbox.EnqueueAsync(resident, Reply.FromText("一"), CancellationToken.None);
        await outbox.EnqueueAsync(resident, Reply.FromText("二"), CancellationToken.None);
        var metrics = _host.Services.GetRequiredService<BotMetrics>();
        var observed = new List<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, metrics) && instrument.Name == BotTelemetry.OutboxBacklog)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => observed.Add(value));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal([2L], observed);
    }
}
