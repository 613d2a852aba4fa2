namespace Bot.Host.Security;

/// <summary>Prints where the simulator is and, when the key was just generated, the key itself — once.</summary>
public sealed class AdminKeyAnnouncer(AdminKey key, IHostApplicationLifetime lifetime, Microsoft.AspNetCore.Hosting.Server.IServer server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
            var root = addresses?.FirstOrDefault() ?? "http://localhost:5080";
            Console.WriteLine($"睦邻助手 is running. Simulator: {root}/simulator  Console: {root}/admin");
            Console.WriteLine(key.WasGenerated
                ? $"Admin API key (generated, kept in data/; shown only this once): {key.Value}"
                : "Admin API key: the configured Admin:ApiKey or the one kept in data/admin-key.");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
