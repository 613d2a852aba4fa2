using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Skills.Grid;

/// <summary>
/// When someone is on duty, as staff write it: "周一至周五 08:30-17:30", "每天 09:00-21:00", "全天",
/// or several stretches separated by ；. Times are China Standard Time whatever the server's zone.
/// </summary>
public sealed partial class DutyHours
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly IReadOnlyList<DutySlot> _slots;

    private DutyHours(string text, IReadOnlyList<DutySlot> slots) => (Text, _slots) = (text, slots);

    /// <summary>On duty at any time; also what an empty 值班时间 means.</summary>
    public static DutyHours AllDay { get; } = new("全天", [new DutySlot(DutySlot.EveryDay, 0, 24 * 60)]);

    /// <summary>The text as written (trimmed), so a roster exports what was imported.</summary>
    public string Text { get; }

    /// <exception cref="FormatException">The text is not a duty time; the message says why, in Chinese.</exception>
    public static DutyHours Parse(string? text) =>
        TryParse(text, out var hours, out var error) ? hours : throw new FormatException(error);

    public static bool TryParse(string? text, out DutyHours hours, out string error)
    {
        hours = AllDay;
        error = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return true;
        }

        var slots = new List<DutySlot>();
        foreach (var segment in trimmed.Split(['；', ';', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseSegment(segment, out var slot, out error))
            {
                return false;
            }

            slots.Add(slot);
        }

        hours = new DutyHours(trimmed, slots);
        return true;
    }

    public bool IsOnDuty(DateTimeOffset at)
    {
        var local = at.ToOffset(China);
        var minute = (local.Hour * 60) + local.Minute;
        return _slots.Any(s => s.Covers(local.DayOfWeek, minute));
    }

    public override string ToString() => Text;

    private static bool TryParseSegment(string segment, out DutySlot slot, out string error)
    {
        slot = default;
        var match = Segment().Match(segment);
        if (!match.Success)
        {
            error = $"值班时间“{segment}”无法识别，请写成“周一至周五 08:30-17:30”“每天 09:00-21:00”或“全天”。";
            return false;
        }

        if (!DutyDays.TryParse(match.Groups["days"].Value, out var days))
        {
            error = $"值班时间“{segment}”中的日期“{match.Groups["days"].Value.Trim()}”无法识别，请写成“周一至周五”“每天”“工作日”或“周末”。";
            return false;
        }

        if (match.Groups["allday"].Success)
        {
            slot = new DutySlot(days, 0, 24 * 60);
            error = string.Empty;
            return true;
        }

        var (startText, endText) = (match.Groups["start"].Value, match.Groups["end"].Value);
        if (!TryMinute(startText, isEnd: false, out var start) || !TryMinute(endText, isEnd: true, out var end))
        {
            var bad = TryMinute(startText, isEnd: false, out _) ? endText : startText;
            error = $"值班时间“{segment}”中的 {bad} 不是有效时刻：小时须在 00–23 之间（结束可写 24:00），分钟须在 00–59 之间。";
            return false;
        }

        if (start == end)
        {
            error = $"值班时间“{segment}”的开始和结束时刻相同；全天值班请写“全天”。";
            return false;
        }

        slot = new DutySlot(days, start, end);
        error = string.Empty;
        return true;
    }

    private static bool TryMinute(string text, bool isEnd, out int minute)
    {
        var parts = text.Split(':', '：');
        var hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var min = int.Parse(parts[1], CultureInfo.InvariantCulture);
        minute = (hour * 60) + min;

        // 24:00 closes a day; it cannot open one, and 24:30 does not exist.
        return min < 60 && (hour < 24 || (isEnd && hour == 24 && min == 0));
    }

    [GeneratedRegex(@"^(?<days>.*?)\s*(?:(?<allday>全天|24小时)|(?<start>\d{1,2}[:：]\d{2})\s*[-~～—–至到]\s*(?<end>\d{1,2}[:：]\d{2}))$")]
    private static partial Regex Segment();
}
