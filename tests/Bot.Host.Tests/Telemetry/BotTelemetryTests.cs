using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Telemetry;

/// <summary>A simulator turn records the bot's metrics and a span, tagged by channel and intent only.</summary>
public sealed class BotTelemetryTests : IDisposable
{
    private const string Text = "你好";
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SimulatorTurn_WithMeterListener_RecordsReceivedAndLatencyTaggedWithoutResidentData()
    {
        var client = _host.CreateAdminClient();
        var user = $"sim-otel-{Guid.NewGuid():N}";
        var metrics = _host.Services.GetRequiredService<BotMetrics>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener
        {
            // Only this host's meter: other tests' hosts run in parallel in this process.
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, metrics))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.Start();

        var response = await client.PostAsJsonAsync("/api/simulator/messages", new { user, text = Text });

        response.EnsureSuccessStatusCode();
        var received = Assert.Single(measurements, m => m.Instrument == BotTelemetry.MessagesReceived);
        Assert.Equal(1, received.Value);
        Assert.Contains(received.Tags, t => t is { Key: BotTelemetry.ChannelTag, Value: "simulator" });
        var turn = Assert.Single(measurements, m => m.Instrument == BotTelemetry.TurnDuration);
        Assert.Contains(turn.Tags, t => t is { Key: BotTelemetry.IntentTag, Value: "greeting" });
        Assert.Contains(turn.Tags, t => t is { Key: BotTelemetry.ChannelTag, Value: "simulator" });
        var outcome = Assert.Single(measurements, m => m.Instrument == BotTelemetry.SkillOutcomes);
        Assert.Contains(outcome.Tags, t => t is { Key: BotTelemetry.OutcomeTag, Value: "ok" });
        var tagValues = measurements.SelectMany(m => m.Tags).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
        Assert.DoesNotContain(tagValues, v => v.Contains(user, StringComparison.Ordinal) || v.Contains(Text, StringComparison.Ordinal));
        Assert.All(measurements.SelectMany(m => m.Tags), t => Assert.Contains(t.Key, new[] { BotTelemetry.ChannelTag, BotTelemetry.IntentTag, BotTelemetry.OutcomeTag }));
    }

    [Fact]
    public async Task SimulatorTurn_WithActivityListener_CreatesTurnActivityWithoutResidentData()
    {
        var client = _host.CreateAdminClient();
        var user = $"sim-otel-{Guid.NewGuid():N}";
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var response = await client.PostAsJsonAsync("/api/simulator/messages", new { user, text = Text });

        response.EnsureSuccessStatusCode();
        var turns = stopped.Where(a => a.OperationName == BotTelemetry.TurnActivity).ToList();
        Assert.Contains(turns, a => a.GetTagItem(BotTelemetry.ChannelTag) as string == "simulator" && a.GetTagItem(BotTelemetry.IntentTag) as string == "greeting");
        Assert.DoesNotContain(turns.SelectMany(a => a.TagObjects), t => t.Value?.ToString()?.Contains(user, StringComparison.Ordinal) == true);
    }
}
