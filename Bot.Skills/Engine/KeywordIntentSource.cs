using System.Globalization;

namespace Bot.Skills.Engine;

/// <summary>
/// The offline intent recognizer: WeChat events, menu numbers and a few unmistakable words. Complaint
/// classification and the language model join it in later slices.
/// </summary>
public sealed class KeywordIntentSource(SkillMenu menu) : IIntentSource
{
    private static readonly HashSet<string> GreetingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "你好", "您好", "你好呀", "您好呀", "你们好", "hi", "hello", "嗨", "哈喽", "在吗", "在不在", "有人吗", "菜单", "帮助",
        "功能", "早上好", "上午好", "中午好", "下午好", "晚上好", "?", "？",
    };

    private static readonly string[] CommunityInfoWords =
        ["联系方式", "社区电话", "居委会电话", "办公时间", "上班时间", "社区地址", "社区在哪", "居委会在哪", "怎么联系社区"];

    public int Order => 100;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var match = message.Kind == InboundKind.Event ? FromEvent(message) : FromText(message.Text);
        return ValueTask.FromResult(match);
    }

    private IntentMatch? FromEvent(InboundMessage message) => message.EventName?.ToLowerInvariant() switch
    {
        "subscribe" or "scan" => new IntentMatch(Intents.Greeting, 1.0),
        "click" when !string.IsNullOrEmpty(message.EventKey) => new IntentMatch(message.EventKey, 1.0),
        _ => null,
    };

    private IntentMatch? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().TrimEnd('。', '!', '！', '~', '～', '.');
        if (int.TryParse(Normalise(trimmed), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number == 0
                ? new IntentMatch(Intents.Greeting, 1.0)
                : menu.IntentAt(number) is { } picked ? new IntentMatch(picked, 1.0) : null;
        }

        // Only a message that is nothing but a greeting: "你好，楼下太吵了" is a complaint, not a hello.
        if (GreetingWords.Contains(trimmed) || (trimmed.Length <= 8 && (trimmed.StartsWith("你好", StringComparison.Ordinal) || trimmed.StartsWith("您好", StringComparison.Ordinal))))
        {
            return new IntentMatch(Intents.Greeting, 0.95);
        }

        return CommunityInfoWords.Any(word => trimmed.Contains(word, StringComparison.Ordinal))
            ? new IntentMatch(Intents.CommunityInfo, 0.9)
            : null;
    }

    /// <summary>Full-width digits (１２３) are common on Chinese keyboards.</summary>
    private static string Normalise(string text) =>
        string.Concat(text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c));
}
