using Bot.Connectors.WeChat.Crypto;

namespace Bot.Connectors.Tests.WeChat.Crypto;

/// <summary>The published vectors in shared/wechat/test-vectors.md, reproduced exactly.</summary>
public sealed class WeChatMessageCryptoVectorTests
{
    private const string WeComToken = "QDG6eK";
    private const string WeComKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string WeComCorpId = "wx5823bf96d3bd56c7";

    private const string V2Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string V2AppId = "wxb11529c136998cb6";

    private const string DocToken = "AAAAA";
    private static readonly string DocKey = new('A', 43);

    [Fact]
    public void Decrypt_V1Echostr_ReturnsExactEchoAndCorpId()
    {
        const string echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

        Assert.True(WeChatSignature.Matches("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", WeComToken, "1409659589", "263014780", echostr));
        var result = new WeChatMessageCrypto(WeComKey).Decrypt(echostr);

        Assert.Equal(new DecryptedMessage("1616140317555161061", WeComCorpId), result);
    }

    [Fact]
    public void Decrypt_V1Post_ReturnsExactXmlWithLineFeeds()
    {
        const string encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        const string expected = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

        Assert.Equal("477715d11cdb4164915debcba66cb864d751f3e6", WeChatSignature.Compute(WeComToken, "1409659813", "1372623149", encrypt));
        var result = new WeChatMessageCrypto(WeComKey).Decrypt(encrypt);

        Assert.Equal(expected, result.Message);
        Assert.Equal(WeComCorpId, result.ReceiveId);
    }

    [Fact]
    public void Encrypt_V1PostWithItsRandom_ReproducesCiphertextWithPad30()
    {
        // V1's FullStr pads with 30 bytes, more than a 16-byte block: the case .NET's PKCS7 mode rejects.
        var crypto = new WeChatMessageCrypto(WeComKey, new FixedRandomSource("0960688932c47ef1"));
        const string encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

        var plain = crypto.Decrypt(encrypt);

        Assert.Equal(encrypt, crypto.Encrypt(plain.Message, plain.ReceiveId));
    }

    [Theory]
    [InlineData("我是中文abcd123", "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==")]
    [InlineData(
        "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>",
        "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb")]
    public void Encrypt_V2FixedRandom_ReproducesOfficialCiphertextAndRoundTrips(string message, string expected)
    {
        var crypto = new WeChatMessageCrypto(V2Key, new FixedRandomSource("aaaabbbbccccdddd"));

        var encrypted = crypto.Encrypt(message, V2AppId);

        Assert.Equal(expected, encrypted);
        Assert.Equal(new DecryptedMessage(message, V2AppId), crypto.Decrypt(encrypted));
    }

    [Fact]
    public void EncryptDecrypt_V2SignedRoundTrip_SignatureVerifies()
    {
        var crypto = new WeChatMessageCrypto(V2Key);
        var encrypted = crypto.Encrypt("我是中文abcd123", V2AppId);
        var signature = WeChatSignature.Compute("pamtest", "1409304348", "xxxxxx", encrypted);

        Assert.True(WeChatSignature.Matches(signature, "pamtest", "1409304348", "xxxxxx", encrypted));
        Assert.Equal("我是中文abcd123", crypto.Decrypt(encrypted).Message);
    }

    [Fact]
    public void Decrypt_V4SafePost_VerifiesAndReturnsJson()
    {
        const string encrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";

        Assert.Equal("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", WeChatSignature.Compute(DocToken, "1714112445", "415670741", encrypt));
        var result = new WeChatMessageCrypto(DocKey).Decrypt(encrypt);

        Assert.Equal(
            """{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}""",
            result.Message);
        Assert.Equal("wxba5fad812f8e6fb9", result.ReceiveId);
    }

    [Fact]
    public void Encrypt_V4Reply_ReproducesEncryptAndMsgSignature()
    {
        var crypto = new WeChatMessageCrypto(DocKey, new FixedRandomSource("707722b803182950"));

        var encrypted = crypto.Encrypt("""{"demo_resp":"good luck"}""", "wxba5fad812f8e6fb9");

        Assert.Equal("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==", encrypted);
        Assert.Equal("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1", WeChatSignature.Compute(DocToken, "1713424427", "415670741", encrypted));
    }

    [Fact]
    public void Decrypt_V5ThirdPartyXml_VerifiesAndReturnsXml()
    {
        const string encrypt = "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";

        Assert.Equal("6c12a4205838198b8fa631b3220723bb07f1015c", WeChatSignature.Compute(DocToken, "1715943329", "1590219412", encrypt));
        Assert.Equal("cc0c594499c1634947d5b502f158ee518947db27", WeChatSignature.Compute(DocToken, "1715943329", "1590219412"));
        var result = new WeChatMessageCrypto(DocKey).Decrypt(encrypt);

        Assert.Equal(
            "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>\n<CreateTime>1715943329</CreateTime>\n<MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[debug_demo]]></Event>\n<debug_str><![CDATA[hello world]]></debug_str>\n</xml>",
            result.Message);
        Assert.Equal("wx134c8103faa5a59e", result.ReceiveId);
    }

    [Fact]
    public void Encrypt_V5Reply_ReproducesEncryptAndMsgSignature()
    {
        var crypto = new WeChatMessageCrypto(DocKey, new FixedRandomSource("999951349e8ee746"));

        var encrypted = crypto.Encrypt("<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>", "wx134c8103faa5a59e");

        Assert.Equal("hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7", encrypted);
        Assert.Equal("03e0812039325c2712ef5f0f980fd14c70d6e307", WeChatSignature.Compute(DocToken, "1713424427", "415670741", encrypted));
    }

    [Fact]
    public void Decrypt_V8WeComJson_VerifiesAndReturnsJson()
    {
        const string encrypt = "CZWs4CWRpI4VolQlvn4dlEC1alN2MUEY2VklGehgBVLBrlVF7SyT+SV+Toj43l4ayJ9UMGKphktKKmP7B2j/P1ey67XB8PBgS7Wr5/8+w/yWriZv3Vmoo/MH3/1HsIWZrPQ3N2mJrelStIfI2Y8kLKXA7EhfZgZX4o+ffdkZDM76SEl79Ib9mw7TGjZ9Aw/x/A2VjNbV1E8BtEbRxYYcQippYNw7hr8sFfa3nW1xLdxokt8QkRX83vK3DFP2F6TQFPL2Tu98UwhcUpPvdJBuu1/yiOQIScppV3eOuLWEsko=";

        Assert.True(WeChatSignature.Matches("0623cbc5a8cbee5bcc137c70de99575366fc2af3", WeComToken, "1409659813", "1372623149", encrypt));
        var result = new WeChatMessageCrypto(WeComKey).Decrypt(encrypt);

        Assert.Equal(
            """{"ToUserName":"wx5823bf96d3bd56c7","FromUserName":"mycreate","CreateTime": 1409659813,"MsgType":"text","Content":"hello","MsgId":4561255354251345929,"AgentID": 218}""",
            result.Message);
        Assert.Equal(WeComCorpId, result.ReceiveId);
    }
}
