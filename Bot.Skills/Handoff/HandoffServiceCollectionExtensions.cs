using Bot.Skills.Engine;
using Bot.Skills.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Skills.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// 转人工 and the building binding. Needs an <see cref="IHandoffSessionStore"/> from the connectors. The gate is
    /// registered by the engine, in its place in the pipeline.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HandoffAssigner>();
        services.AddSingleton<HandoffSummarizer>();
        services.AddSingleton<IPromptPreviewer, SummaryPromptPreviewer>();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<HandoffRelay>();
        services.AddSingleton<BuildingBinder>();
        services.AddSingleton<HandoffSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<HandoffSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<HandoffSkill>());
        services.AddSingleton<BuildingSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<BuildingSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<BuildingSkill>());
        return services;
    }
}
