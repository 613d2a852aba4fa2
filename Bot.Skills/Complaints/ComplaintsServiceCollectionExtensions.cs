using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Complaints.Safety;
using Bot.Skills.Engine;
using Bot.Skills.Language;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Skills.Complaints;

public static class ComplaintsServiceCollectionExtensions
{
    /// <summary>
    /// The complaint slice: intake, status, rating and follow-up. It needs an <see cref="IComplaintClassifier"/>,
    /// an <see cref="ITicketLedger"/> and an <see cref="IResidentNotifier"/> from the connectors.
    /// </summary>
    public static IServiceCollection AddComplaintSkills(this IServiceCollection services)
    {
        services.TryAddSingleton<ISafetyRules, SafetyRules>();

        // The model's second opinion wraps the offline assessor (registered by the connectors); a classifier
        // registered before this (tests, other hosts) is kept as it is.
        services.TryAddSingleton<IComplaintClassifier>(sp => new ModelComplaintClassifier(
            sp.GetRequiredService<ComplaintAssessor>(), sp.GetRequiredService<ILanguageModel>(),
            sp.GetRequiredService<IOptions<ComplaintOptions>>(), sp.GetRequiredService<ILogger<ModelComplaintClassifier>>()));
        services.AddSingleton<IPromptPreviewer>(sp => new ClassifyPromptPreviewer(
            sp.GetService<ComplaintAssessor>() ?? sp.GetRequiredService<IComplaintClassifier>(),
            sp.GetRequiredService<ILanguageModel>(), sp.GetRequiredService<IOptions<ComplaintOptions>>()));
        services.AddSingleton<ComplaintFiler>();
        services.AddSingleton<TicketFollowUp>();
        services.AddSingleton<ISkill, ComplaintSkill>();
        services.AddSingleton<IIntentSource, ComplaintIntentSource>();
        services.AddSingleton<StatusSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<StatusSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<StatusSkill>());
        services.AddSingleton<RatingSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<RatingSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<RatingSkill>());
        return services;
    }
}
