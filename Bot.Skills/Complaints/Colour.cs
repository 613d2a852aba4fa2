namespace Bot.Skills.Complaints;

/// <summary>分色治理: how important and urgent a case is. Ordered so that a higher value is more urgent.</summary>
public enum Colour
{
    /// <summary>绿 — consultations, suggestions, praise, applications for services.</summary>
    Green = 0,

    /// <summary>黄 — ordinary complaints needing action.</summary>
    Yellow = 1,

    /// <summary>橙 — serious harm to many households' basic living, or a hazard that may soon hurt someone.</summary>
    Orange = 2,

    /// <summary>红 — danger to life or safety now.</summary>
    Red = 3,
}

public static class Colours
{
    /// <summary>The contract's code: red, orange, yellow, green.</summary>
    public static string Code(this Colour colour) => colour switch
    {
        Colour.Red => "red",
        Colour.Orange => "orange",
        Colour.Yellow => "yellow",
        _ => "green",
    };

    public static string ChineseName(this Colour colour) => colour switch
    {
        Colour.Red => "红色",
        Colour.Orange => "橙色",
        Colour.Yellow => "黄色",
        _ => "绿色",
    };

    public static bool TryParse(string? code, out Colour colour)
    {
        colour = code?.Trim().ToLowerInvariant() switch
        {
            "red" or "红" or "红色" => Colour.Red,
            "orange" or "橙" or "橙色" => Colour.Orange,
            "yellow" or "黄" or "黄色" => Colour.Yellow,
            "green" or "绿" or "绿色" => Colour.Green,
            _ => (Colour)(-1),
        };
        return Enum.IsDefined(colour);
    }

    public static Colour Max(Colour a, Colour b) => a >= b ? a : b;
}
