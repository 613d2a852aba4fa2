namespace Bot.Connectors.WeChat.Crypto;

/// <summary>A decrypted callback payload and the app/corp id it was encrypted for.</summary>
/// <param name="Message">The XML or JSON message (or the echostr on URL verification).</param>
/// <param name="ReceiveId">AppId, CorpId or third-party AppId; the caller checks it matches its own.</param>
public sealed record DecryptedMessage(string Message, string ReceiveId);
