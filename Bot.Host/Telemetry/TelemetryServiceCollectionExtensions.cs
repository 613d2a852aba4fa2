using System.Diagnostics;
using Bot.Skills.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bot.Host.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces (ASP.NET Core, HttpClient, the "Bot" source) and metrics (the "Bot" meter, ASP.NET Core, HttpClient)
    /// exported over OTLP when <c>Telemetry:OtlpEndpoint</c> is set; without it no SDK listener is registered.
    /// </summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<OutboxBacklogGauge>();

        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.IsExporting || !Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation(http => http.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null))
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = RedactQuery)
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint))
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint));
        return services;
    }

    /// <summary>
    /// Callback queries carry an openid and outbound API calls an access token: spans keep the path only, whatever
    /// the instrumentation's own redaction default.
    /// </summary>
    private static void RedactQuery(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
        }
    }
}
