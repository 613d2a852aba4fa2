using Bot.Skills.Escalation;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Skills.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>派单, the workers' commands and the SLA (reminders, escalation). Needs an IGridRoster and an <see cref="IStaffNotifier"/> from the connectors.</summary>
    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SlaPolicy>();
        services.AddSingleton<EscalationTargets>();
        services.AddSingleton<SlaMonitor>();
        services.AddSingleton<TicketBuildingResolver>();
        services.AddSingleton<ITicketDispatcher, TicketDispatcher>();
        services.AddSingleton<WorkerCommandHandler>();
        return services;
    }
}
