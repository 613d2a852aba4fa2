using Bot.Skills.Groups;
using Bot.Skills.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Skills.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Retrieval, the answerer, the complaint skill's consultation step, the group answer source and the prompt
    /// previewer. Without the connectors the store is empty and the model is <see cref="NoLanguageModel"/>.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKnowledgeStore, EmptyKnowledgeStore>();
        services.TryAddSingleton<ILanguageModel, NoLanguageModel>();
        services.TryAddSingleton(sp => new KnowledgeRetriever(sp.GetRequiredService<IKnowledgeStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ConsultationAnswerer>();
        services.TryAddSingleton<ConsultationStep>();
        services.AddSingleton<IGroupAnswerSource, KnowledgeGroupAnswers>();
        services.AddSingleton<IPromptPreviewer, KnowledgeAnswerPreviewer>();
        return services;
    }
}
