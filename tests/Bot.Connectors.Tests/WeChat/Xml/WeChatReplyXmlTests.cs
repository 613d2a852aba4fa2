using Bot.Connectors.WeChat.Xml;
using Bot.Skills.Engine;

namespace Bot.Connectors.Tests.WeChat.Xml;

public sealed class WeChatReplyXmlTests
{
    [Fact]
    public void Text_SimpleContent_ProducesOfficialShapeWithoutDeclaration()
    {
        var xml = WeChatReplyXml.Text("oUser", "gh_account", 1714112445, "你好");

        Assert.Equal(
            "<xml>\n<ToUserName><![CDATA[oUser]]></ToUserName>\n<FromUserName><![CDATA[gh_account]]></FromUserName>\n<CreateTime>1714112445</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[你好]]></Content>\n</xml>",
            xml);
    }

    [Theory]
    [InlineData("a]]>b")]
    [InlineData("]]>")]
    [InlineData("x]]]]>y<tag>&amp;</xml>")]
    [InlineData("line1\nline2  ")]
    public void Text_ContentWithCdataTerminator_ParsesBackToSameText(string content)
    {
        var xml = WeChatReplyXml.Text("oUser", "gh_account", 1, content);

        var root = SafeXml.Parse(xml);

        Assert.Equal(content, root.Element("Content")?.Value);
        Assert.Equal("text", root.Element("MsgType")?.Value);
    }

    [Fact]
    public void Text_ContentWithControlCharacters_DropsThemAndKeepsEmoji()
    {
        var xml = WeChatReplyXml.Text("oUser", "gh_account", 1, "a\u0001b\u0008c😀\uD800d");

        Assert.Equal("abc😀d", SafeXml.Parse(xml).Element("Content")?.Value);
    }

    [Fact]
    public void News_TwoArticles_ParsesBackWithCountAndItems()
    {
        NewsArticle[] articles =
        [
            new("夜市]]>开放", "周五 18:00", "https://example.org/a?x=1&y=2", "https://example.org/a.png"),
            new("探访日", "说明", "https://example.org/b", "https://example.org/b.png"),
        ];

        var root = SafeXml.Parse(WeChatReplyXml.News("oUser", "gh_account", 2, articles));

        Assert.Equal("news", root.Element("MsgType")?.Value);
        Assert.Equal("2", root.Element("ArticleCount")?.Value);
        var items = root.Element("Articles")!.Elements("item").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("夜市]]>开放", items[0].Element("Title")?.Value);
        Assert.Equal("周五 18:00", items[0].Element("Description")?.Value);
        Assert.Equal("https://example.org/a.png", items[0].Element("PicUrl")?.Value);
        Assert.Equal("https://example.org/a?x=1&y=2", items[0].Element("Url")?.Value);
        Assert.Equal("探访日", items[1].Element("Title")?.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void News_ArticleCountOutOfRange_ThrowsArgumentOutOfRange(int count)
    {
        var articles = Enumerable.Range(0, count).Select(i => new NewsArticle($"t{i}", "d", "u", "p")).ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatReplyXml.News("oUser", "gh_account", 1, articles));
    }

    [Fact]
    public void EncryptedEnvelope_V5Reply_MatchesOfficialFinalXml()
    {
        var xml = WeChatReplyXml.EncryptedEnvelope(
            "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7",
            "03e0812039325c2712ef5f0f980fd14c70d6e307",
            1713424427,
            "415670741");

        Assert.Equal(
            "<xml>\n<Encrypt><![CDATA[hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7]]></Encrypt>\n<MsgSignature><![CDATA[03e0812039325c2712ef5f0f980fd14c70d6e307]]></MsgSignature>\n<TimeStamp>1713424427</TimeStamp>\n<Nonce><![CDATA[415670741]]></Nonce>\n</xml>",
            xml);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("中文", 6)]
    [InlineData("😀", 4)]
    public void Utf8Length_Text_CountsUtf8Bytes(string text, int expected) =>
        Assert.Equal(expected, WeChatReplyXml.Utf8Length(text));
}
