namespace Bot.Skills.Engine;

/// <summary>Keeps conversation state between turns, in process or in Redis.</summary>
public interface IConversationStateStore
{
    /// <returns>The stored state, or null when none exists or it has expired.</returns>
    Task<ConversationState?> GetAsync(ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>Stores the state; it expires after <paramref name="timeToLive"/> without a new save.</summary>
    Task SaveAsync(ResidentKey resident, ConversationState state, TimeSpan timeToLive, CancellationToken cancellationToken);

    Task RemoveAsync(ResidentKey resident, CancellationToken cancellationToken);
}
