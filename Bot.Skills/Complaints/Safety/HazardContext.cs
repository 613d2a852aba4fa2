using System.Buffers;
using System.Text.RegularExpressions;

namespace Bot.Skills.Complaints.Safety;

internal enum MatchState
{
    Present,
    Excluded,
    Negated,
    Resolved,
    Past,
    Hypothetical,
    Question,
}

internal readonly record struct MatchContext(MatchState State, bool Hedged, bool Intense);

/// <summary>
/// Decides whether a hazard match describes a danger present now. It reads the clause around the match
/// (pre = up to <see cref="Window"/> characters before it in the same clause; post = the rest of that clause and the next one),
/// because residents negate, date and hedge right next to the hazard word: 没有煤气味了, 上次漏气已经修好了, 好像有点煤气味.
/// </summary>
internal static class HazardContext
{
    private const int Window = 10;
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create("，,。！!？?；;\n\r\t ~～…");

    public static MatchContext Assess(string text, int index, int length, Regex? unless)
    {
        var span = text.AsSpan();
        var clauseStart = span[..index].LastIndexOfAny(ClauseEnds) + 1;
        var preStart = Math.Max(clauseStart, index - Window);
        var pre = text[preStart..index];
        var afterMatch = index + length;
        var clauseEnd = NextEnd(span, afterMatch);
        var postClause = text[afterMatch..clauseEnd];
        var post = clauseEnd < text.Length ? text[afterMatch..NextEnd(span, clauseEnd + 1)] : postClause;
        var around = string.Concat(text.AsSpan(clauseStart, index - clauseStart), text.AsSpan(index, length), postClause);

        var intense = HazardCues.Intense.IsMatch(around) || HazardCues.Intense.IsMatch(post);
        var hedged = !intense && (HazardCues.Hedge.IsMatch(pre) || HazardCues.Hedge.IsMatch(postClause));
        var state = Classify(text, pre, post, around, unless, intense);
        return new MatchContext(state, hedged, intense);
    }

    private static MatchState Classify(string text, string pre, string post, string around, Regex? unless, bool intense)
    {
        if (unless is not null && unless.IsMatch(around))
        {
            return MatchState.Excluded;
        }

        if (HazardCues.Negated.IsMatch(pre) && !HazardCues.DoubleNegated.IsMatch(pre))
        {
            return MatchState.Negated;
        }

        if (HazardCues.Resolved.IsMatch(post))
        {
            return MatchState.Resolved;
        }

        var present = HazardCues.Present.IsMatch(around);
        if ((HazardCues.Past.IsMatch(pre) || post.StartsWith('过')) && !HazardCues.StillNow.IsMatch(around))
        {
            return MatchState.Past;
        }

        if (HazardCues.Hypothetical.IsMatch(pre) && !HazardCues.Now.IsMatch(around))
        {
            return MatchState.Hypothetical;
        }

        if (HazardCues.StrongQuestion.IsMatch(text) && !present && !intense)
        {
            return MatchState.Question;
        }

        var happened = post.StartsWith('了') || post.StartsWith('啦');
        var situated = present || intense || happened || HazardCues.Situated.IsMatch(pre);
        return HazardCues.WeakQuestion.IsMatch(post) && !situated ? MatchState.Question : MatchState.Present;
    }

    private static int NextEnd(ReadOnlySpan<char> span, int from)
    {
        var offset = span[from..].IndexOfAny(ClauseEnds);
        return offset < 0 ? span.Length : from + offset;
    }
}
