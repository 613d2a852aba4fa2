using System.Xml;
using System.Xml.Linq;

namespace Bot.Connectors.WeChat.Xml;

/// <summary>
/// Parses XML that arrives from the network. DTDs are refused outright, which rules out external
/// entities (XXE) and entity expansion (billion laughs); WeChat never sends a DOCTYPE.
/// </summary>
public static class SafeXml
{
    /// <summary>Upper bound on document size; real callbacks are a few kilobytes.</summary>
    public const int MaxCharacters = 1_000_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        CloseInput = true,
    };

    /// <summary>Parses <paramref name="xml"/> and returns its root element.</summary>
    /// <exception cref="WeChatFormatException">The input is empty, not well-formed, too large or has a DTD.</exception>
    public static XElement Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            throw new WeChatFormatException("XML body is empty.");
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return XElement.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new WeChatFormatException("XML body is malformed: " + ex.Message, ex);
        }
    }
}
