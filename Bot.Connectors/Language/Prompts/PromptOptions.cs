using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.Language.Prompts;

public sealed class PromptOptions
{
    public const string SectionName = "Prompts";

    /// <summary>The folder of prompt files (<c>skill/name.yaml</c>); a relative path is read from the content root.</summary>
    [Required]
    public string Folder { get; set; } = "prompts";
}
