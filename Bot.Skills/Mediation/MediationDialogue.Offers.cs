using System.Globalization;
using System.Text;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Scheduling;

namespace Bot.Skills.Mediation;

/// <summary>Listing free sessions, and the helpers the steps share.</summary>
public sealed partial class MediationDialogue
{
    private async Task<string> OfferAsync(MediationDraft draft, TimeSlot? within, string? lead, CancellationToken cancellationToken)
    {
        var free = await slots.NextAsync(MediationTopics.Specialty(draft.Topic), options.Value.OfferCount, within, cancellationToken).ConfigureAwait(false);
        if (free.Count == 0 && within is not null)
        {
            free = await slots.NextAsync(MediationTopics.Specialty(draft.Topic), options.Value.OfferCount, null, cancellationToken).ConfigureAwait(false);
            lead = (lead ?? string.Empty) + "那段时间没有空档。";
        }

        if (free.Count == 0)
        {
            return (lead ?? string.Empty) + $"近{options.Value.HorizonDays}天暂无可约的调解时段，请稍后再试，或联系社区工作人员安排。";
        }

        draft.Offers = free.Select(c => (c.Venue.Id, c.Mediator.Id, c.Slot.Start.ToUnixTimeMilliseconds())).ToList();
        draft.Step = "time";
        var text = new StringBuilder(lead is null ? "可以预约的时段：" : $"{lead}可以预约的时段：");
        for (var i = 0; i < free.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {BookingNotices.When(free[i].Slot.Start, free[i].Slot.End)} {free[i].Venue.Name}（调解员{free[i].Mediator.Name}）");
        }

        return text.Append("\n请回复序号，或直接说您方便的时间（如“下周三上午”）。").ToString();
    }

    /// <summary>The resident's latest open dispute in the ledger, so the session's outcome lands on it.</summary>
    private async Task<string?> RelatedTicketAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var tickets = await ledger.ListForResidentAsync(resident, 5, cancellationToken).ConfigureAwait(false);
        return tickets.FirstOrDefault(t => t.State.IsOpen() && t.Category is ComplaintCategories.NeighbourDispute or ComplaintCategories.Property or ComplaintCategories.Noise
            && clock.GetUtcNow() - t.CreatedAt < TimeSpan.FromDays(30))?.Number;
    }

    private static TimeSlot DayOf(DateTimeOffset at)
    {
        var local = at.ToOffset(TimeSpan.FromHours(8));
        var start = new DateTimeOffset(local.Date, local.Offset);
        return new TimeSlot(start, start.AddDays(1));
    }

    private static string Normalise(string text) => string.Concat(text.Trim().Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c));
}
