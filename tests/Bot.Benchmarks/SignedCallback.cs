namespace Bot.Benchmarks;

/// <summary>One safe-mode callback, signed and encrypted in advance: the relative URL and the UTF-8 body.</summary>
public sealed record SignedCallback(string PathAndQuery, byte[] Body);
