namespace Bot.Skills.Complaints.Safety;

/// <summary>
/// Finds present dangers in a resident's message with fixed rule tables, so that a red case never depends on a
/// statistical model. Pure and thread-safe: the tables are compiled once and evaluation only matches.
/// </summary>
public sealed class SafetyRules : ISafetyRules
{
    private const string IntenseReason = "情况严重或持续";

    // Residents' messages are short; a pasted document is cut so evaluation time stays bounded.
    private const int MaxLength = 2000;
    private readonly IReadOnlyList<HazardRule> rules;

    public SafetyRules()
        : this([.. RedHazards.Rules, .. OrangeHazards.Rules])
    {
    }

    /// <summary>Rules in priority order: the first red rule that fires gives the alert.</summary>
    public SafetyRules(IReadOnlyList<HazardRule> rules) => this.rules = rules;

    public SafetyVerdict Evaluate(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyVerdict.None;
        }

        text = text.Length > MaxLength ? text[..MaxLength] : text;
        List<(HazardRule Rule, Colour Colour)>? fired = null;
        var intense = false;
        foreach (var rule in rules)
        {
            if (Fire(rule, text, ref intense) is { } colour)
            {
                (fired ??= []).Add((rule, colour));
            }
        }

        if (fired is null)
        {
            return SafetyVerdict.None;
        }

        // Stable sort: most urgent colour first, table order within a colour.
        var ordered = fired.OrderByDescending(f => f.Colour).ToList();
        var floor = ordered[0].Colour;
        var reasons = ordered.Select(f => f.Rule.Reason).Distinct(StringComparer.Ordinal).ToList();
        if (intense && floor >= Colour.Orange)
        {
            reasons.Add(IntenseReason);
        }

        var top = ordered[0].Rule;
        var alert = floor == Colour.Red && top.EmergencyNumber is not null && top.Advice is not null
            ? new SafetyAlert(top.Hazard, top.EmergencyNumber, top.Advice)
            : null;
        return new SafetyVerdict(floor, alert, reasons);
    }

    /// <summary>The colour the rule reaches in this text, or null when no match describes a present hazard.</summary>
    private static Colour? Fire(HazardRule rule, string text, ref bool intense)
    {
        Colour? best = null;
        foreach (var match in rule.Pattern.EnumerateMatches(text))
        {
            var context = HazardContext.Assess(text, match.Index, match.Length, rule.Unless);
            if (context.State != MatchState.Present)
            {
                continue;
            }

            var colour = rule.Colour;
            if (colour == Colour.Red && context.Hedged && !rule.ErrOnSafety)
            {
                colour = Colour.Orange; // 好像有人打架: worth a call back today, not an emergency dispatch.
            }

            if (rule.NeedsPresence is { } presence && !presence.IsMatch(text))
            {
                colour = colour - 1;
            }

            intense |= context.Intense;
            best = best is null ? colour : Colours.Max(best.Value, colour);
            if (best == rule.Colour)
            {
                break;
            }
        }

        return best;
    }
}
