using System.Globalization;
using System.Text;
using Bot.Skills.Engine;

namespace Bot.Skills.Mediation;

/// <summary>居民议事厅: the coming sessions with seats left, and taking a seat by its number.</summary>
public sealed class CouncilDialogue(IBookingStore store, IVenueCatalog catalog, TimeProvider clock)
{
    internal async Task<string> ListAsync(MediationDraft draft, CancellationToken cancellationToken)
    {
        var sessions = (await store.ListCouncilSessionsAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            .Where(s => s.SeatsLeft > 0).Take(5).ToList();
        if (sessions.Count == 0)
        {
            draft.Step = null;
            return "近期暂无可报名的议事会。您关心的公共事务（如加装电梯、停车、物业费）可以直接告诉我，我们会转给社区列入议题。";
        }

        draft.Sessions = sessions.Select(s => s.Id).ToList();
        draft.Step = "council";
        var text = new StringBuilder("近期居民议事会：");
        for (var i = 0; i < sessions.Count; i++)
        {
            var venue = await catalog.GetVenueAsync(sessions[i].VenueId, cancellationToken).ConfigureAwait(false);
            text.Append(CultureInfo.InvariantCulture,
                $"\n{i + 1}. {BookingNotices.When(sessions[i].Start, sessions[i].End)} {venue?.Name}｜议题：{sessions[i].Topic}｜余{sessions[i].SeatsLeft}席");
        }

        return text.Append("\n回复序号报名参加。").ToString();
    }

    internal async Task<string> JoinAsync(TurnContext context, MediationDraft draft, string text, CancellationToken cancellationToken)
    {
        var sessions = draft.Sessions;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pick) || pick < 1 || pick > sessions.Count)
        {
            return $"请回复 1–{sessions.Count} 中的序号报名，或回复“算了”退出。";
        }

        var result = await store.JoinCouncilAsync(sessions[pick - 1], context.Message.Resident, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case SeatResult.Joined:
            case SeatResult.AlreadyJoined:
                context.State.EndDialogue();
                var session = (await store.ListCouncilSeatsAsync(context.Message.Resident, cancellationToken).ConfigureAwait(false)).First(s => s.Id == sessions[pick - 1]);
                return (result == SeatResult.Joined ? "报名成功！" : "您已报名过这场议事会。") +
                       $"\n时间：{BookingNotices.When(session.Start, session.End)}\n议题：{session.Topic}\n请准时参加，回复“我的预约”可查看。";
            default:
                return "抱歉，这场议事会刚刚满员或已取消。" + await ListAsync(draft, cancellationToken).ConfigureAwait(false);
        }
    }
}
