using Bot.Host.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bot.Host.Tests.Telemetry;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotTelemetry_WithoutEndpoint_RegistersNoExporter()
    {
        var services = new ServiceCollection();

        services.AddBotTelemetry(Configuration(null));

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TracerProvider) || d.ServiceType == typeof(MeterProvider));
    }

    [Fact]
    public void AddBotTelemetry_WithEndpoint_RegistersTracingAndMetrics()
    {
        var services = new ServiceCollection();

        services.AddBotTelemetry(Configuration("http://127.0.0.1:4317"));

        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(MeterProvider));
    }

    [Fact]
    public void TelemetryOptions_RelativeEndpoint_FailsValidation()
    {
        var options = new TelemetryOptions { OtlpEndpoint = "collector:4317" };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Single(errors);
        Assert.Equal("neighbourhood-bot", options.ServiceName);
    }

    private static IConfiguration Configuration(string? endpoint) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = endpoint }).Build();
}
