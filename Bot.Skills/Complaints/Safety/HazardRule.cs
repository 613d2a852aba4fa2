using System.Text.RegularExpressions;

namespace Bot.Skills.Complaints.Safety;

/// <summary>One row of a rule table: the words that reveal a hazard and what to do about it.</summary>
/// <param name="Hazard">Name shown in the alert, e.g. 燃气泄漏.</param>
/// <param name="Reason">Short phrase for staff, e.g. 燃气泄漏迹象.</param>
/// <param name="Pattern">Any match is a candidate; the context scanner then decides whether it is present.</param>
/// <param name="Unless">Words around the match that make it harmless (烧烤 next to 冒烟); null = none.</param>
/// <param name="ErrOnSafety">Hedged reports (好像, 隐约) still count: a false alarm costs far less than a missed one.</param>
/// <param name="NeedsPresence">
/// When set, the rule only reaches its colour if these words appear in the message (an ambulance that is at the gate now);
/// otherwise it counts one colour lower, as a standing hazard.
/// </param>
public sealed record HazardRule(
    string Hazard,
    string Reason,
    Colour Colour,
    Regex Pattern,
    Regex? Unless = null,
    string? EmergencyNumber = null,
    string? Advice = null,
    bool ErrOnSafety = false,
    Regex? NeedsPresence = null)
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    /// <summary>
    /// Compiles a table pattern once, at type load, so evaluation is only matching. No match timeout: every quantifier
    /// is bounded and <see cref="SafetyRules"/> caps the input length, so a match cannot run away, and a timeout would
    /// only fire spuriously on a busy machine and lose a red case.
    /// </summary>
    public static Regex Rx(string pattern) => new(pattern, Options);
}
