using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.Classification;

/// <summary>
/// The file parts of section <c>Complaints</c> (the rest is <see cref="Bot.Skills.Complaints.ComplaintOptions"/>).
/// Relative paths are resolved against the content root, like the SQLite file.
/// </summary>
public sealed class ComplaintModelOptions : IValidatableObject
{
    public const string SectionName = "Complaints";

    /// <summary>A city's own training set (<c>id,text,category,colour</c>) instead of the embedded one.</summary>
    public string? TrainingDataPath { get; set; }

    /// <summary>CSV <c>id,text,label</c> with label = department: trains a router that can replace the department table.</summary>
    public string? DepartmentModelPath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, path) in new[] { (nameof(TrainingDataPath), TrainingDataPath), (nameof(DepartmentModelPath), DepartmentModelPath) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                yield return new ValidationResult($"Complaints:{key} '{path}' does not exist.", [key]);
            }
        }
    }

    internal void ResolvePaths(string contentRoot)
    {
        TrainingDataPath = Resolve(TrainingDataPath, contentRoot);
        DepartmentModelPath = Resolve(DepartmentModelPath, contentRoot);
    }

    private static string? Resolve(string? path, string contentRoot) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(Path.Combine(contentRoot, path.Trim()));
}
