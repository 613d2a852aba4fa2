namespace Bot.Connectors.WeCom;

/// <summary>Handles one verified, decrypted, deduplicated WeCom message from a staff member.</summary>
public interface IWeComMessageHandler
{
    /// <returns>Text to send back as the passive reply, or null for none.</returns>
    Task<string?> HandleAsync(WeComInbound inbound, CancellationToken cancellationToken);
}
