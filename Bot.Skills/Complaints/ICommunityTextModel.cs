namespace Bot.Skills.Complaints;

/// <summary>A statistical model of residents' messages: what they are about and how urgent they sound.</summary>
public interface ICommunityTextModel
{
    /// <summary>Never called with empty text; confidences are 0–1.</summary>
    CommunityGuess Guess(string text);
}

/// <param name="Category">One of <see cref="ComplaintCategories.All"/>.</param>
public sealed record CommunityGuess(string Category, double CategoryConfidence, Colour Colour, double ColourConfidence);

/// <summary>
/// Optional learned department router (trained on a city's own ticket history). Returns null when none is
/// configured; the assessor then uses <see cref="ComplaintOptions.Departments"/>.
/// </summary>
public interface IDepartmentModel
{
    DepartmentGuess? GuessDepartment(string text);
}

public sealed record DepartmentGuess(string Department, double Confidence);
