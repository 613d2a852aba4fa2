using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>Parsing shared by both benchmark modes' options: bounded integers and --env KEY=VALUE.</summary>
internal static class OptionValues
{
    public static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} must be an integer from {min} to {max}.");

    /// <summary>Adds KEY=VALUE to <paramref name="environment"/> and hands <paramref name="options"/> back unchanged.</summary>
    public static T WithEnvironment<T>(T options, Dictionary<string, string> environment, string value)
    {
        var split = value.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0)
        {
            throw new ArgumentException("--env needs KEY=VALUE.");
        }

        environment[value[..split]] = value[(split + 1)..];
        return options;
    }
}
