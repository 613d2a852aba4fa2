using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;
using Xunit;

namespace Bot.TestSupport.Redis;

/// <summary>
/// A real Redis for tests: a private <c>redis-server</c> on a free loopback port, or the server named by
/// <c>BOT_TEST_REDIS</c> when CI already runs one. A missing redis-server fails the tests instead of
/// skipping them, so Redis code is never silently untested.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "BOT_TEST_REDIS";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private Process? _process;
    private ConnectionMultiplexer? _connection;
    private string? _executable;
    private int _port;

    /// <summary>StackExchange.Redis configuration string for Redis:Configuration.</summary>
    public string Configuration { get; private set; } = string.Empty;

    /// <summary>A connection for assertions (TTLs, raw keys); tests should use unique keys, the server may be shared.</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Call StartAsync first.");

    public IDatabase Database => Connection.GetDatabase();

    /// <summary>
    /// A server of its own even when <c>BOT_TEST_REDIS</c> names a shared one: outage drills stop and restart it,
    /// which must not touch the server other tests are using at the same time.
    /// </summary>
    public bool Stoppable { get; init; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var existing = Stoppable ? null : Environment.GetEnvironmentVariable(EnvironmentVariable);
        Configuration = string.IsNullOrWhiteSpace(existing) ? await StartServerAsync(cancellationToken).ConfigureAwait(false) : existing;
        _connection = await ConnectionMultiplexer.ConnectAsync(Configuration).WaitAsync(cancellationToken).ConfigureAwait(false);
        await _connection.GetDatabase().PingAsync().ConfigureAwait(false);
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    /// <summary>Kills the private redis-server (an outage drill); <see cref="RestartServerAsync"/> brings it back on the same port.</summary>
    public async Task StopServerAsync()
    {
        var process = _process ?? throw new InvalidOperationException(
            $"Only a private redis-server can be stopped; create the fixture with {nameof(Stoppable)} = true.");
        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
    }

    /// <summary>Starts the private redis-server again on the port it had, empty (it never persists).</summary>
    public async Task RestartServerAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null || _executable is null)
        {
            throw new InvalidOperationException("Call StopServerAsync on a private redis-server first.");
        }

        // The old socket may linger briefly; retry the bind until the start timeout.
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            var process = Launch(_executable, _port, out var ready);
            try
            {
                await ready.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
                _process = process;
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                process.Dispose();
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }

            _process.Dispose();
        }
    }

    private async Task<string> StartServerAsync(CancellationToken cancellationToken)
    {
        var executable = FindRedisServer() ?? throw new InvalidOperationException(
            "redis-server was not found on PATH or in /usr/bin, /usr/local/bin. Install it (apt-get install redis-server) " +
            $"or point {EnvironmentVariable} at a running Redis (e.g. {EnvironmentVariable}=127.0.0.1:6379).");

        // A free port can be taken between probing and binding; try a few.
        var failures = new StringBuilder();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            var process = Launch(executable, port, out var ready);
            try
            {
                await ready.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
                _process = process;
                _executable = executable;
                _port = port;
                return $"127.0.0.1:{port}";
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                failures.AppendLine(ex.Message);
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }

        throw new InvalidOperationException($"redis-server did not start:{Environment.NewLine}{failures}");
    }

    /// <summary>Starts redis-server; <paramref name="ready"/> completes when it logs that it accepts connections.</summary>
    private static Process Launch(string executable, int port, out Task ready)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--save", "", "--appendonly", "no", "--port", $"{port}", "--bind", "127.0.0.1" })
        {
            info.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                signal.TrySetResult();
            }
        };
        process.Exited += (_, _) =>
        {
            lock (output)
            {
                signal.TrySetException(new InvalidOperationException($"redis-server exited on port {port}: {output}"));
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ready = signal.Task;
        return process;
    }

    private static string? FindRedisServer()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]);
        return directories.Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
