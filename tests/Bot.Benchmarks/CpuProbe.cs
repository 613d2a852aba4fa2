using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>
/// CPU time a process has used, user + system, all threads, from <c>/proc/PID/stat</c>. Shows what a request
/// costs the server in CPU, apart from the time it waits (for the database, for a lock).
/// </summary>
public static class CpuProbe
{
    // USER_HZ: the unit of utime/stime, fixed at 100 by the Linux ABI whatever the kernel's own tick rate.
    private const double TicksPerSecond = 100;

    /// <returns>CPU seconds so far, or null when /proc cannot be read (not Linux, or the process has gone).</returns>
    public static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed:
            // state(3) ppid(4) … utime(14) stime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
