namespace Bot.Skills.Complaints;

// PLACEHOLDER until the classification branch lands with the full options.
public sealed class ComplaintOptions
{
    public const string SectionName = "Complaints";

    public List<string> GridSolvable { get; set; } = ["noise", "parking", "property", "neighbour_dispute", "sanitation", "consultation", "suggestion", "assistance"];

    public bool IsGridLevel(string category) => GridSolvable.Contains(category);
}
