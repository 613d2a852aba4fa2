using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Handoff;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Dispatch;

/// <summary>
/// A grid worker's command from WeCom, checked and applied: who they are (by WeCom account), whether the ticket
/// is theirs (their building's chain, or dispatched to them), then the ledger move. Returns the answer to show.
/// </summary>
public sealed partial class WorkerCommandHandler(
    IGridRoster roster,
    ITicketLedger ledger,
    TicketFollowUp followUp,
    IResidentNotifier residents,
    TicketBuildingResolver buildings,
    HandoffRelay sessions,
    TimeProvider clock,
    ILogger<WorkerCommandHandler> logger)
{
    public const string NotOnRoster = "您不在本社区网格名册中，无法操作工单。";
    public const string NotYours = "该工单不属于您的网格。";
    public const string NoSession = HandoffRelay.NoSession;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public async Task<string> HandleAsync(string weComUserId, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weComUserId);
        if (await FindStaffAsync(weComUserId, cancellationToken).ConfigureAwait(false) is not { } person)
        {
            LogUnknownUser(weComUserId);
            return NotOnRoster;
        }

        var (command, error) = WorkerCommandParser.Parse(text, clock.GetUtcNow().ToOffset(China).Year);
        if (command is null)
        {
            // Text that is no command at all goes to the resident of a live session; a malformed command does not.
            var relayed = error!.Message == WorkerCommandParser.Help && !string.IsNullOrWhiteSpace(text)
                ? await sessions.FromWorkerAsync(person, text, cancellationToken).ConfigureAwait(false)
                : null;
            return relayed ?? error.Message;
        }

        if (command.Action == WorkerAction.EndSession)
        {
            return await sessions.EndByWorkerAsync(person, cancellationToken).ConfigureAwait(false);
        }

        var number = command.TicketNumber!;
        if (await ledger.FindAsync(number, cancellationToken).ConfigureAwait(false) is not { } ticket)
        {
            return $"没有找到工单 {number}，请核对工单号。";
        }

        if (!await IsTheirsAsync(person, ticket, cancellationToken).ConfigureAwait(false))
        {
            LogNotTheirs(person.Id, number);
            return NotYours;
        }

        try
        {
            var answer = await ApplyAsync(person, ticket, command, cancellationToken).ConfigureAwait(false);
            if (command.Action is WorkerAction.Accept or WorkerAction.Reply or WorkerAction.Resolve or WorkerAction.Return)
            {
                // The first of these stops the SLA clock; 升级 does not, since it hands the ticket on unanswered.
                await ledger.RecordResponseAsync(number, cancellationToken).ConfigureAwait(false);
            }

            return answer;
        }
        catch (InvalidTicketTransitionException ex)
        {
            return ex.Message;
        }
    }

    private async Task<string> ApplyAsync(Person person, Ticket ticket, WorkerCommand command, CancellationToken cancellationToken)
    {
        var (n, name, text) = (ticket.Number, person.Name, command.Text);
        switch (command.Action)
        {
            case WorkerAction.Accept:
                await ledger.TransitionAsync(n, TicketState.InProgress, name, text.Length > 0 ? text : "接单", cancellationToken).ConfigureAwait(false);
                return $"已接单：工单 {n}。处理完成后请回复“办结 {n} 处理说明”。";
            case WorkerAction.Reply when ticket.State == TicketState.Closed:
                return $"工单 {n} 已办结，不能再回复居民。";
            case WorkerAction.Reply:
                await residents.NotifyAsync(ticket.Resident, Reply.FromText($"网格员{name}回复（工单 {n}）：{text}"), cancellationToken).ConfigureAwait(false);
                await ledger.AddNoteAsync(n, name, $"回复居民：{text}", cancellationToken).ConfigureAwait(false);
                LogReplied(person.Id, n);
                return $"已转告居民（工单 {n}）。";
            case WorkerAction.Resolve:
                await followUp.ResolveAsync(n, name, text, cancellationToken).ConfigureAwait(false);
                return $"已办结上报：工单 {n}，已请居民评价。";
            case WorkerAction.Return:
                await ledger.TransitionAsync(n, TicketState.Returned, name, text, cancellationToken).ConfigureAwait(false);
                return $"已退回：工单 {n}，社区将重新派单。";
            case WorkerAction.Escalate:
                await ledger.TransitionAsync(n, TicketState.Escalated, name, text.Length > 0 ? text : "申请升级处理", cancellationToken).ConfigureAwait(false);
                return $"已升级：工单 {n}。";
            default:
                return WorkerCommandParser.Help;
        }
    }

    private Task<Person?> FindStaffAsync(string weComUserId, CancellationToken cancellationToken) =>
        roster.FindActiveByWeComUserIdAsync(weComUserId, null, cancellationToken);

    private async Task<bool> IsTheirsAsync(Person person, Ticket ticket, CancellationToken cancellationToken)
    {
        // The community grid answers for every building, including tickets no building was found for.
        if (ticket.AssigneeId == person.Id || person.Role == GridRole.CommunityGrid)
        {
            return true;
        }

        if (await buildings.ResolveAsync(ticket, cancellationToken).ConfigureAwait(false) is { } building)
        {
            var chain = await roster.ResponsibleForAsync(building.Id, cancellationToken).ConfigureAwait(false);
            if (chain.Any(p => p.Id == person.Id))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom command from {UserId}, who is not on the active roster")]
    private partial void LogUnknownUser(string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {PersonId} tried to act on ticket {Number}, which is not theirs")]
    private partial void LogNotTheirs(long personId, string number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} replied to the resident of ticket {Number}")]
    private partial void LogReplied(long personId, string number);
}
