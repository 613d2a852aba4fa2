using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bot.TestSupport.Postgres;

/// <summary>
/// A private PostgreSQL cluster in a temporary directory: <c>initdb</c> with trust auth, <c>pg_ctl start</c> on a
/// free loopback port, <c>pg_ctl stop -m fast</c> and the directory removed on dispose. As root (initdb refuses
/// root) the binaries run as the <c>postgres</c> user, which then owns the directory.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;

    private PostgresServer(string bin, string root)
    {
        _bin = bin;
        _root = root;
        _data = Path.Combine(root, "data");
    }

    private string _serverOptions = string.Empty;

    /// <summary>The superuser connection string (database postgres).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Stops the server (fast: open sessions are cut) and keeps its data, as a crash or maintenance would.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        RunAsync("pg_ctl", ["-D", _data, "stop", "-m", "fast", "-w"], cancellationToken);

    /// <summary>Starts the stopped server again on the same port with the same data.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken) => PgCtlStartAsync(_serverOptions, cancellationToken);

    private Task PgCtlStartAsync(string options, CancellationToken cancellationToken) =>
        RunAsync("pg_ctl", ["-D", _data, "-o", options, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start"], cancellationToken);

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL (initdb, pg_ctl) was not found on PATH or under /usr/lib/postgresql/*/bin. Install it " +
            $"(apt-get install postgresql, or run tests/run) or point {PostgresServerFixture.EnvironmentVariable} at a " +
            "running server (e.g. Host=127.0.0.1;Username=postgres;Password=...).");
        var root = Directory.CreateTempSubdirectory("bot-pg-").FullName;
        var server = new PostgresServer(bin, root);
        try
        {
            await server.InitAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["-D", _data, "stop", "-m", "fast", "-w"], CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await RunRawAsync("chown", ["-R", "postgres", _root], cancellationToken).ConfigureAwait(false);
        }

        await RunAsync("initdb", ["-D", _data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken)
            .ConfigureAwait(false);

        // A free port can be taken between probing and binding; try a few.
        var failures = new StringBuilder();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            var options = $"-p {port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500";
            try
            {
                await PgCtlStartAsync(options, cancellationToken).ConfigureAwait(false);
                _serverOptions = options;
                ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50;Connection Idle Lifetime=2;Connection Pruning Interval=1;Timeout=30";
                return;
            }
            catch (InvalidOperationException ex)
            {
                failures.AppendLine(ex.Message);
            }
        }

        throw new InvalidOperationException($"PostgreSQL did not start:{Environment.NewLine}{failures}");
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_bin, tool);
        return IsRoot
            ? RunRawAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], cancellationToken)
            : RunRawAsync(executable, arguments, cancellationToken);
    }

    private static async Task RunRawAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{executable} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(v => Path.Combine(v, "bin"))
                : [])
            .Concat(["/usr/local/pgsql/bin", "/opt/homebrew/bin"]);
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
