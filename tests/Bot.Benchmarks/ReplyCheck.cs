using System.Net;
using System.Text;
using System.Xml.Linq;
using Bot.Connectors.WeChat.Crypto;

namespace Bot.Benchmarks;

/// <summary>Classifies answers cheaply during the load, and opens one fully before it.</summary>
public static class ReplyCheck
{
    private static readonly byte[] EncryptTag = "<Encrypt>"u8.ToArray();
    private static readonly byte[] Success = "success"u8.ToArray();

    /// <summary>The bare endpoint's constant answer.</summary>
    public static Outcome Bare(HttpStatusCode status, byte[] body) =>
        status == HttpStatusCode.OK && body.AsSpan().SequenceEqual(Success) ? Outcome.Expected : Outcome.Error;

    /// <summary>
    /// The bot: an encrypted passive reply is expected. A "success" is counted apart because it is the bot's
    /// legitimate answer when the reply budget ran out, not a failure of the benchmark.
    /// </summary>
    public static Outcome Full(HttpStatusCode status, byte[] body)
    {
        if (status != HttpStatusCode.OK)
        {
            return Outcome.Error;
        }

        if (body.AsSpan().IndexOf(EncryptTag) >= 0)
        {
            return Outcome.Expected;
        }

        return body.AsSpan().SequenceEqual(Success) ? Outcome.DeferredSuccess : Outcome.Error;
    }

    /// <summary>Verifies the reply's MsgSignature, decrypts it and returns the reply's Content.</summary>
    /// <exception cref="BenchmarkFailedException">The reply is not a correctly signed, encrypted text reply.</exception>
    public static string OpenFullReply(byte[] body)
    {
        try
        {
            var envelope = XElement.Parse(Encoding.UTF8.GetString(body));
            var encrypt = Field(envelope, "Encrypt");
            var signature = WeChatSignature.Compute(CallbackFactory.Token, Field(envelope, "TimeStamp"), Field(envelope, "Nonce"), encrypt);
            if (signature != Field(envelope, "MsgSignature"))
            {
                throw new BenchmarkFailedException("The reply's MsgSignature does not verify.");
            }

            var decrypted = new WeChatMessageCrypto(CallbackFactory.AesKey).Decrypt(encrypt);
            return Field(XElement.Parse(decrypted.Message), "Content");
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or WeChatCryptoException)
        {
            throw new BenchmarkFailedException($"The bot's answer is not an encrypted text reply: {Encoding.UTF8.GetString(body)}", ex);
        }
    }

    private static string Field(XElement element, string name) =>
        element.Element(name)?.Value ?? throw new BenchmarkFailedException($"The reply has no {name}: {element}");
}
