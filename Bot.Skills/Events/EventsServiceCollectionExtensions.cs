using Bot.Skills.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Skills.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// 民情夜市 and 民意5来听. Needs an <see cref="IEventStore"/> from the connectors and <see cref="IEventReminders"/> from the host.
    /// </summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventAnnouncer>();
        services.AddSingleton<EventService>();
        services.AddSingleton<EventMinutesService>();
        services.AddSingleton<EventDialogue>();

        // Groups ask "明天的夜市在哪" too: answered from the schedules, through the group assistant's seam.
        services.AddSingleton<Bot.Skills.Groups.IGroupAnswerSource, EventGroupAnswers>();
        services.AddSingleton<NightMarketSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<NightMarketSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<NightMarketSkill>());
        services.AddSingleton<VisitDaySkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<VisitDaySkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<VisitDaySkill>());
        services.AddSingleton<MyEventRegistrationsSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<MyEventRegistrationsSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<MyEventRegistrationsSkill>());
        return services;
    }
}
