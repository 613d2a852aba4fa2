using System.Globalization;

namespace Bot.Skills.Scheduling;

/// <summary>Numbers as residents type them: 3, ３, 三, 十一, 二十五, 三十一, 两, 零五, 二〇二七.</summary>
internal static class ChineseNumerals
{
    /// <summary>The characters a number may be written with, for regular expressions.</summary>
    public const string Pattern = @"(?:\d{1,4}|[零〇一二两三四五六七八九十]{1,4})";

    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            // Digit by digit only where people write that way (二〇二七, 零五); "三三" is no number.
            foreach (var c in text)
            {
                var digit = Digit(c);
                if (digit < 0)
                {
                    return false;
                }

                value = (value * 10) + digit;
            }

            return text.Length == 1 || text.Length == 4 || text[0] is '零' or '〇';
        }

        if (ten > 1 || text.Length - ten > 2)
        {
            return false;
        }

        var tens = ten == 0 ? 1 : Digit(text[0]);
        var ones = ten == text.Length - 1 ? 0 : Digit(text[ten + 1]);
        value = (tens * 10) + ones;
        return tens > 0 && ones >= 0;
    }

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
