using Bot.Connectors.Classification;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Connectors.DependencyInjection;

public static class ComplaintClassificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers section <c>Complaints</c> (validated on start), the offline <see cref="CommunityTextModel"/> as
    /// <see cref="ICommunityTextModel"/> and <see cref="IDepartmentModel"/>, the <see cref="ComplaintAssessor"/> as
    /// <see cref="IComplaintClassifier"/>, and the start-up training. <see cref="ISafetyRules"/> must be registered
    /// too (the rule tables live in Bot.Skills). Relative file paths are resolved against <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddComplaintClassification(this IServiceCollection services, string? contentRoot = null)
    {
        var root = contentRoot ?? Directory.GetCurrentDirectory();
        services.AddOptions<ComplaintOptions>().BindConfiguration(ComplaintOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ComplaintModelOptions>().BindConfiguration(ComplaintModelOptions.SectionName)
            .PostConfigure(o => o.ResolvePaths(root)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<CommunityTextModel>();
        services.TryAddSingleton<ICommunityTextModel>(sp => sp.GetRequiredService<CommunityTextModel>());
        services.TryAddSingleton<IDepartmentModel>(sp => sp.GetRequiredService<CommunityTextModel>());
        services.TryAddSingleton<ComplaintAssessor>();
        services.TryAddSingleton<IComplaintClassifier>(sp => sp.GetRequiredService<ComplaintAssessor>());
        services.AddHostedService<ComplaintModelWarmup>();
        return services;
    }
}
