namespace Bot.Skills.Scheduling;

/// <summary>How a resident's typed time was understood.</summary>
public enum TimeParseOutcome
{
    /// <summary>A concrete moment (明天下午3点): <see cref="TimeParseResult.Start"/>.</summary>
    Point,

    /// <summary>A stretch [Start, End): a whole day (周三) or part of one (明天下午).</summary>
    Range,

    /// <summary>Understood but ambiguous (下周, 周末, 3点 without <see cref="TimeParseOptions.PreferDaytime"/>).</summary>
    NeedsClarification,

    /// <summary>No such date or time (2月30日, 13月, 25点, 3点70分).</summary>
    Impossible,

    /// <summary>A real time that has already gone.</summary>
    Past,

    /// <summary>Nothing in the text reads as a time.</summary>
    NotUnderstood,
}

/// <summary>
/// The reading of a typed time. Times are China Standard Time (offset +08:00).
/// <see cref="DateKnown"/> and <see cref="TimeKnown"/> say what the resident actually said: a time without a date
/// still gets a date (the next occurrence), so a dialogue may confirm it; a date without a clock time is a
/// <see cref="TimeParseOutcome.Range"/> and <see cref="Message"/> asks for the time.
/// </summary>
/// <param name="Outcome">What kind of answer this is.</param>
/// <param name="Start">The moment, or the start of the range; also set for <see cref="TimeParseOutcome.Past"/>.</param>
/// <param name="End">The exclusive end of a range; null for a point.</param>
/// <param name="DateKnown">The text named the day (今天, 周三, 25号, 11月25日…).</param>
/// <param name="TimeKnown">The text named a clock time (3点, 15:30…), not just a part of the day.</param>
/// <param name="Message">
/// In Chinese, ready to send: the question for what is missing (请问几点？) for a range, the explanation and
/// question otherwise; null for a point.
/// </param>
public sealed record TimeParseResult(
    TimeParseOutcome Outcome,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool DateKnown,
    bool TimeKnown,
    string? Message)
{
    /// <summary>A point or a range the dialogue can work with.</summary>
    public bool IsUnderstood => Outcome is TimeParseOutcome.Point or TimeParseOutcome.Range;

    internal static TimeParseResult Fail(TimeParseOutcome outcome, string message) =>
        new(outcome, null, null, false, false, message);
}
