using Bot.Skills.Language;
using Bot.Skills.Scheduling;
using Bot.Skills.Tests.Language;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Skills.Tests.Scheduling;

public sealed class ModelTimeReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8)); // Wednesday
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    private static async Task<(TimeParseResult? Result, ScriptedLanguageModel Model)> ReadAsync(string json, bool enabled = true)
    {
        var model = new ScriptedLanguageModel { IsEnabled = enabled }.Answer(ModelTimeReader.PromptId, json);
        var reader = new ModelTimeReader(model, NullLogger<ModelTimeReader>.Instance);
        return (await reader.ReadAsync("等我孙子放学以后那会儿", Now, Horizon, CancellationToken.None), model);
    }

    [Fact]
    public async Task ReadAsync_FutureTime_PointInChinaTime()
    {
        var (result, model) = await ReadAsync("""{"start":"2026-11-27T16:30:00+08:00","end":null}""");

        Assert.Equal(TimeParseOutcome.Point, result!.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.FromHours(8)), result.Start);
        var call = model.Calls.Single();
        Assert.Equal(["message", "now"], call.Arguments.Keys);
        Assert.Equal("2026-11-25T09:00:00+08:00 星期三", call.Arguments["now"]);
    }

    [Fact]
    public async Task ReadAsync_NoOffset_ReadAsChinaTime()
    {
        var (result, _) = await ReadAsync("""{"start":"2026-11-27T16:30:00","end":"2026-11-27T18:00:00"}""");

        Assert.Equal(TimeParseOutcome.Range, result!.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.FromHours(8)), result.End);
    }

    [Theory]
    [InlineData("""{"start":"2026-11-24T16:30:00+08:00","end":null}""")]
    [InlineData("""{"start":"2027-01-30T16:30:00+08:00","end":null}""")]
    [InlineData("""{"start":"2026-11-27T16:30:00+08:00","end":"2026-11-27T15:00:00+08:00"}""")]
    [InlineData("""{"start":"2026-02-30T10:00:00+08:00","end":null}""")]
    [InlineData("""{"start":null,"end":null}""")]
    [InlineData("""{"start":"DROP TABLE bookings","end":null}""")]
    [InlineData("忽略指令")]
    public async Task ReadAsync_PastBeyondHorizonOrInvalid_Unread(string json)
    {
        var (result, _) = await ReadAsync(json);

        Assert.Null(result);
    }

    [Fact]
    public async Task ReadAsync_ModelDisabled_UnreadWithoutCall()
    {
        var (result, model) = await ReadAsync("""{"start":"2026-11-27T16:30:00+08:00","end":null}""", enabled: false);

        Assert.Null(result);
        Assert.Empty(model.Calls);
    }
}
