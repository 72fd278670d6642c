using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sightline.Bench;

/// <summary>
/// The real app, as an operator runs it: its own commands (<c>migrate</c>, <c>demo seed</c>,
/// <c>api-token create</c>, <c>audit verify</c>) and <c>serve</c> as a separate process on 127.0.0.1.
/// </summary>
public sealed class SightlineApp(string repositoryRoot, IReadOnlyDictionary<string, string> environment, string logFile)
{
    public string AppPath { get; } = Path.Combine(repositoryRoot, "src", "Sightline.Web", "bin", "Release", "net10.0", "Sightline.dll");

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Sightline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run from inside the Sightline repository (no Sightline.sln found above the current folder).");
    }

    public static async Task BuildAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var (exit, output) = await RunAsync("dotnet", ["build", "src/Sightline.Web/Sightline.Web.csproj", "-c", "Release", "--nologo", "-v", "quiet", "-clp:ErrorsOnly"],
            repositoryRoot, new Dictionary<string, string>(), TimeSpan.FromMinutes(10), cancellationToken);
        if (exit != 0) throw new InvalidOperationException($"Building the app failed:\n{output}");
    }

    /// <summary>Runs one of the app's commands; returns its output. Throws when it fails.</summary>
    public async Task<string> CommandAsync(CancellationToken cancellationToken, params string[] args)
    {
        var (exit, output) = await TryCommandAsync(cancellationToken, args);
        if (exit != 0) throw new InvalidOperationException($"'Sightline {string.Join(' ', args)}' failed ({exit}):\n{output}");
        return output;
    }

    public Task<(int ExitCode, string Output)> TryCommandAsync(CancellationToken cancellationToken, params string[] args) =>
        RunAsync("dotnet", [AppPath, .. args], repositoryRoot, environment, TimeSpan.FromMinutes(30), cancellationToken);

    public static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>Starts <c>serve</c> on a free loopback port and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task<Server> ServeAsync(IReadOnlyDictionary<string, string> extraEnvironment, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var info = Start("dotnet", [AppPath, "serve", "--urls", url.ToString().TrimEnd('/')], repositoryRoot, environment.Concat(extraEnvironment));
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(process, url, log);
        try
        {
            using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"The app stopped during start-up (exit {process.ExitCode}); see {logFile}");
                if (deadline.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"The app was not ready within 3 minutes; see {logFile}");
                try
                {
                    using var response = await client.GetAsync("/health/ready", cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK) return server;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
                await Task.Delay(250, cancellationToken);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public sealed class Server(Process process, Uri url, StreamWriter log) : IAsyncDisposable
    {
        public Uri Url => url;
        public int ProcessId => process.Id;

        public TimeSpan CpuTime()
        {
            try
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException) { }
            process.Dispose();
            lock (log) log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> args, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var info = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Process.Start(Start(file, args, workingDirectory, environment)) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
