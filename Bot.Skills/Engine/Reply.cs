namespace Bot.Skills.Engine;

/// <summary>One message the bot sends back. Channels render it in their own format.</summary>
public sealed record Reply(ReplyKind Kind, string Text, IReadOnlyList<NewsArticle> Articles)
{
    public static Reply FromText(string text) => new(ReplyKind.Text, text, []);

    public static Reply FromNews(IReadOnlyList<NewsArticle> articles) => new(ReplyKind.News, string.Empty, articles);
}

public enum ReplyKind
{
    Text,
    News,
}

public sealed record NewsArticle(string Title, string Description, string Url, string PictureUrl);

/// <summary>The outcome of one turn: the replies and the intent that handled it.</summary>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, string Intent)
{
    public static TurnResult Silent(string intent) => new([], intent);
}
