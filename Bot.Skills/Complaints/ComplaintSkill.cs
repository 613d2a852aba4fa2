using Bot.Skills.Engine;
using Bot.Skills.Handoff;
using Bot.Skills.Knowledge;

namespace Bot.Skills.Complaints;

/// <summary>
/// 诉求受理: understands the complaint, asks at most two questions for what is missing (where, since when),
/// files the ticket and confirms with the colour's promise. Red never waits: safety advice and the ticket
/// come first, questions after.
/// </summary>
public sealed partial class ComplaintSkill(IComplaintClassifier classifier, ComplaintFiler filer, IGridAlerter alerter, IHandoffSessionStore sessions, ConsultationStep consultations) : ISkill
{
    public const string IntentCode = "complaint";

    private const int MaxQuestions = 2;

    public string Intent => IntentCode;

    public string? MenuTitle => "反映问题、投诉求助";

    public int MenuOrder => 10;

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var draft = new ComplaintDraft(context.State.Slots);
        var message = context.Message;
        if (context.State.ActiveSkill != Intent)
        {
            return await StartAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var replies = new List<string>();
        if (message.Location is { } location)
        {
            draft.Location = location;
            draft.Place ??= location.Label ?? $"位置({location.Latitude:F5},{location.Longitude:F5})";
        }
        else if (message.Kind == InboundKind.Image && message.MediaId is { } photo)
        {
            draft.AddPhoto(photo);
            replies.Add("收到照片，谢谢！");
        }
        else if (!string.IsNullOrWhiteSpace(message.Text))
        {
            var text = message.Text.Trim();
            if (await IsNewSubjectAsync(context, draft, text, cancellationToken).ConfigureAwait(false))
            {
                // Nothing said before is lost: the first matter is filed as it stands, then the new one starts.
                var first = await FinishAsync(context, draft, cancellationToken).ConfigureAwait(false);
                var second = await StartAsync(context, cancellationToken).ConfigureAwait(false);
                return [.. first, .. second];
            }

            Answer(draft, text);
        }
        else if (message.Kind == InboundKind.Image)
        {
            replies.Add("收到您的图片。");
        }

        return [.. replies.Select(Reply.FromText), .. await NextAsync(context, draft, cancellationToken).ConfigureAwait(false)];
    }

    private async Task<IReadOnlyList<Reply>> StartAsync(TurnContext context, CancellationToken cancellationToken)
    {
        context.State.EndDialogue();
        var draft = new ComplaintDraft(context.State.Slots);
        var text = context.Message.Text?.Trim() ?? string.Empty;
        draft.Text = text;
        draft.Place = DetailExtractor.Place(text);
        draft.Since = DetailExtractor.Since(text);

        // The offline extractor first; the language model's slots (checked to be the resident's own words) fill gaps.
        var slots = ModelIntentSource.SlotsOf(context);
        draft.Place ??= slots?.Place;
        draft.Since ??= slots?.Since;
        if (context.Message.MediaId is { } photo)
        {
            draft.AddPhoto(photo);
        }

        var assessment = await ComplaintIntentSource.AssessAsync(context, classifier, text, cancellationToken).ConfigureAwait(false);
        context.State.ActiveSkill = Intent;
        if (assessment.Alert is null && slots is { Issues.Count: >= 2 }
            && await FileIssuesAsync(context, draft, slots.Issues, cancellationToken).ConfigureAwait(false) is { } several)
        {
            return several;
        }

        if (assessment.Alert is { } alert)
        {
            var ticket = await filer.FileAsync(context.Message, draft, assessment, cancellationToken).ConfigureAwait(false);
            await alerter.AlertAsync(ticket, cancellationToken).ConfigureAwait(false);
            draft.FiledNumber = ticket.Number;
            var confirmation = filer.Confirmation(ticket, assessment);
            var live = await sessions.FindActiveByResidentAsync(context.Message.Resident, cancellationToken).ConfigureAwait(false);
            context.State.InHandoff |= live is not null;
            if (live is { TicketNumber: { } n } && n == ticket.Number)
            {
                confirmation += $"\n已为您接通网格员{live.WorkerName}，您在这里发的消息会直接转给网格员。";
            }

            List<Reply> replies = [Reply.FromText(ComplaintFiler.Alert(alert)), Reply.FromText(confirmation)];
            if (draft.Place is null)
            {
                draft.Asking = "place";
                draft.Questions = 1;
                replies.Add(Reply.FromText("为了尽快赶到，请告诉我们具体位置（小区、楼栋、门牌），或直接发送微信位置。"));
                return replies;
            }

            context.State.EndDialogue();
            return replies;
        }

        // Consultations are answered from the knowledge base first; unanswered ones are filed so staff answer.
        if (await consultations.TryAnswerAsync(text, assessment, cancellationToken).ConfigureAwait(false) is { } consultation)
        {
            if (consultation.Answered)
            {
                context.State.EndDialogue();
                return [Reply.FromText(consultation.Text)];
            }

            draft.Questions = MaxQuestions;
            return [Reply.FromText(consultation.Text), .. await NextAsync(context, draft, cancellationToken).ConfigureAwait(false)];
        }

        if (assessment.Colour == Colour.Green)
        {
            // Questions, suggestions and applications need no place or time: file them as they are.
            draft.Questions = MaxQuestions;
        }

        return await NextAsync(context, draft, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> NextAsync(TurnContext context, ComplaintDraft draft, CancellationToken cancellationToken)
    {
        var missing = draft.NextMissing();
        if (missing is not null && draft.Questions < MaxQuestions && draft.FiledNumber is null)
        {
            draft.Asking = missing;
            draft.Questions++;
            return [Reply.FromText(missing == "place"
                ? "请问具体在哪里？请告诉我小区、楼栋或门牌号，也可以直接发送微信位置。有照片的话也欢迎发来。"
                : "请问这个情况是从什么时候开始的？（比如：昨晚、三天前、每天晚上）")];
        }

        return await FinishAsync(context, draft, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> FinishAsync(TurnContext context, ComplaintDraft draft, CancellationToken cancellationToken)
    {
        // The draft lives in the slots: file it before the dialogue ends and the slots are cleared.
        if (draft.FiledNumber is { } filed)
        {
            await filer.AddDetailsAsync(filed, draft, cancellationToken).ConfigureAwait(false);
            context.State.EndDialogue();

            // Dispatching the red ticket once its place is known opens a session with the assignee.
            context.State.InHandoff = true;
            return [Reply.FromText($"已补充到工单 {filed}，网格员会按您提供的位置尽快处置。")];
        }

        var assessment = await ComplaintIntentSource.AssessAsync(context, classifier, draft.Text, cancellationToken).ConfigureAwait(false);
        var ticket = await filer.FileAsync(context.Message, draft, assessment, cancellationToken).ConfigureAwait(false);
        context.State.EndDialogue();
        return [Reply.FromText(filer.Confirmation(ticket, assessment))];
    }

    /// <summary>A long, confidently different complaint with no answer to the question in it.</summary>
    private async Task<bool> IsNewSubjectAsync(TurnContext context, ComplaintDraft draft, string text, CancellationToken cancellationToken)
    {
        if (text.Length < 8 || DetailExtractor.Place(text) is not null || DetailExtractor.Since(text) is not null)
        {
            return false;
        }

        var original = await ComplaintIntentSource.AssessAsync(context, classifier, draft.Text, cancellationToken).ConfigureAwait(false);
        var candidate = await classifier.AssessAsync(text, cancellationToken).ConfigureAwait(false);
        return candidate.Category != original.Category && (candidate.Confidence >= 0.6 || candidate.Alert is not null);
    }

    /// <summary>True while a ticket filed at once (red) waits for the resident's answer about its place.</summary>
    internal static bool IsAwaitingFiledDetails(ConversationState state) =>
        state.ActiveSkill == IntentCode && new ComplaintDraft(state.Slots).FiledNumber is not null;

    private static void Answer(ComplaintDraft draft, string text)
    {
        draft.Place ??= DetailExtractor.Place(text) ?? (draft.Asking == "place" && text.Length is >= 2 and <= 60 ? text : null);
        draft.Since ??= DetailExtractor.Since(text) ?? (draft.Asking == "since" && text.Length <= 30 ? text : null);
    }
}
