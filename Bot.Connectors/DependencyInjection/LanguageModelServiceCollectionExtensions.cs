using Bot.Connectors.Language.Model;
using Bot.Connectors.Language.Prompts;
using Bot.Skills.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.DependencyInjection;

public static class LanguageModelServiceCollectionExtensions
{
    /// <summary>The named HttpClient the model uses.</summary>
    public const string HttpClientName = "llm";

    /// <summary>
    /// Registers <see cref="LlmOptions"/> (validated on start) and the <see cref="ILanguageModel"/>:
    /// <see cref="NoLanguageModel"/> for <c>Llm:Provider=None</c>, <see cref="SemanticKernelLanguageModel"/> for
    /// <c>OpenAI</c>. Prompts come from the registered <see cref="IPromptSource"/>, else from the files under
    /// <c>&lt;contentRoot&gt;/prompts</c>.
    /// </summary>
    public static IServiceCollection AddLanguageModel(this IServiceCollection services, IConfiguration configuration, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var root = contentRoot ?? Directory.GetCurrentDirectory();
        services.TryAddSingleton<IPromptSource>(_ => new FilePromptSource(root));

        var provider = configuration.GetSection(LlmOptions.SectionName).GetValue(nameof(LlmOptions.Provider), LlmProvider.None);
        if (provider == LlmProvider.None)
        {
            services.TryAddSingleton<ILanguageModel, NoLanguageModel>();
            return services;
        }

        // Each call's budget is the real limit; the handler is kept and its connections recycled for DNS changes.
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<ILanguageModel>(sp => new SemanticKernelLanguageModel(
            sp.GetRequiredService<IPromptSource>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<LlmOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SemanticKernelLanguageModel>>()));
        return services;
    }
}
