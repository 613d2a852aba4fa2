namespace Bot.Skills.Engine;

/// <summary>
/// Serialises one resident's turns across hosts (the <see cref="ResidentTurnQueue"/> does it within one
/// process), so two hosts never load and save the same conversation state at once.
/// </summary>
public interface IResidentLock
{
    /// <summary>Takes the resident's lock, waiting up to <see cref="IntakeOptions.TurnLockWait"/>.</summary>
    /// <returns>The held lock (dispose to release), or null when another holder kept it for too long.</returns>
    Task<IAsyncDisposable?> TryAcquireAsync(ResidentKey resident, CancellationToken cancellationToken);
}

/// <summary>A single host without Redis: the turn queue already runs a resident's turns one at a time.</summary>
public sealed class InProcessResidentLock : IResidentLock
{
    public Task<IAsyncDisposable?> TryAcquireAsync(ResidentKey resident, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(Held.Instance);

    private sealed class Held : IAsyncDisposable
    {
        public static readonly Held Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
