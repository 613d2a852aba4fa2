using Microsoft.Extensions.Options;

namespace Bot.Connectors.Language.Model;

/// <summary>With <see cref="LlmProvider.OpenAI"/> the endpoint must be an absolute http(s) URL and a model must be named.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == LlmProvider.None)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{LlmOptions.SectionName}:{nameof(LlmOptions.Endpoint)} must be an absolute http(s) URL when {LlmOptions.SectionName}:Provider is {options.Provider}.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{LlmOptions.SectionName}:{nameof(LlmOptions.Model)} is required when {LlmOptions.SectionName}:Provider is {options.Provider}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
