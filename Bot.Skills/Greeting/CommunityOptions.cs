using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Greeting;

/// <summary>Who the community is and how residents reach its office.</summary>
public sealed class CommunityOptions
{
    public const string SectionName = "Community";

    [Required]
    public string Name { get; set; } = "幸福社区";

    public string BotName { get; set; } = "睦邻助手";

    public string Phone { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string OfficeHours { get; set; } = "周一至周五 8:30-12:00，14:00-17:30";
}
