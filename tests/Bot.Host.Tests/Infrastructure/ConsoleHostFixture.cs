namespace Bot.Host.Tests.Infrastructure;

/// <summary>One host per test class with the seed roster and three accounts: boss (admin), clerk (staff), leader (幸福里小区's grid leader).</summary>
public sealed class ConsoleHostFixture : IAsyncLifetime
{
    public BotHostFactory Host { get; } = new();

    public async Task InitializeAsync()
    {
        await ConsoleSeed.ImportRosterAsync(Host);
        await ConsoleSession.CreateAccountAsync(Host, "boss", "admin");
        await ConsoleSession.CreateAccountAsync(Host, "clerk", "staff");
        await ConsoleSession.CreateAccountAsync(Host, "leader", "grid_leader", await ConsoleSeed.CompoundIdAsync(Host, "幸福里小区"));
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
