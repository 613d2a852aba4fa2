using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Skills.Dispatch;

/// <summary>
/// Reads "接单 2026-000123", "回复 2026-000123 明天上午上门", "办结 123 已协调" … A bare number means this year's
/// ticket, since workers type on phones. Anything else is not a command and gets the help text.
/// </summary>
public static partial class WorkerCommandParser
{
    public const string Help = "可用指令：\n接单 <工单号>\n回复 <工单号> <内容>\n办结 <工单号> <处理说明>\n退回 <工单号> <原因>\n升级 <工单号> [说明]\n结束（结束与居民的对话）\n调解员：确认/婉拒/改期/结果 <预约号>";

    private static readonly Dictionary<string, WorkerAction> Verbs = new(StringComparer.Ordinal)
    {
        ["接单"] = WorkerAction.Accept,
        ["回复"] = WorkerAction.Reply,
        ["办结"] = WorkerAction.Resolve,
        ["退回"] = WorkerAction.Return,
        ["升级"] = WorkerAction.Escalate,
    };

    /// <summary>Why a command was refused, in words the worker reads.</summary>
    public sealed record ParseError(string Message);

    /// <returns>The command, or an error explaining what is missing (the help text when it is no command at all).</returns>
    public static (WorkerCommand? Command, ParseError? Error) Parse(string? text, int currentYear)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed is "结束" or "结束对话" or "结束会话")
        {
            return (new WorkerCommand(WorkerAction.EndSession, null, string.Empty), null);
        }

        var match = CommandPattern().Match(trimmed);
        if (!match.Success || !Verbs.TryGetValue(match.Groups["verb"].Value, out var action))
        {
            return (null, new ParseError(Help));
        }

        var verb = match.Groups["verb"].Value;
        if (!match.Groups["number"].Success)
        {
            return (null, new ParseError($"“{verb}”后面要跟工单号，例如：{verb} 2026-000123"));
        }

        var number = Normalise(match.Groups["number"].Value, currentYear);
        var rest = match.Groups["rest"].Value.Trim();
        if (rest.Length == 0 && action is WorkerAction.Reply or WorkerAction.Resolve or WorkerAction.Return)
        {
            var what = action switch { WorkerAction.Reply => "回复内容", WorkerAction.Resolve => "处理说明", _ => "退回原因" };
            return (null, new ParseError($"请写上{what}，例如：{verb} {number} ……"));
        }

        return (new WorkerCommand(action, number, rest), null);
    }

    private static string Normalise(string number, int currentYear) =>
        number.Contains('-', StringComparison.Ordinal)
            ? number
            : string.Create(CultureInfo.InvariantCulture, $"{currentYear}-{int.Parse(number, CultureInfo.InvariantCulture):D6}");

    [GeneratedRegex(@"^(?<verb>\p{IsCJKUnifiedIdeographs}{2})[\s:：]*(?<number>20\d{2}-\d{6}|\d{1,6}(?!\d))?[\s,，:：]*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CommandPattern();
}
