using Bot.Skills.Greeting;
using Bot.Skills.Groups;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Tests.Groups;

/// <summary>
/// Property-style: personal data generated from seeded random parts and written in many carriers is always found;
/// public answers, dates, times and the community's own phone never are.
/// </summary>
public sealed class GroupReplyGuardTests
{
    private const int Cases = 400;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] Given = ["伟", "芳", "秀英", "敏", "静", "强", "磊", "洋", "建国", "小红", "桂兰", "志明"];
    private static readonly string[] Carriers =
        ["{0}", "请联系{0}", "{0}，谢谢", "活动报名：{0}。", "关于路灯：{0}已处理", "夜市 {0} 见", "（{0}）", "\n· {0}"];

    private readonly GroupReplyGuard _guard = new(Options.Create(new CommunityOptions { Phone = "0571-88886666" }));

    [Fact]
    public void Findings_RandomMobileNumbersWithAnySeparators_AlwaysFound() =>
        ForAll(7, random =>
        {
            var digits = "1" + random.Next(3, 10) + string.Concat(Enumerable.Range(0, 9).Select(_ => random.Next(10)));
            var separator = random.Next(4) switch { 0 => "", 1 => " ", 2 => "-", _ => "－" };
            var written = random.Next(2) == 0 ? digits : $"{digits[..3]}{separator}{digits[3..7]}{separator}{digits[7..]}";
            if (random.Next(3) == 0)
            {
                written = string.Concat(written.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c));
            }

            return written;
        }, "号码");

    [Fact]
    public void Findings_RandomIdNumbers_AlwaysFound() =>
        ForAll(11, random => string.Concat(Enumerable.Range(0, 17).Select(_ => random.Next(10))) + (random.Next(2) == 0 ? "X" : "7"), "号码");

    [Fact]
    public void Findings_RandomRoomNumbers_AlwaysFound() =>
        ForAll(13, random =>
        {
            var (building, room) = (random.Next(1, 40), random.Next(1, 33) * 100 + random.Next(1, 9));
            return random.Next(5) switch
            {
                0 => $"{building}-{room}",
                1 => $"{room}室",
                2 => $"{building}栋{room}",
                3 => $"{building}号楼{random.Next(1, 6)}单元{room}",
                _ => $"{building}幢 {room}",
            };
        }, "门牌号");

    [Fact]
    public void Findings_RandomNamesOfResidents_AlwaysFound() =>
        ForAll(17, random =>
        {
            var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            return random.Next(5) switch
            {
                0 => $"我叫{name}",
                1 => $"联系人：{name}",
                2 => $"{name[..1]}{(random.Next(2) == 0 ? "先生" : "阿姨")}",
                3 => $"业主{name}",
                _ => $"居民{name}",
            };
        }, "姓名");

    [Fact]
    public void Findings_RandomTicketAndBookingNumbers_AlwaysFound() =>
        ForAll(19, random => random.Next(2) == 0 ? $"2026-{random.Next(1, 999999):D6}" : $"B2026-{random.Next(1, 99999):D5}", "工单或预约号");

    [Theory]
    [InlineData("幸福社区办公时间：周一至周五 8:30-12:00，14:00-17:30；电话：0571-88886666。")]
    [InlineData("睦邻茶室（党群服务中心一楼）开放时间：每天 09:00-12:00；每天 14:00-20:00")]
    [InlineData("幸福里小区公开事项进度：\n· 3栋门口路灯维修：处置中（11月25日更新）")]
    [InlineData("本周六 2026-12-26 19:00 夜市取消，紧急情况请拨打110/119/120、12345。")]
    [InlineData("业主委员会换届选举将于下周举行")]
    [InlineData("涉及个人信息的事项请不要在群里发。请私聊我，或在公众号“幸福社区”里详细说明，我们会登记处理。")]
    public void Findings_PublicAnswers_NothingFound(string text) => Assert.Empty(_guard.Findings(text));

    [Fact]
    public void IsSafe_AskersOwnIdInTheReply_Refused() =>
        Assert.False(_guard.IsSafe("好的 ZhangSan 已收到", ["ZhangSan"]));

    private void ForAll(int seed, Func<Random, string> personal, string kind)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var value = personal(random);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Carriers[random.Next(Carriers.Length)], value);
            Assert.True(_guard.Findings(text).Contains(kind), $"case {i}: \"{text}\" not recognised as {kind}");
        }
    }
}
