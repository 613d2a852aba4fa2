namespace Bot.Connectors.WeCom.AiBot;

/// <summary>Works out the answer to one AI-bot message; null or empty = say nothing.</summary>
public interface IWeComBotHandler
{
    Task<string?> HandleAsync(WeComBotMessage message, CancellationToken cancellationToken);
}

/// <summary>The default without the host: the bot answers nothing.</summary>
public sealed class SilentWeComBotHandler : IWeComBotHandler
{
    public Task<string?> HandleAsync(WeComBotMessage message, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
