using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Telemetry;

/// <summary>OpenTelemetry export. With no endpoint nothing is exported and the instruments cost next to nothing.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>An OTLP endpoint (gRPC, e.g. http://otel-collector:4317); empty turns the exporter off.</summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>The service.name resource attribute.</summary>
    [Required]
    public string ServiceName { get; set; } = "neighbourhood-bot";

    public bool IsExporting => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsExporting && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(OtlpEndpoint)} must be an absolute http(s) URI.", [nameof(OtlpEndpoint)]);
        }
    }
}
