using Bot.Skills.Engine;
using Bot.Skills.Language;
using Bot.Skills.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Skills.Mediation;

public static class MediationServiceCollectionExtensions
{
    /// <summary>
    /// Bookings for the tea room and the council hall. Needs an <see cref="IBookingStore"/>, an <see cref="IVenueCatalog"/>,
    /// <see cref="IBookingReminders"/> and <see cref="IBookingLinks"/> from the connectors and the host.
    /// </summary>
    public static IServiceCollection AddMediation(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SlotFinder>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<BookingReminderService>();
        services.AddSingleton<MediationOutcomes>();
        services.AddSingleton<MediatorCommands>();
        services.AddSingleton<ModelTimeReader>();
        services.AddSingleton<IPromptPreviewer, TimePromptPreviewer>();
        services.AddSingleton<MediationDialogue>();
        services.AddSingleton<CouncilDialogue>();
        services.AddSingleton<MediationSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<MediationSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<MediationSkill>());
        services.AddSingleton<MyBookingsSkill>();
        services.AddSingleton<ISkill>(sp => sp.GetRequiredService<MyBookingsSkill>());
        services.AddSingleton<IIntentSource>(sp => sp.GetRequiredService<MyBookingsSkill>());
        return services;
    }
}
