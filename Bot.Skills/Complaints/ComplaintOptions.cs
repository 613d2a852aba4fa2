using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Complaints;

/// <summary>
/// Section <c>Complaints</c>: who handles each category, which categories the community grid settles itself,
/// and the confidence thresholds of <see cref="ComplaintAssessor"/>.
/// </summary>
public sealed class ComplaintOptions : IValidatableObject
{
    public const string SectionName = "Complaints";

    private static readonly string[] DefaultGridSolvable =
    [
        ComplaintCategories.Noise, ComplaintCategories.Parking, ComplaintCategories.Property, ComplaintCategories.NeighbourDispute,
        ComplaintCategories.Sanitation, ComplaintCategories.Consultation, ComplaintCategories.Suggestion, ComplaintCategories.Assistance,
    ];

    /// <summary>
    /// Category code → department (Chinese). Starts with a department for every category; the configuration
    /// binder adds and overwrites keys in this instance, so overriding one key keeps the other defaults.
    /// </summary>
    public Dictionary<string, string> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [ComplaintCategories.Noise] = "城管执法中队",
        [ComplaintCategories.Parking] = "交警中队",
        [ComplaintCategories.StreetVending] = "城管执法中队",
        [ComplaintCategories.IllegalConstruction] = "城管执法中队（违建治理）",
        [ComplaintCategories.Property] = "社区物业管理办公室",
        [ComplaintCategories.NeighbourDispute] = "社区人民调解委员会",
        [ComplaintCategories.Sanitation] = "街道环卫所",
        [ComplaintCategories.Facilities] = "市政设施管理所",
        [ComplaintCategories.Safety] = "街道应急管理办公室",
        [ComplaintCategories.Assistance] = "社区民政服务站",
        [ComplaintCategories.Consultation] = "社区党群服务中心",
        [ComplaintCategories.Suggestion] = "社区居委会",
    };

    /// <summary>
    /// Categories the community grid resolves without a street department. Null means the defaults. Not
    /// initialised here on purpose: the binder appends to an existing list, so a configured list would
    /// otherwise be added to the defaults instead of replacing them.
    /// </summary>
    public List<string>? GridSolvable { get; set; }

    /// <summary>The model's colour counts only at or above this calibrated confidence.</summary>
    [Range(0.0, 1.0)]
    public double ModelColourThreshold { get; set; } = 0.7;

    /// <summary>Below this category confidence a hazard rule (red/orange with an alert) makes the category <c>safety</c>.</summary>
    [Range(0.0, 1.0)]
    public double SafetyCategoryThreshold { get; set; } = 0.6;

    /// <summary>A learned department router replaces <see cref="Departments"/> at or above this confidence.</summary>
    [Range(0.0, 1.0)]
    public double DepartmentModelThreshold { get; set; } = 0.5;

    public IReadOnlyList<string> EffectiveGridSolvable => (IReadOnlyList<string>?)GridSolvable ?? DefaultGridSolvable;

    public string DepartmentFor(string category) =>
        Departments.TryGetValue(category, out var department) ? department : Departments[ComplaintCategories.Consultation];

    /// <summary>True when the community grid settles this category itself (shorter SLA, no department dispatch).</summary>
    public bool IsGridLevel(string category) => EffectiveGridSolvable.Contains(category, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var category in ComplaintCategories.All)
        {
            if (!Departments.TryGetValue(category, out var department) || string.IsNullOrWhiteSpace(department))
            {
                yield return new ValidationResult($"Complaints:Departments:{category} must name a department.", [nameof(Departments)]);
            }
        }

        foreach (var key in Departments.Keys.Where(k => !ComplaintCategories.IsKnown(k.ToLowerInvariant())))
        {
            yield return new ValidationResult($"Complaints:Departments:{key} is not a complaint category.", [nameof(Departments)]);
        }

        foreach (var code in EffectiveGridSolvable.Where(c => !ComplaintCategories.IsKnown(c)))
        {
            yield return new ValidationResult($"Complaints:GridSolvable contains '{code}', which is not a complaint category.", [nameof(GridSolvable)]);
        }
    }
}
