using System.Text;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Greeting;

/// <summary>Tells residents how to reach the community office.</summary>
public sealed class CommunityInfoSkill(IOptions<CommunityOptions> options) : ISkill
{
    public string Intent => Intents.CommunityInfo;

    public string? MenuTitle => "社区信息与联系方式";

    public int MenuOrder => 90;

    public Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var community = options.Value;
        var text = new StringBuilder($"【{community.Name}】");
        if (!string.IsNullOrWhiteSpace(community.Address))
        {
            text.Append("\n地址：").Append(community.Address);
        }

        if (!string.IsNullOrWhiteSpace(community.Phone))
        {
            text.Append("\n电话：").Append(community.Phone);
        }

        text.Append("\n办公时间：").Append(community.OfficeHours);
        text.Append("\n紧急情况请直接拨打：火警119，急救120，报警110。");
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.FromText(text.ToString())]);
    }
}
