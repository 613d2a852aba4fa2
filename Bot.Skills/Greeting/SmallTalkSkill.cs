using Bot.Skills.Engine;

namespace Bot.Skills.Greeting;

/// <summary>"谢谢", "好的", "再见": short courtesies get a short, warm answer instead of "I did not understand".</summary>
public sealed class SmallTalkSkill : ISkill, IIntentSource
{
    public const string IntentCode = "small_talk";

    private static readonly HashSet<string> Thanks = ["谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "谢啦", "thanks", "thank you", "辛苦了", "辛苦啦"];
    private static readonly HashSet<string> Acknowledgements = ["好的", "好", "好滴", "嗯", "嗯嗯", "哦", "哦哦", "收到", "知道了", "明白了", "ok", "okay", "行", "可以"];
    private static readonly HashSet<string> Goodbyes = ["再见", "拜拜", "bye", "晚安"];

    public string Intent => IntentCode;

    public string? MenuTitle => null;

    public int MenuOrder => 0;

    public int Order => 110;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var kind = Classify(context.Message.Text);
        // Below the level that interrupts a dialogue: "嗯" while the bot waits for an answer is that answer.
        return ValueTask.FromResult(kind is null ? null : new IntentMatch(IntentCode, 0.8));
    }

    public Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = Classify(context.Message.Text) switch
        {
            "thanks" => "不客气！有需要随时找我。",
            "bye" => "再见，祝您生活愉快！有事随时找我。",
            _ => "好的。还有其他需要，直接告诉我就行。",
        };
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.FromText(text)]);
    }

    private static string? Classify(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('。', '!', '！', '~', '～', '.', '啊', '呀', '哈').ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return Thanks.Contains(trimmed) ? "thanks" : Goodbyes.Contains(trimmed) ? "bye" : Acknowledgements.Contains(trimmed) ? "ok" : null;
    }
}
