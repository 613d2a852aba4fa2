using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;

namespace Bot.TestSupport.Classification;

/// <summary>
/// Test double for the real hazard rules: 煤气/燃气 → red with a 119 alert, unless preceded by 没有; 隐患 → orange;
/// anything else → green floor. Deterministic so endpoint tests do not depend on the real rule tables.
/// </summary>
public sealed class KeywordSafetyRules : ISafetyRules
{
    public static SafetyAlert GasAlert { get; } = new("燃气泄漏", "119", "请立即关闭燃气阀门、开窗通风，不要开关电器，到室外拨打 119。");

    public int Calls;

    public SafetyVerdict Evaluate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Interlocked.Increment(ref Calls);
        if (text.Contains("煤气", StringComparison.Ordinal) || text.Contains("燃气", StringComparison.Ordinal))
        {
            return text.Contains("没有", StringComparison.Ordinal)
                ? new SafetyVerdict(Colour.Green, null, ["提到燃气但已否定"])
                : new SafetyVerdict(Colour.Red, GasAlert, ["燃气泄漏"]);
        }

        return text.Contains("隐患", StringComparison.Ordinal)
            ? new SafetyVerdict(Colour.Orange, null, ["存在安全隐患"])
            : new SafetyVerdict(Colour.Green, null, []);
    }
}
