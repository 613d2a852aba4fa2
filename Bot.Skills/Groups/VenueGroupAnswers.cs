using System.Text;
using Bot.Skills.Mediation;

namespace Bot.Skills.Groups;

/// <summary>Where the community's rooms are and when they open. Booking one is personal: that goes private.</summary>
public sealed class VenueGroupAnswers(IVenueCatalog catalog) : IGroupAnswerSource
{
    private static readonly string[] Words = ["场地", "开放时间", "几点开", "开门", "开放", "活动室", "茶室", "议事厅"];

    public int Order => 300;

    public async ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var venues = (await catalog.ListVenuesAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.Active).ToList();
        var named = venues.Where(v => question.Text.Contains(v.Name, StringComparison.Ordinal)
                                      || (v.Name.Length > 2 && question.Text.Contains(v.Name[^2..], StringComparison.Ordinal))).ToList();
        if (named.Count == 0 && !Words.Any(w => question.Text.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        var shown = named.Count > 0 ? named : venues;
        if (shown.Count == 0)
        {
            return "社区暂未登记可开放的场地，具体请咨询社区办公室。";
        }

        var text = new StringBuilder();
        foreach (var venue in shown.Take(4))
        {
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append(venue.Name);
            if (!string.IsNullOrWhiteSpace(venue.Address))
            {
                text.Append("（").Append(venue.Address).Append('）');
            }

            text.Append("开放时间：").Append(venue.OpeningHours.Text);
        }

        return text.Append("\n预约请私聊我。").ToString();
    }
}
