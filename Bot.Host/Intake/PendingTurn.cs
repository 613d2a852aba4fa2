using Bot.Skills.Engine;

namespace Bot.Host.Intake;

/// <summary>
/// The meeting point between an HTTP request waiting for its answer and the background turn that
/// produces it. Exactly one side decides how the replies travel: the turn claims the passive reply if the
/// request is still waiting; the request gives up once its budget is spent. Never both.
/// </summary>
public sealed class PendingTurn
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Abandoned = 2;

    private readonly TaskCompletionSource<IntakeResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>Called by the turn when its replies are ready; true means the request will carry them.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    public void Complete(IntakeResult result) => _result.TrySetResult(result);

    /// <summary>Waits up to <paramref name="budget"/>; then the replies go out through the outbox instead.</summary>
    public async Task<IntakeResult> WaitAsync(TimeSpan budget, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            return await _result.Task.WaitAsync(budget, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting)
            {
                return IntakeResult.Later;
            }

            // The turn claimed the reply just as the budget ran out; it is being stored and arrives at once.
            return await _result.Task.ConfigureAwait(false);
        }
    }
}

/// <summary>What the request answers: the replies it carries, or nothing (they come later, or it was a retry).</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, IReadOnlyList<Reply> Replies, string Intent)
{
    public static readonly IntakeResult Duplicate = new(IntakeOutcome.Duplicate, [], Intents.Duplicate);

    public static readonly IntakeResult Later = new(IntakeOutcome.Later, [], string.Empty);

    public static readonly IntakeResult Unavailable = new(IntakeOutcome.Unavailable, [], string.Empty);
}

public enum IntakeOutcome
{
    /// <summary>Processed in time; <see cref="IntakeResult.Replies"/> go in the response (may be empty).</summary>
    Answered,

    /// <summary>Still processing; replies follow through the outbox.</summary>
    Later,

    /// <summary>A retry of a delivery that was accepted before.</summary>
    Duplicate,

    /// <summary>Not stored (the database could not be reached): nothing was done, the sender should retry.</summary>
    Unavailable,
}
