using Bot.Skills.Engine;

namespace Bot.Skills.Complaints;

public sealed partial class ComplaintSkill
{
    /// <summary>
    /// One message, several unrelated problems (as the language model split it, at most three): each is filed as its
    /// own ticket without questions — its place and time from its own words, else the message's — and all are
    /// confirmed in one reply. Null when any part names a present danger: the whole message then takes the red path.
    /// </summary>
    private async Task<IReadOnlyList<Reply>?> FileIssuesAsync(
        TurnContext context, ComplaintDraft whole, IReadOnlyList<string> issues, CancellationToken cancellationToken)
    {
        var assessed = new List<(string Issue, ComplaintAssessment Assessment)>();
        foreach (var issue in issues.Take(IntentSlots.MaxIssues))
        {
            var assessment = await classifier.AssessAsync(issue, cancellationToken).ConfigureAwait(false);
            if (assessment.Alert is not null)
            {
                return null;
            }

            assessed.Add((issue, assessment));
        }

        var confirmations = new List<string>();
        foreach (var (issue, assessment) in assessed)
        {
            var draft = new ComplaintDraft(new Dictionary<string, string>(StringComparer.Ordinal))
            {
                Text = issue,
                Place = DetailExtractor.Place(issue) ?? whole.Place,
                Since = DetailExtractor.Since(issue) ?? whole.Since,
            };
            foreach (var photo in whole.Photos)
            {
                draft.AddPhoto(photo);
            }

            var ticket = await filer.FileAsync(context.Message, draft, assessment, cancellationToken).ConfigureAwait(false);
            confirmations.Add(filer.Confirmation(ticket, assessment));
        }

        context.State.EndDialogue();
        return [Reply.FromText($"您一共反映了{confirmations.Count}件事，已分别登记：\n\n" + string.Join("\n\n", confirmations))];
    }
}
