using System.Diagnostics;
using Bot.Skills.Language;
using Bot.TestSupport.Language;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Language.Model;

public sealed class SemanticKernelLanguageModelResilienceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CompleteAsync_ServerHangsPastBudget_ReturnsTimeoutWithinBudget()
    {
        await using var harness = await LanguageModelHarness.StartAsync(TimeProvider.System);
        harness.Server.Enqueue(FakeOpenAiResponse.Hang());
        var budget = TimeSpan.FromMilliseconds(400);
        var watch = Stopwatch.StartNew();

        var reply = await harness.CompleteAsync(LanguageModelHarness.Answer("你好") with { Budget = budget });

        Assert.Equal(ModelOutcome.Timeout, reply.Outcome);
        Assert.True(watch.Elapsed < budget + TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        await harness.Server.FirstAbort.WaitAsync(Patience);
    }

    [Fact]
    public async Task CompleteAsync_FakeClockPassesDecisionBudget_ReturnsTimeoutAndCancelsRequest()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        var time = (FakeTimeProvider)harness.Time;
        harness.Server.Enqueue(FakeOpenAiResponse.Hang());

        var pending = harness.CompleteAsync(LanguageModelHarness.Answer("你好")).AsTask();
        await harness.Server.WaitForRequestsAsync(1).WaitAsync(Patience);
        time.Advance(TimeSpan.FromMilliseconds(harness.Options.DecisionTimeoutMs - 1));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var reply = await pending.WaitAsync(Patience);

        Assert.Equal(ModelOutcome.Timeout, reply.Outcome);
        await harness.Server.FirstAbort.WaitAsync(Patience);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Hang());
        using var cancellation = new CancellationTokenSource();

        var pending = harness.Model.CompleteAsync(LanguageModelHarness.Answer("你好"), cancellation.Token).AsTask();
        await harness.Server.WaitForRequestsAsync(1).WaitAsync(Patience);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Patience));
    }

    [Fact]
    public async Task CompleteAsync_RepeatedFailures_OpensCircuitWithoutFurtherRequests()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Status(500), FakeOpenAiResponse.Status(429), FakeOpenAiResponse.Status(500), FakeOpenAiResponse.Status(503));

        for (var i = 0; i < harness.Options.MinimumThroughput; i++)
        {
            Assert.Equal(ModelOutcome.Failed, (await harness.CompleteAsync(LanguageModelHarness.Answer("你好"))).Outcome);
        }

        var reply = await harness.CompleteAsync(LanguageModelHarness.Answer("你好"));

        Assert.Equal(ModelOutcome.CircuitOpen, reply.Outcome);
        Assert.Equal(harness.Options.MinimumThroughput, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task CompleteAsync_AfterBreakAndSuccessfulTrial_ClosesCircuit()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        var time = (FakeTimeProvider)harness.Time;
        harness.Server.Enqueue(Enumerable.Repeat(FakeOpenAiResponse.Status(500), harness.Options.MinimumThroughput).ToArray());
        for (var i = 0; i < harness.Options.MinimumThroughput; i++)
        {
            await harness.CompleteAsync(LanguageModelHarness.Answer("你好"));
        }

        time.Advance(TimeSpan.FromSeconds(harness.Options.BreakSeconds - 1));
        Assert.Equal(ModelOutcome.CircuitOpen, (await harness.CompleteAsync(LanguageModelHarness.Answer("你好"))).Outcome);
        time.Advance(TimeSpan.FromSeconds(1));
        harness.Server.Enqueue(FakeOpenAiResponse.Content("恢复了"), FakeOpenAiResponse.Content("仍然正常"));

        var trial = await harness.CompleteAsync(LanguageModelHarness.Answer("你好"));
        var next = await harness.CompleteAsync(LanguageModelHarness.Answer("你好"));

        Assert.Equal(("恢复了", ModelOutcome.Answered), (trial.Text, trial.Outcome));
        Assert.Equal(("仍然正常", ModelOutcome.Answered), (next.Text, next.Outcome));
        Assert.Equal(harness.Options.MinimumThroughput + 2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task CompleteAsync_RepeatedInvalidOutput_KeepsCircuitClosed()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.DefaultResponder = _ => FakeOpenAiResponse.Content("不是 JSON");

        for (var i = 0; i < harness.Options.MinimumThroughput * 2; i++)
        {
            Assert.Equal(ModelOutcome.InvalidOutput, (await harness.CompleteAsync(LanguageModelHarness.Classify("噪音"))).Outcome);
        }

        Assert.Equal(harness.Options.MinimumThroughput * 2, harness.Server.Requests.Count);
    }
}
