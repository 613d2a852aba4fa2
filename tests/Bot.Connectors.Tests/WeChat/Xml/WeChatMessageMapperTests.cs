using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Xml;
using Bot.Skills.Engine;

namespace Bot.Connectors.Tests.WeChat.Xml;

public sealed class WeChatMessageMapperTests
{
    private const string AppId = "wxapp";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static WeChatInbound Map(string body) =>
        WeChatMessageMapper.Map(SafeXml.Parse($"<xml><ToUserName><![CDATA[gh_acct]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName><CreateTime>1714112445</CreateTime>{body}</xml>"), AppId, ReceivedAt);

    [Fact]
    public void Map_V1DecryptedText_MapsTextAndMsgIdKey()
    {
        const string xml = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

        var inbound = WeChatMessageMapper.Map(SafeXml.Parse(xml), "wx5823bf96d3bd56c7", ReceivedAt);

        Assert.Equal(
            new InboundMessage(Channels.WeChat, "mycreate", "wx5823bf96d3bd56c7:mycreate:4561255354251345929", InboundKind.Text, ReceivedAt, Text: "hello"),
            inbound.Message);
        Assert.Equal("wx5823bf96d3bd56c7", inbound.ToUserName);
        Assert.Equal("text", inbound.MsgType);
        Assert.Equal("218", inbound.Fields["AgentID"]);
    }

    [Fact]
    public void Map_Image_SetsMediaIdAndPicUrl()
    {
        var message = Map("<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[https://mmbiz/p.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>11</MsgId>").Message;

        Assert.Equal(InboundKind.Image, message.Kind);
        Assert.Equal("m1", message.MediaId);
        Assert.Equal("https://mmbiz/p.jpg", message.Url);
        Assert.Equal("wxapp:oUser:11", message.MessageKey);
    }

    [Fact]
    public void Map_VoiceWithoutRecognition_HasNoText()
    {
        var message = Map("<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[v1]]></MediaId><Format><![CDATA[amr]]></Format><MsgId>12</MsgId>").Message;

        Assert.Equal(InboundKind.Voice, message.Kind);
        Assert.Equal("v1", message.MediaId);
        Assert.Null(message.Text);
    }

    [Fact]
    public void Map_VoiceWithRecognition_KeepsVoiceKindAndSetsText()
    {
        var message = Map("<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[v1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[楼下太吵了]]></Recognition><MsgId>13</MsgId>").Message;

        Assert.Equal(InboundKind.Voice, message.Kind);
        Assert.Equal("楼下太吵了", message.Text);
    }

    [Theory]
    [InlineData("video")]
    [InlineData("shortvideo")]
    public void Map_VideoTypes_MapToVideo(string msgType)
    {
        var message = Map($"<MsgType><![CDATA[{msgType}]]></MsgType><MediaId><![CDATA[vid]]></MediaId><ThumbMediaId><![CDATA[t]]></ThumbMediaId><MsgId>14</MsgId>").Message;

        Assert.Equal(InboundKind.Video, message.Kind);
        Assert.Equal("vid", message.MediaId);
    }

    [Fact]
    public void Map_Location_ParsesCoordinatesInvariantly()
    {
        var message = Map("<MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[广州市天河区]]></Label><MsgId>15</MsgId>").Message;

        Assert.Equal(InboundKind.Location, message.Kind);
        Assert.Equal(new GeoPoint(23.134521, 113.358803, "广州市天河区"), message.Location);
    }

    [Theory]
    [InlineData("23,134521", "113.358803")]
    [InlineData("abc", "113.358803")]
    [InlineData("23.1", "NaN")]
    [InlineData("123.1", "113.3")]
    public void Map_LocationWithBadNumbers_ThrowsWeChatFormatException(string x, string y) =>
        Assert.Throws<WeChatFormatException>(() => Map($"<MsgType>location</MsgType><Location_X>{x}</Location_X><Location_Y>{y}</Location_Y><MsgId>16</MsgId>"));

    [Fact]
    public void Map_Link_SetsUrlAndTitleAsText()
    {
        var message = Map("<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[通知]]></Title><Description><![CDATA[d]]></Description><Url><![CDATA[https://example.org]]></Url><MsgId>17</MsgId>").Message;

        Assert.Equal(InboundKind.Link, message.Kind);
        Assert.Equal("https://example.org", message.Url);
        Assert.Equal("通知", message.Text);
    }

    [Theory]
    [InlineData("subscribe", "qrscene_123")]
    [InlineData("unsubscribe", null)]
    [InlineData("SCAN", "123")]
    [InlineData("CLICK", "MENU_STATUS")]
    [InlineData("VIEW", "https://example.org/menu")]
    public void Map_Event_SetsEventNameAsSentAndEventKey(string eventName, string? eventKey)
    {
        var keyXml = eventKey is null ? string.Empty : $"<EventKey><![CDATA[{eventKey}]]></EventKey>";

        var message = Map($"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event>{keyXml}").Message;

        Assert.Equal(InboundKind.Event, message.Kind);
        Assert.Equal(eventName, message.EventName);
        Assert.Equal(eventKey, message.EventKey);
        Assert.Equal($"wxapp:oUser:1714112445:{eventName}", message.MessageKey);
    }

    [Fact]
    public void Map_LocationEvent_SetsLocationFromLatitudeLongitude()
    {
        var message = Map("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>23.137466</Latitude><Longitude>-113.352425</Longitude><Precision>119.385040</Precision>").Message;

        Assert.Equal(InboundKind.Event, message.Kind);
        Assert.Equal("LOCATION", message.EventName);
        Assert.Equal(new GeoPoint(23.137466, -113.352425), message.Location);
    }

    [Fact]
    public void Map_TemplateSendJobFinish_UsesMsgIDForKey()
    {
        var message = Map("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>200163836</MsgID><Status><![CDATA[success]]></Status>").Message;

        Assert.Equal("TEMPLATESENDJOBFINISH", message.EventName);
        Assert.Equal("wxapp:oUser:200163836", message.MessageKey);
    }

    [Fact]
    public void Map_TwoEventsSameSecond_GetDistinctKeys()
    {
        var subscribe = Map("<MsgType>event</MsgType><Event>subscribe</Event>").Message;
        var scan = Map("<MsgType>event</MsgType><Event>SCAN</Event>").Message;

        Assert.NotEqual(subscribe.MessageKey, scan.MessageKey);
    }

    [Fact]
    public void Map_UnknownMsgType_MapsToUnknownWithFields()
    {
        var inbound = Map("<MsgType><![CDATA[miniprogrampage]]></MsgType><Title><![CDATA[t]]></Title><MsgId>18</MsgId>");

        Assert.Equal(InboundKind.Unknown, inbound.Message.Kind);
        Assert.Equal("miniprogrampage", inbound.MsgType);
        Assert.Equal("t", inbound.Fields["Title"]);
    }

    [Fact]
    public void Map_MissingFromUserName_ThrowsWeChatFormatException()
    {
        var root = SafeXml.Parse("<xml><ToUserName>gh</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId></xml>");

        Assert.Throws<WeChatFormatException>(() => WeChatMessageMapper.Map(root, AppId, ReceivedAt));
    }

    [Fact]
    public void Map_BlankFromUserName_ThrowsWeChatFormatException()
    {
        var root = SafeXml.Parse("<xml><FromUserName><![CDATA[  ]]></FromUserName><MsgType>text</MsgType><MsgId>1</MsgId></xml>");

        Assert.Throws<WeChatFormatException>(() => WeChatMessageMapper.Map(root, AppId, ReceivedAt));
    }

    [Fact]
    public void Map_BadCreateTime_ThrowsWeChatFormatException()
    {
        var root = SafeXml.Parse("<xml><FromUserName>o</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId></xml>");

        Assert.Throws<WeChatFormatException>(() => WeChatMessageMapper.Map(root, AppId, ReceivedAt));
    }

    [Fact]
    public void Map_EventWithoutCreateTimeOrMsgId_ThrowsWeChatFormatException()
    {
        var root = SafeXml.Parse("<xml><FromUserName>o</FromUserName><MsgType>event</MsgType><Event>subscribe</Event></xml>");

        Assert.Throws<WeChatFormatException>(() => WeChatMessageMapper.Map(root, AppId, ReceivedAt));
    }

    [Fact]
    public void Fields_SafeModeEnvelope_ReturnsTrimmedTopLevelValues()
    {
        var root = SafeXml.Parse("<xml><ToUserName><![CDATA[ gh_97417a04a28d ]]></ToUserName>\n<Encrypt><![CDATA[abc==]]></Encrypt><AgentID>218</AgentID></xml>");

        var fields = WeChatMessageMapper.Fields(root);

        Assert.Equal("gh_97417a04a28d", fields["ToUserName"]);
        Assert.Equal("abc==", fields["Encrypt"]);
        Assert.Equal(3, fields.Count);
    }
}
