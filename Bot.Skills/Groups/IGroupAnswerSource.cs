namespace Bot.Skills.Groups;

/// <summary>
/// One kind of public answer the bot can give in a group (venues, office hours, public matters…). The group
/// assistant asks the sources in <see cref="Order"/> and uses the first answer. This is the seam for other
/// slices: the events slice registers a source for "when/where/cancelled" questions and nothing else changes.
/// </summary>
/// <remarks>
/// An answer must be public: it is checked by <see cref="GroupReplyGuard"/> and replaced when it carries
/// personal data, so a source should never build one from a resident's own records.
/// </remarks>
public interface IGroupAnswerSource
{
    /// <summary>Lower is asked first; keep specific sources (a matching event, a public matter) before general ones.</summary>
    int Order { get; }

    /// <returns>A short Chinese answer, or null when the question is not for this source.</returns>
    ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken);
}
