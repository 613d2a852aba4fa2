using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Greeting;

/// <summary>Welcomes the resident and shows the numbered menu of what the bot does.</summary>
public sealed class GreetingSkill(IServiceProvider services, IOptions<CommunityOptions> options) : ISkill
{
    // The menu lists every skill, this one included, so it is resolved lazily to avoid a cycle.
    private SkillMenu Menu => (SkillMenu)services.GetService(typeof(SkillMenu))!;

    public string Intent => Intents.Greeting;

    public string? MenuTitle => null;

    public int MenuOrder => 0;

    public Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        context.State.EndDialogue();
        var community = options.Value;
        var welcome = context.Message.EventName?.Equals("subscribe", StringComparison.OrdinalIgnoreCase) == true
            ? $"欢迎关注{community.Name}！我是{community.BotName}，有事随时找我。"
            : $"您好！我是{community.Name}的{community.BotName}。";
        var text = $"{welcome}\n我可以帮您：\n{Menu.Render()}\n\n请回复数字选择，随时回复“菜单”回到这里。";
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.FromText(text)]);
    }
}
