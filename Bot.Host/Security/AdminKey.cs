using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Host.Security;

/// <summary>The bearer key that protects <c>/api/*</c>: configured, or generated once and kept on disk.</summary>
public sealed class AdminKey
{
    private readonly byte[] _keyBytes;

    public AdminKey(IOptions<AdminOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            Value = settings.ApiKey.Trim();
        }
        else
        {
            var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.KeyFile));
            (Value, WasGenerated) = LoadOrCreate(path);
        }

        _keyBytes = Encoding.UTF8.GetBytes(Value);
    }

    public string Value { get; }

    /// <summary>True when this start generated the key; it is printed once, then only kept on disk.</summary>
    public bool WasGenerated { get; }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _keyBytes);

    private static (string Key, bool Generated) LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } existing)
        {
            return (existing, false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (key, true);
    }
}
