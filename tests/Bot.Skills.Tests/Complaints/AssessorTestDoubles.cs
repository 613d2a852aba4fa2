using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;

namespace Bot.Skills.Tests.Complaints;

internal sealed class FakeModel(CommunityGuess guess) : ICommunityTextModel
{
    public int Calls { get; private set; }

    public CommunityGuess Guess(string text)
    {
        Calls++;
        return guess;
    }
}

internal sealed class FakeRules(SafetyVerdict verdict) : ISafetyRules
{
    public static FakeRules Quiet { get; } = new(new SafetyVerdict(Colour.Green, null, []));

    public int Calls { get; private set; }

    public SafetyVerdict Evaluate(string text)
    {
        Calls++;
        return verdict;
    }
}

internal sealed class FakeRouter(DepartmentGuess? guess) : IDepartmentModel
{
    public DepartmentGuess? GuessDepartment(string text) => guess;
}
