namespace Bot.Skills.Grid;

/// <summary>The weekday part of a duty time: "每天", "工作日", "周末", "周一至周五", "周六、周日".</summary>
internal static class DutyDays
{
    private const int Weekdays = 0b011_1110;
    private const int Weekend = 0b100_0001;

    public static bool TryParse(string text, out int mask)
    {
        mask = 0;
        var trimmed = text.Trim();
        switch (trimmed)
        {
            case "" or "每天" or "每日" or "天天" or "全周":
                mask = DutySlot.EveryDay;
                return true;
            case "工作日":
                mask = Weekdays;
                return true;
            case "周末":
                mask = Weekend;
                return true;
        }

        foreach (var item in trimmed.Split(['、', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = item.Split(['至', '到', '-', '~', '～', '—', '–'], StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2 || !TryDay(range[0], out var first) || !TryDay(range[^1], out var last))
            {
                return false;
            }

            // 周五至周一 wraps over the weekend.
            for (var day = first; ; day = (day + 1) % 7)
            {
                mask |= 1 << day;
                if (day == last)
                {
                    break;
                }
            }
        }

        return mask != 0;
    }

    private static bool TryDay(string text, out int day)
    {
        day = -1;
        var name = text.StartsWith("星期", StringComparison.Ordinal) || text.StartsWith("礼拜", StringComparison.Ordinal) ? text[2..]
            : text.StartsWith('周') ? text[1..]
            : string.Empty;
        day = name switch
        {
            "日" or "天" or "七" => 0,
            "一" => 1,
            "二" => 2,
            "三" => 3,
            "四" => 4,
            "五" => 5,
            "六" => 6,
            _ => -1,
        };
        return day >= 0;
    }
}
