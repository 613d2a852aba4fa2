using Microsoft.Extensions.Options;

namespace Bot.Connectors.Outbox;

/// <summary>
/// Gives each request to a sending API (WeChat customer-service/template, WeCom app/robot) its own deadline of
/// <see cref="OutboxOptions.SendTimeoutMs"/>, measured on the <see cref="TimeProvider"/> so tests can drive it.
/// A request that runs out becomes a <see cref="TimeoutException"/>, which the outbox retries with backoff.
/// Per request rather than per outbox attempt, so time spent waiting for a slot in WeCom's rate gates does not count.
/// </summary>
public sealed class SendTimeoutHandler(IOptions<OutboxOptions> options, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromMilliseconds(options.Value.SendTimeoutMs);
        if (limit <= TimeSpan.Zero)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(limit, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, either.Token).ConfigureAwait(false);

            // Read the body under the same deadline: a server that sends headers and then stalls is just as hung.
            await response.Content.LoadIntoBufferAsync(either.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"No answer within {limit.TotalMilliseconds:0} ms (Outbox:SendTimeoutMs)", ex);
        }
    }
}
