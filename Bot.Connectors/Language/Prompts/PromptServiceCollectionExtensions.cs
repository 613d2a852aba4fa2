using Bot.Connectors.Storage.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Language.Prompts;

public static class PromptServiceCollectionExtensions
{
    /// <summary>The prompt files under <paramref name="contentRoot"/>, their stored versions and <see cref="IPromptSource"/>.</summary>
    public static IServiceCollection AddPromptCatalog(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new PromptFiles(sp.GetRequiredService<IOptions<PromptOptions>>(), contentRoot, sp.GetRequiredService<ILogger<PromptFiles>>()));
        services.AddSingleton<PromptVersionStore>();
        services.AddSingleton<PromptCatalog>();
        services.AddSingleton<IPromptSource, PromptSource>();
        return services;
    }
}
