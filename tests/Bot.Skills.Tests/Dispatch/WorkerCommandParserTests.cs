using Bot.Skills.Dispatch;

namespace Bot.Skills.Tests.Dispatch;

public sealed class WorkerCommandParserTests
{
    [Theory]
    [InlineData("接单 2026-000123", WorkerAction.Accept, "2026-000123", "")]
    [InlineData("接单2026-000123", WorkerAction.Accept, "2026-000123", "")]
    [InlineData("接单 123", WorkerAction.Accept, "2026-000123", "")]
    [InlineData("回复 2026-000123 明天上午九点上门查看", WorkerAction.Reply, "2026-000123", "明天上午九点上门查看")]
    [InlineData("回复：2026-000123，已联系物业", WorkerAction.Reply, "2026-000123", "已联系物业")]
    [InlineData("办结 45 已协调改为白天施工", WorkerAction.Resolve, "2026-000045", "已协调改为白天施工")]
    [InlineData("退回 2026-000007 不属于本网格", WorkerAction.Return, "2026-000007", "不属于本网格")]
    [InlineData("升级 2026-000007", WorkerAction.Escalate, "2026-000007", "")]
    [InlineData("结束", WorkerAction.EndSession, null, "")]
    public void Parse_ValidCommands(string text, WorkerAction action, string? number, string rest)
    {
        var (command, error) = WorkerCommandParser.Parse(text, 2026);

        Assert.Null(error);
        Assert.Equal(new WorkerCommand(action, number, rest), command);
    }

    [Theory]
    [InlineData("你好", "可用指令")]
    [InlineData("", "可用指令")]
    [InlineData("删除 2026-000001", "可用指令")]
    [InlineData("接单", "后面要跟工单号")]
    [InlineData("回复 2026-000123", "回复内容")]
    [InlineData("办结 2026-000123", "处理说明")]
    [InlineData("退回 2026-000123", "退回原因")]
    [InlineData("接单 1234567", "后面要跟工单号")]
    public void Parse_Malformed_ExplainsWhatIsMissing(string text, string expected)
    {
        var (command, error) = WorkerCommandParser.Parse(text, 2026);

        Assert.Null(command);
        Assert.Contains(expected, error!.Message);
    }
}
