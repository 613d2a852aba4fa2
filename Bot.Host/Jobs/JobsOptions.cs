using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Jobs;

/// <summary>Section <c>Jobs</c>: the Quartz scheduler that runs the bot's recurring jobs (today the SLA sweep).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Off: no scheduler starts (a host that only answers messages while another host sweeps).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The scheduler's name: unique within the process, and the key of its rows in the database, so it must stay
    /// the same across restarts (and, with clustering later, be the same on every host).
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,80}$", ErrorMessage = "Jobs:SchedulerName: letters, digits, '.', '_' or '-'.")]
    public string SchedulerName { get; set; } = "neighbourhood";
}
