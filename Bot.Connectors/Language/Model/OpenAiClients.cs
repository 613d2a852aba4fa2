using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace Bot.Connectors.Language.Model;

/// <summary>The OpenAI client for any compatible base URL, over our HttpClient, with no retries of its own.</summary>
internal static class OpenAiClients
{
    /// <summary>Local servers (Ollama, vLLM) take no key, but the client needs one to send.</summary>
    private const string NoKey = "none";

    public static OpenAIClient Create(LlmOptions settings, HttpClient httpClient)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.Endpoint),
            Transport = new HttpClientPipelineTransport(httpClient),

            // A retry would spend the resident's budget; the breaker and the offline path handle failures.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        options.AddPolicy(new MaxTokensCompatibilityPolicy(), PipelinePosition.PerCall);
        var key = string.IsNullOrEmpty(settings.ApiKey) ? NoKey : settings.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), options);
    }
}
