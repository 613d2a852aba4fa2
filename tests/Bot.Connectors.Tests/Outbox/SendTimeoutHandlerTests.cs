using System.ComponentModel.DataAnnotations;
using Bot.Connectors.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Outbox;

public sealed class SendTimeoutHandlerTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task SendAsync_NoAnswerWithinLimit_ThrowsTimeoutOnTheClock()
    {
        using var client = Client(new NeverAnswers(), sendTimeoutMs: 2000);

        var send = client.GetAsync(new Uri("http://api.test/cgi-bin/message/custom/send"));
        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(send.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => send);
        Assert.Contains("2000 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_IsCancellationNotTimeout()
    {
        using var client = Client(new NeverAnswers(), sendTimeoutMs: 2000);
        using var stop = new CancellationTokenSource();

        var send = client.GetAsync(new Uri("http://api.test/x"), stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }

    [Fact]
    public async Task SendAsync_AnswerInTime_ReturnsIt()
    {
        using var client = Client(new AnswersAtOnce(), sendTimeoutMs: 2000);

        using var response = await client.GetAsync(new Uri("http://api.test/x"));

        Assert.Equal("{\"errcode\":0}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(5000, 60_000, true)]
    [InlineData(15_000, 60_000, false)]
    [InlineData(100, 1000, true)]
    [InlineData(0, 1000, true)]
    public void Validate_SendTimeoutAgainstLease_RejectsTimeoutsThatCouldOutlastTheLease(int sendTimeoutMs, int leaseMs, bool valid)
    {
        var options = new OutboxOptions { SendTimeoutMs = sendTimeoutMs, LeaseMs = leaseMs };
        var results = new List<ValidationResult>();

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
    }

    private HttpClient Client(HttpMessageHandler inner, int sendTimeoutMs) =>
        new(new SendTimeoutHandler(Options.Create(new OutboxOptions { SendTimeoutMs = sendTimeoutMs }), _clock) { InnerHandler = inner })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class AnswersAtOnce : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"errcode\":0}") });
    }
}
