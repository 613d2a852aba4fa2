namespace Bot.Connectors.Classification;

/// <summary>One training or evaluation example: an id (used for splits), the text and its label.</summary>
public sealed record LabelledText(string Id, string Text, string Label);
