using System.Globalization;
using Bot.Skills.Engine;

namespace Bot.Connectors.WeChat;

/// <summary>Fills the configured notice template from a text reply.</summary>
public static class NoticeTemplate
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static IReadOnlyDictionary<string, string> Fill(NoticeTemplateOptions template, Reply reply, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(reply);
        var content = Flatten(reply.Kind == ReplyKind.Text ? reply.Text : reply.Articles.FirstOrDefault()?.Title ?? string.Empty);
        var cut = content.IndexOfAny(['：', ':', '。', '，']);
        var title = cut > 0 ? content[..cut] : content;
        var time = now.ToOffset(China).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        return template.Fields.ToDictionary(
            field => field.Key,
            field => Cut(field.Value.Replace("{title}", title, StringComparison.Ordinal)
                .Replace("{content}", content, StringComparison.Ordinal)
                .Replace("{time}", time, StringComparison.Ordinal), template.MaxFieldLength),
            StringComparer.Ordinal);
    }

    private static string Flatten(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Cut(string value, int max) => max > 1 && value.Length > max ? value[..(max - 1)] + "…" : value;
}
