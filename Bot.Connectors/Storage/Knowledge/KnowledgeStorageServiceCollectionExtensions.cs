using Bot.Skills.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Connectors.Storage.Knowledge;

internal static class KnowledgeStorageServiceCollectionExtensions
{
    /// <summary>The database store (replacing the empty default) and the seeder; call after the schema initializer.</summary>
    public static IServiceCollection AddKnowledgeStore(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new KnowledgeFolder(contentRoot));
        services.AddSingleton<KnowledgeStore>();
        services.Replace(ServiceDescriptor.Singleton<IKnowledgeStore>(sp => sp.GetRequiredService<KnowledgeStore>()));
        services.AddHostedService<KnowledgeSeeder>();
        return services;
    }
}
