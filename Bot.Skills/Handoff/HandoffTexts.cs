using System.Globalization;
using System.Text;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Privacy;

namespace Bot.Skills.Handoff;

/// <summary>What residents and staff read about a hand-off. Everything sent to WeCom has the resident's data masked.</summary>
public static class HandoffTexts
{
    public const string Ended = "本次人工服务已结束，如有需要随时发消息给我。";
    public const string TimedOut = "本次人工服务因长时间没有新消息已结束，如有需要随时发消息给我。";
    public const string TimedOutBeforeTurn = "本次人工服务已超时结束，下面由我继续为您服务。";
    public const string AskBuilding = "请问您住在哪个小区、几栋？（例如：幸福里小区3栋）";

    private const int SummaryTurns = 6;
    private const int SummaryChars = 40;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Title(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Role switch
        {
            GridRole.GridLeader => "网格长",
            GridRole.CommunityGrid => "社区网格员",
            _ => "网格员",
        };
    }

    public static string Connected(Person person) =>
        $"已为您转接{Title(person)}{person.Name}，请直接说明情况，您在这里发的消息会转给{Title(person)}。";

    public static string AlreadyConnected(string workerName) => $"您正在与网格员{workerName}对话，请直接说明情况。";

    public static string NextShift(DateTimeOffset next, DateTimeOffset now, string emergency) =>
        $"现在不是网格员值班时间，网格员将于{When(next, now)}后联系您。如遇紧急情况请立即拨打{emergency}。";

    public static string NobodyAtAll(string emergency) =>
        $"抱歉，暂时没有可以转接的网格员，请稍后再试，或拨打社区电话。如遇紧急情况请立即拨打{emergency}。";

    /// <summary>"今天 17:00", "明天 08:30", "后天 08:30", else "12月1日 08:30" (China time).</summary>
    public static string When(DateTimeOffset at, DateTimeOffset now)
    {
        var (local, today) = (at.ToOffset(China), now.ToOffset(China).Date);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (local.Date - today).Days switch
        {
            0 => $"今天 {time}",
            1 => $"明天 {time}",
            2 => $"后天 {time}",
            _ => $"{local.Month}月{local.Day}日 {time}",
        };
    }

    /// <summary>The last few turns, shortened and masked, oldest first.</summary>
    public static string Summary(IReadOnlyList<TurnRecord> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            return "（无）";
        }

        var text = new StringBuilder();
        foreach (var turn in turns.TakeLast(SummaryTurns))
        {
            var line = PersonalDataMasker.MaskText(turn.Text.ReplaceLineEndings(" "));
            line = line.Length > SummaryChars ? line[..SummaryChars] + "…" : line;
            text.Append('\n').Append(turn.Who == "resident" ? "居民：" : "助手：").Append(line);
        }

        return text.ToString();
    }

    public static StaffCard SessionCard(ResidentKey resident, string place, IReadOnlyList<string> tickets, string summary, int timeoutMinutes) => new(
        tickets.FirstOrDefault() ?? string.Empty,
        $"【人工服务】居民{Who(resident)}请求与您对话",
        $"楼栋：{place}\n进行中的工单：{Tickets(tickets)}\n最近对话：{summary}\n{Instructions(timeoutMinutes)}");

    public static StaffCard TicketSessionCard(Ticket ticket, int timeoutMinutes)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new StaffCard(
            ticket.Number,
            $"【人工服务】红色工单 {ticket.Number} 的居民{Who(ticket.Resident)}已接入对话",
            $"地点：{ticket.Place ?? "待居民补充"}\n内容：{PersonalDataMasker.MaskText(ticket.Text)}\n{Instructions(timeoutMinutes)}");
    }

    public static StaffCard NextShiftCard(ResidentKey resident, string place, IReadOnlyList<string> tickets, string summary) => new(
        tickets.FirstOrDefault() ?? string.Empty,
        $"【人工服务请求】居民{Who(resident)}在非值班时间请求人工服务",
        $"楼栋：{place}\n进行中的工单：{Tickets(tickets)}\n最近对话：{summary}\n已告知居民网格员上班后联系，请上班后尽快联系。");

    public static StaffCard Relay(HandoffSession session, string body)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new StaffCard(session.TicketNumber ?? string.Empty, $"【居民{Who(session.Resident)}】", body);
    }

    public static StaffCard SessionEnded(HandoffSession session, int timeoutMinutes)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new StaffCard(session.TicketNumber ?? string.Empty, "【人工服务结束】", $"与居民{Who(session.Resident)}的对话已{timeoutMinutes}分钟无消息，自动结束，由睦邻助手继续接待。");
    }

    /// <summary>A resident's message as the worker reads it: text masked, other kinds described.</summary>
    public static string Body(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind switch
        {
            InboundKind.Location when message.Location is { } l =>
                $"[位置] {PersonalDataMasker.MaskText(l.Label)}（{l.Latitude.ToString("F5", CultureInfo.InvariantCulture)},{l.Longitude.ToString("F5", CultureInfo.InvariantCulture)}）".Trim(),
            InboundKind.Image => "[图片] 居民发来一张照片（请在后台查看）",
            InboundKind.Voice when !string.IsNullOrWhiteSpace(message.Text) => $"[语音转文字] {PersonalDataMasker.MaskText(message.Text)}",
            InboundKind.Voice => "[语音] 居民发来一段语音（未能识别文字）",
            InboundKind.Video => "[视频] 居民发来一段视频（请在后台查看）",
            InboundKind.Link => $"[链接] {message.Url}",
            _ => PersonalDataMasker.MaskText(message.Text),
        };
    }

    public static string Who(ResidentKey resident) => PersonalDataMasker.MaskId(resident.UserId);

    private static string Tickets(IReadOnlyList<string> tickets) => tickets.Count == 0 ? "无" : string.Join("、", tickets);

    private static string Instructions(int timeoutMinutes) =>
        $"请直接回复文字，内容会转给居民；回复“结束”结束对话（{timeoutMinutes}分钟无消息自动结束）。工单指令照常可用。";
}
