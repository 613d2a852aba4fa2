using Microsoft.Extensions.DependencyInjection;

namespace Bot.Skills.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>派单 and the workers' commands. Needs an IGridRoster and an <see cref="IStaffNotifier"/> from the connectors.</summary>
    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddSingleton<TicketBuildingResolver>();
        services.AddSingleton<ITicketDispatcher, TicketDispatcher>();
        services.AddSingleton<WorkerCommandHandler>();
        return services;
    }
}
