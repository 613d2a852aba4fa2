using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Xml;

namespace Bot.Connectors.Tests.WeChat.Xml;

public sealed class SafeXmlTests
{
    [Fact]
    public void Parse_WellFormedCallback_ReturnsRoot()
    {
        var root = SafeXml.Parse("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[abc]]></Encrypt></xml>");

        Assert.Equal("xml", root.Name.LocalName);
        Assert.Equal("abc", root.Element("Encrypt")?.Value);
    }

    [Fact]
    public void Parse_XxeExternalEntity_ThrowsWeChatFormatException()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xml><Content>&xxe;</Content></xml>
            """;

        Assert.Throws<WeChatFormatException>(() => SafeXml.Parse(xxe));
    }

    [Fact]
    public void Parse_BillionLaughs_ThrowsWeChatFormatException()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <xml><Content>&lol9;</Content></xml>
            """;

        Assert.Throws<WeChatFormatException>(() => SafeXml.Parse(laughs));
    }

    [Fact]
    public void Parse_DoctypeWithoutEntities_ThrowsWeChatFormatException() =>
        Assert.Throws<WeChatFormatException>(() => SafeXml.Parse("<!DOCTYPE xml><xml/>"));

    [Theory]
    [InlineData("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt>")]
    [InlineData("<xml><Content>a</Contant></xml>")]
    [InlineData("not xml")]
    [InlineData("<xml/><xml/>")]
    [InlineData("<xml>&undefined;</xml>")]
    public void Parse_MalformedXml_ThrowsWeChatFormatException(string xml) =>
        Assert.Throws<WeChatFormatException>(() => SafeXml.Parse(xml));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Parse_EmptyInput_ThrowsWeChatFormatException(string? xml) =>
        Assert.Throws<WeChatFormatException>(() => SafeXml.Parse(xml));

    [Fact]
    public void Parse_DocumentOverSizeLimit_ThrowsWeChatFormatException()
    {
        var huge = "<xml><Content>" + new string('a', SafeXml.MaxCharacters) + "</Content></xml>";

        Assert.Throws<WeChatFormatException>(() => SafeXml.Parse(huge));
    }
}
