using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Bot.Skills.Engine;

namespace Bot.Connectors.WeChat.Xml;

/// <summary>
/// Builds passive-reply XML. Everything goes through XmlWriter so CDATA sections containing "]]>"
/// are split correctly and no value can break out of its element.
/// </summary>
public static class WeChatReplyXml
{
    /// <summary>WeChat drops a passive text reply whose Content exceeds this many UTF-8 bytes.</summary>
    public const int MaxTextBytes = 2048;

    /// <summary>Upper bound on articles in one news reply.</summary>
    public const int MaxArticles = 8;

    // One element per line, no indentation, LF: the shape of Tencent's own samples, and no declaration
    // because WeChat's examples have none.
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = string.Empty,
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.None,
    };

    public static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);

    public static string Text(string toUser, string fromUser, long createTime, string content) =>
        Write(new XElement(
            "xml",
            Header(toUser, fromUser, createTime, "text"),
            Cdata("Content", content)));

    /// <exception cref="ArgumentOutOfRangeException">No articles, or more than <see cref="MaxArticles"/>.</exception>
    public static string News(string toUser, string fromUser, long createTime, IReadOnlyList<NewsArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfZero(articles.Count, nameof(articles));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(articles.Count, MaxArticles, nameof(articles));

        return Write(new XElement(
            "xml",
            Header(toUser, fromUser, createTime, "news"),
            new XElement("ArticleCount", articles.Count.ToString(CultureInfo.InvariantCulture)),
            new XElement(
                "Articles",
                articles.Select(a => new XElement(
                    "item",
                    Cdata("Title", a.Title),
                    Cdata("Description", a.Description),
                    Cdata("PicUrl", a.PictureUrl),
                    Cdata("Url", a.Url))))));
    }

    /// <summary>The safe-mode reply wrapping an encrypted passive reply.</summary>
    public static string EncryptedEnvelope(string encrypt, string msgSignature, long timestamp, string nonce) =>
        Write(new XElement(
            "xml",
            Cdata("Encrypt", encrypt),
            Cdata("MsgSignature", msgSignature),
            new XElement("TimeStamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            Cdata("Nonce", nonce)));

    private static IEnumerable<XElement> Header(string toUser, string fromUser, long createTime, string msgType) =>
    [
        Cdata("ToUserName", toUser),
        Cdata("FromUserName", fromUser),
        new XElement("CreateTime", createTime.ToString(CultureInfo.InvariantCulture)),
        Cdata("MsgType", msgType),
    ];

    private static XElement Cdata(string name, string? value) => new(name, new XCData(XmlSafe(value ?? string.Empty)));

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates) instead of failing the reply.</summary>
    private static string XmlSafe(string value)
    {
        StringBuilder? builder = null; // allocated only when something has to be dropped
        for (var i = 0; i < value.Length; i++)
        {
            var pair = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var valid = pair || XmlConvert.IsXmlChar(value[i]);
            if (!valid)
            {
                builder ??= new StringBuilder(value, 0, i, value.Length);
                continue;
            }

            builder?.Append(value, i, pair ? 2 : 1);
            if (pair)
            {
                i++;
            }
        }

        return builder?.ToString() ?? value;
    }

    private static string Write(XElement root)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, WriterSettings))
        {
            root.WriteTo(writer);
        }

        return output.ToString();
    }
}
