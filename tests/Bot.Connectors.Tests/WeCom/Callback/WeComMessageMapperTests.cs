using Bot.Connectors.WeChat;
using Bot.Connectors.WeCom;
using Bot.Connectors.WeCom.Callback;
using Bot.Skills.Engine;

namespace Bot.Connectors.Tests.WeCom.Callback;

public sealed class WeComMessageMapperTests
{
    private const string CorpId = "wx5823bf96d3bd56c7";
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_V8DecryptedJson_MapsNumbersAndText()
    {
        const string json = """{"ToUserName":"wx5823bf96d3bd56c7","FromUserName":"mycreate","CreateTime": 1409659813,"MsgType":"text","Content":"hello","MsgId":4561255354251345929,"AgentID": 218}""";

        var inbound = WeComMessageMapper.Parse(json, WeComPayloadFormat.Json, CorpId, Now);

        Assert.Equal("mycreate", inbound.FromUserName);
        Assert.Equal("4561255354251345929", inbound.MsgId);
        Assert.Equal("218", inbound.AgentId);
        Assert.Equal(1409659813, inbound.CreateTime);
        Assert.Equal(Channels.WeCom, inbound.Message.Channel);
    }

    [Fact]
    public void Parse_EnterAgentEventWithoutMsgId_KeysByCreateTimeAndEvent()
    {
        const string xml = "<xml><ToUserName>c</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1700000000</CreateTime><MsgType>event</MsgType><Event>enter_agent</Event><EventKey></EventKey><AgentID>1</AgentID></xml>";

        var inbound = WeComMessageMapper.Parse(xml, WeComPayloadFormat.Xml, CorpId, Now);

        Assert.Equal(InboundKind.Event, inbound.Message.Kind);
        Assert.Equal("enter_agent", inbound.Event);
        Assert.Null(inbound.EventKey);
        Assert.Equal($"{CorpId}:1:zhangsan:1700000000:enter_agent", inbound.Message.MessageKey);
    }

    [Theory]
    [InlineData("<xml><ToUserName>x</ToUserName><AgentID>1</AgentID><Encrypt><![CDATA[abc+/=]]></Encrypt></xml>", WeComPayloadFormat.Xml)]
    [InlineData("""  {"tousername":"x","encrypt":"abc+/=","agentid":1}""", WeComPayloadFormat.Json)]
    public void EnvelopeParse_XmlOrJson_ChosenByFirstCharacter(string body, WeComPayloadFormat expected)
    {
        var envelope = WeComEnvelope.Parse(body);

        Assert.Equal(expected, envelope.Format);
        Assert.Equal("abc+/=", envelope.Encrypt);
        Assert.Equal("1", envelope.AgentId);
    }

    [Fact]
    public void EnvelopeParse_NeitherFormat_Throws()
    {
        Assert.Throws<WeChatFormatException>(() => WeComEnvelope.Parse("encrypt=abc"));
    }
}
