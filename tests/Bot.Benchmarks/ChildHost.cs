using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.Benchmarks;

/// <summary>
/// A server under test, running as its own process on 127.0.0.1 so its CPU and memory are its own.
/// Disposing kills it with its whole process tree, whatever happened before.
/// </summary>
public sealed class ChildHost : IDisposable
{
    private const int OutputLinesKept = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ChildHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;

        // SIGTERM skips finally blocks but raises ProcessExit: the child must not outlive the benchmark then either.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts <c>dotnet arguments… --urls http://127.0.0.1:PORT</c> and waits for <c>GET /healthz</c> = 200.</summary>
    public static async Task<ChildHost> StartAsync(
        string name,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetMuxer.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));

        // Inherited URL settings would make the child listen somewhere else as well.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new BenchmarkFailedException($"{name} did not start.");
        var child = new ChildHost(process, baseAddress);
        try
        {
            process.OutputDataReceived += (_, e) => child.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await child.WaitHealthyAsync(name, TimeSpan.FromSeconds(60), cancellationToken);
            return child;
        }
        catch
        {
            child.Dispose();
            throw;
        }
    }

    /// <summary>The last lines the child wrote, for the failure message when it dies or never gets ready.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill();
        _process.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task WaitHealthyAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkFailedException($"{name} exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
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

            await Task.Delay(100, cancellationToken);
        }

        throw new BenchmarkFailedException($"{name} did not answer GET /healthz with 200 within {timeout.TotalSeconds:0} s:{Environment.NewLine}{OutputTail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    // The port is free when asked; another process could take it before the child binds, which then fails loudly.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
