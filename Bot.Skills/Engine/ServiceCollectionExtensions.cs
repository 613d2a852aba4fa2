using Bot.Skills.Complaints;
using Bot.Skills.Dispatch;
using Bot.Skills.Events;
using Bot.Skills.Greeting;
using Bot.Skills.Groups;
using Bot.Skills.Mediation;
using Bot.Skills.Handoff;
using Bot.Skills.Language;
using Bot.Skills.Knowledge;
using Bot.Skills.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Skills.Engine;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the conversation engine, its pipeline and the skills of this assembly.</summary>
    public static IServiceCollection AddBotSkills(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ComplaintOptions>().BindConfiguration(ComplaintOptions.SectionName);
        services.AddOptions<CommunityOptions>().BindConfiguration(CommunityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ResidentTurnQueue>();

        // The connectors replace both with Redis-backed ones (with these as fallbacks) when Redis is configured.
        services.TryAddSingleton<IResidentLock, InProcessResidentLock>();
        services.TryAddSingleton<InProcessRateLimiter>();
        services.TryAddSingleton<IResidentRateLimiter>(sp => sp.GetRequiredService<InProcessRateLimiter>());
        services.TryAddSingleton<BotMetrics>();

        // The connectors replace it when Llm:Provider names a model; alone, every skill runs offline.
        services.TryAddSingleton<ILanguageModel, NoLanguageModel>();

        // Pipeline order matters: dedupe → rate limit → state → hand-off gate → router.
        services.AddSingleton<ITurnMiddleware, DedupeMiddleware>();
        services.AddSingleton<ITurnMiddleware, RateLimitMiddleware>();
        services.AddSingleton<ITurnMiddleware, StateMiddleware>();
        services.AddSingleton<ITurnMiddleware, HandoffGate>();

        services.AddSingleton<ISkill, GreetingSkill>();
        services.AddSingleton<ISkill, CommunityInfoSkill>();
        services.AddSingleton<ISkill, FallbackSkill>();
        services.AddSingleton<SmallTalkSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<SmallTalkSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<SmallTalkSkill>());
        services.AddComplaintSkills();
        services.AddDispatch();
        services.AddHandoff();
        services.AddMediation();
        services.AddEvents();
        services.AddGroups();
        services.AddKnowledge();
        services.AddSingleton(sp => new SkillMenu(sp.GetServices<ISkill>()));
        services.AddSingleton<IIntentSource, KeywordIntentSource>();
        services.AddSingleton<IIntentSource, ModelIntentSource>();
        services.AddSingleton<IPromptPreviewer, IntentPromptPreviewer>();
        services.TryAddSingleton<IIntentRecognizer, IntentRecognizer>();
        services.AddSingleton<SkillRouter>();
        services.AddSingleton<ConversationEngine>();
        return services;
    }
}
