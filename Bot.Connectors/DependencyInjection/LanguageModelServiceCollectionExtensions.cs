using Bot.Connectors.Language.Model;
using Bot.Connectors.Language.Prompts;
using Bot.Skills.Language;
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
    /// <c>OpenAI</c>. Prompts come from the registered <see cref="IPromptSource"/> (<c>AddPromptCatalog</c>: the files
    /// under <c>prompts/</c> and their stored versions).
    /// </summary>
    public static IServiceCollection AddLanguageModel(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Each call's budget is the real limit; the handler is kept and its connections recycled for DNS changes.
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Decided when resolved, so configuration added after this call (test hosts) still counts. Replace, not
        // TryAdd: AddBotSkills registers the offline NoLanguageModel first so that the skills work on their own.
        services.Replace(ServiceDescriptor.Singleton<ILanguageModel>(sp => sp.GetRequiredService<IOptions<LlmOptions>>().Value.Provider switch
        {
            LlmProvider.OpenAI => new SemanticKernelLanguageModel(
                sp.GetRequiredService<IPromptSource>(),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                sp.GetRequiredService<IOptions<LlmOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SemanticKernelLanguageModel>>()),
            _ => new NoLanguageModel(),
        }));
        return services;
    }
}
