using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.TestSupport.Cluster;

/// <summary>
/// The built Bot.Host as a real process: <c>dotnet Bot.Host.dll --urls http://127.0.0.1:PORT</c> in the repository
/// root (its content root: appsettings.json, prompts/, knowledge/), configured by environment variables. It can be
/// killed for real (SIGKILL, no graceful stop) and started again on the same port. Its output is kept for failure messages.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly string _name;
    private readonly string _hostDll;
    private readonly Dictionary<string, string> _environment;
    private readonly BotProcessOutput _output = new();
    private Process? _process;

    private BotProcess(string name, string hostDll, IReadOnlyDictionary<string, string> environment)
    {
        _name = name;
        _hostDll = hostDll;
        _environment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");

        // A test run that ends abruptly must not leave hosts behind that still hold the database.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string Name => _name;

    public Uri BaseAddress { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the host and waits for <c>GET /healthz/ready</c> = 200.</summary>
    public static async Task<BotProcess> StartAsync(
        string name, string hostDll, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        var host = new BotProcess(name, hostDll, environment);
        try
        {
            await host.RestartAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the host again (after <see cref="Kill"/>) on the same port with the same settings.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{_name} is still running.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo(DotnetMuxer())
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { _hostDll, "--urls", BaseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        // Settings inherited from the test process (URLs, environment name) would change what the host does.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _output.Add($"--- {_name} starting on {BaseAddress} ---");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{_name} did not start.");
        process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitReadyAsync(process, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGKILL to the host and its children: no shutdown hooks run, in-flight turns just stop.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            _output.Add($"--- {_name} killed ---");
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>The last lines the host wrote (across restarts), for assertion messages.</summary>
    public string OutputTail(int lines = 60) => _output.Tail(lines);

    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with code {process.ExitCode} before it was ready:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow first answer while it starts; ask again.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{_name} did not answer GET /healthz/ready with 200 within {ReadyTimeout.TotalSeconds:0} s:{Environment.NewLine}{OutputTail()}");
    }

    /// <summary>The <c>dotnet</c> running this test process, so the host runs on the same runtime.</summary>
    private static string DotnetMuxer()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(root) && File.Exists(root))
        {
            return root;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    // The port is free when asked; another process could take it before the host binds, which then fails loudly.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
