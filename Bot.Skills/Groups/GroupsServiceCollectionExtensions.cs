using Microsoft.Extensions.DependencyInjection;

namespace Bot.Skills.Groups;

public static class GroupsServiceCollectionExtensions
{
    /// <summary>The group assistant, the reply guard and the public answer sources (events add theirs in their slice).</summary>
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddOptions<GroupOptions>().BindConfiguration(GroupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GroupReplyGuard>();
        services.AddSingleton<GroupAssistant>();
        services.AddSingleton<IGroupAnswerSource, PublicMatterGroupAnswers>();
        services.AddSingleton<IGroupAnswerSource, CommunityInfoGroupAnswers>();
        services.AddSingleton<IGroupAnswerSource, VenueGroupAnswers>();
        services.AddSingleton<IGroupAnswerSource, GuidanceGroupAnswers>();
        return services;
    }
}
