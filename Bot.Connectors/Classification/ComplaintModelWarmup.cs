using Bot.Skills.Complaints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Connectors.Classification;

/// <summary>
/// Trains the complaint models while the host starts, so the first resident does not wait for a fit and a bad
/// training file stops the start-up with its message instead of failing the first complaint. Also refuses to
/// start without hazard rules: classifying without them would silently drop 119/120/110 alerts.
/// </summary>
public sealed class ComplaintModelWarmup(CommunityTextModel model, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (services.GetService<ISafetyRules>() is null)
        {
            throw new InvalidOperationException(
                $"No {nameof(ISafetyRules)} is registered: the complaint classifier needs the hazard rules " +
                "(Bot.Skills.Complaints.Safety.SafetyRules) registered as a singleton.");
        }

        model.Warm(); // well under a second for ~1000 rows; blocking start-up is the point
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
