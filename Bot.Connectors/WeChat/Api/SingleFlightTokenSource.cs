namespace Bot.Connectors.WeChat.Api;

/// <summary>
/// Keeps one access token in memory and lets one fetch run at a time: concurrent callers share it, so a
/// burst of requests or of 40001 answers never turns into a stampede on a token endpoint, which both
/// WeChat and WeCom rate-limit. Shared by the Official Account and WeCom token providers.
/// </summary>
internal sealed class SingleFlightTokenSource(
    ITokenCache cache,
    string cacheKey,
    Func<bool, CancellationToken, Task<CachedAccessToken>> fetch,
    TimeProvider clock,
    Action<Exception> renewalFailed)
{
    private readonly Lock _gate = new();
    private CachedAccessToken? _current;
    private Flight? _flight;

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && !current.NeedsRenewal(clock.GetUtcNow())
            ? ValueTask.FromResult(current.Value)
            : new ValueTask<string>(RenewAsync(current, cancellationToken));
    }

    public async Task<string> RefreshAsync(string staleToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(staleToken);
        while (true)
        {
            Flight flight;
            lock (_gate)
            {
                if (_current is { } current && current.Value != staleToken && !current.IsExpired(clock.GetUtcNow()))
                {
                    return current.Value;
                }

                flight = JoinFlight(staleToken);
            }

            var token = await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (token.Value != staleToken || flight.StaleToken is not null)
            {
                return token.Value;
            }

            // We joined an ordinary renewal that brought back the rejected token; now force a new one.
        }
    }

    private async Task<string> RenewAsync(CachedAccessToken? current, CancellationToken cancellationToken)
    {
        Flight flight;
        lock (_gate)
        {
            flight = JoinFlight(staleToken: null);
        }

        try
        {
            return (await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && current is not null && !current.IsExpired(clock.GetUtcNow())
            && ex is HttpRequestException or WeChatApiException or TaskCanceledException)
        {
            // Renewal is early on purpose: while the old token still works, a failed renewal costs nothing.
            renewalFailed(ex);
            return current.Value;
        }
    }

    /// <summary>Joins the fetch in progress or starts one. Must be called under <see cref="_gate"/>.</summary>
    private Flight JoinFlight(string? staleToken)
    {
        if (_flight is null || _flight.Task.IsCompleted)
        {
            _flight = new Flight(FlyAsync(staleToken), staleToken);
        }

        return _flight;
    }

    private async Task<CachedAccessToken> FlyAsync(string? staleToken)
    {
        // Started under the gate: yield so none of the fetch (not even its synchronous start) runs inside the lock.
        await Task.Yield();

        // The shared fetch must not be cancelled by whichever caller happened to start it.
        var token = await cache.GetOrFetchAsync(
            cacheKey,
            cached => IsUsable(cached, staleToken),
            ct => fetch(staleToken is not null, ct),
            CancellationToken.None).ConfigureAwait(false);
        Volatile.Write(ref _current, token);
        return token;
    }

    private bool IsUsable(CachedAccessToken cached, string? staleToken)
    {
        var now = clock.GetUtcNow();
        return staleToken is null ? !cached.NeedsRenewal(now) : cached.Value != staleToken && !cached.IsExpired(now);
    }

    private sealed record Flight(Task<CachedAccessToken> Task, string? StaleToken);
}
