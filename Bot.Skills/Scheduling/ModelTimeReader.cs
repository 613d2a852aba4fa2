using System.Globalization;
using Bot.Skills.Language;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Scheduling;

/// <summary>
/// Reads a booking time with the language model (prompt <c>scheduling/time</c>) when <see cref="ChineseTimeParser"/>
/// could not. The answer is kept only when it parses, lies in the future and within the horizon, and a range ends
/// after it starts on the same day; anything else counts as unread, so the dialogue asks again as before.
/// </summary>
public sealed partial class ModelTimeReader(ILanguageModel model, ILogger<ModelTimeReader> logger)
{
    public const string PromptId = "scheduling/time";

    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static IReadOnlyList<string> Variables { get; } = ["message", "now"];

    public bool IsEnabled => model.IsEnabled;

    /// <returns>A point or a range, or null when the model is off, fails or answers something unusable.</returns>
    public async ValueTask<TimeParseResult?> ReadAsync(string text, DateTimeOffset now, TimeSpan horizon, CancellationToken cancellationToken)
    {
        if (!model.IsEnabled || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var reply = await model.CompleteAsync(Call(text, now), cancellationToken).ConfigureAwait(false);
        var result = Read(reply, now, horizon);
        if (result is null)
        {
            LogIgnored(reply.Outcome, reply.Detail);
        }

        return result;
    }

    public static PromptCall Call(string text, DateTimeOffset now)
    {
        var local = now.ToOffset(China);
        return new PromptCall(PromptId, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["message"] = text,
            ["now"] = $"{local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)} {Weekdays[(int)local.DayOfWeek]}",
        });
    }

    /// <summary>Validates the model's answer; null when it is not a usable future time within the horizon.</summary>
    public static TimeParseResult? Read(ModelReply reply, DateTimeOffset now, TimeSpan horizon)
    {
        var answer = ModelJson.Read<ModelTime>(reply);
        if (answer is null || !TryLocal(answer.Start, out var start) || start <= now || start > now + horizon)
        {
            return null;
        }

        if (answer.End is null)
        {
            return new TimeParseResult(TimeParseOutcome.Point, start, null, true, true, null);
        }

        return TryLocal(answer.End, out var end) && end > start && end.ToOffset(China).Date == start.ToOffset(China).Date
            ? new TimeParseResult(TimeParseOutcome.Range, start, end, true, false, null)
            : null;
    }

    /// <summary>ISO 8601; a time without an offset is China time.</summary>
    private static bool TryLocal(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        value = parsed.Kind switch
        {
            DateTimeKind.Unspecified => new DateTimeOffset(parsed, China),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToOffset(China),
        };
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model booking time ignored: {Outcome} {Detail}")]
    private partial void LogIgnored(ModelOutcome outcome, string? detail);
}

/// <summary>The structured answer of <c>scheduling/time</c>.</summary>
public sealed record ModelTime(string? Start, string? End);
