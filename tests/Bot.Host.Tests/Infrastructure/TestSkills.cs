using Bot.Skills.Engine;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>Skills that tests reach with a CLICK event whose key is the intent.</summary>
public static class TestSkills
{
    public static ScriptedSkill Replies(string intent, params string[] texts) =>
        new(intent, (_, _) => Task.FromResult<IReadOnlyList<Reply>>(texts.Select(Reply.FromText).ToList()));

    /// <summary>Signals when it starts, then waits for the test to let it finish.</summary>
    public static ScriptedSkill Gated(string intent, TaskCompletionSource entered, Task release, string text) =>
        new(intent, async (_, _) =>
        {
            entered.TrySetResult();
            await release;
            return [Reply.FromText(text)];
        });

    /// <summary>A text of about <paramref name="bytes"/> UTF-8 bytes, in lines, like a long policy answer.</summary>
    public static string LongText(int bytes)
    {
        var line = "社区通知：本周六上午九点在居民议事厅召开加装电梯协调会，请各楼栋代表准时参加。";
        var lines = new List<string>();
        var size = 0;
        for (var i = 1; size < bytes; i++)
        {
            var next = $"{i}. {line}";
            lines.Add(next);
            size += System.Text.Encoding.UTF8.GetByteCount(next) + 1;
        }

        return string.Join('\n', lines);
    }
}
