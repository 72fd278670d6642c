using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sightline.Browser.Tests;

/// <summary>
/// The real app, as an operator runs it: <c>dotnet Sightline.dll serve</c> from the Release build,
/// in its own process, over a fresh SQLite file that it migrates and fills with the synthetic demo
/// partnership on start. Nothing is shared with the test process but HTTP.
/// </summary>
public sealed class SightlineServer : IAsyncDisposable
{
    /// <summary>Overrides where the built app is found (a path to Sightline.dll).</summary>
    public const string AppPathVariable = "SIGHTLINE_APP_DLL";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    /// <summary>
    /// Where pages are opened. The sign-in cookie is <c>Secure</c>; Chromium keeps Secure cookies
    /// over plain HTTP for loopback hosts (127.0.0.1 and localhost are both "potentially
    /// trustworthy"), so the browser can use the same address the app is bound to.
    /// </summary>
    public Uri BaseAddress { get; }

    private SightlineServer(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The last lines the app wrote, to explain a server error in a failing test.</summary>
    public string OutputTail(int lines) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    public static async Task<SightlineServer> StartAsync(int people, CancellationToken cancellationToken = default)
    {
        var app = FindApp();
        var directory = Path.Combine(Path.GetTempPath(), "sightline-browser-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");

        // A small shell keeps the app on a leash: its standard input is a pipe from this process,
        // so if the test run dies without disposing (killed, crashed), the pipe closes and the
        // shell stops the app instead of leaving it listening.
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-c", """exec 3<&0; dotnet "$@" </dev/null & app=$!; (cat <&3 >/dev/null; kill $app 2>/dev/null) & wait $app""",
                     "sightline", app, "serve", "--urls", baseAddress.ToString().TrimEnd('/'),
                 })
            start.ArgumentList.Add(argument);
        // Only what this run needs: never inherit a developer's URLs or environment name.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ConnectionStrings__Sightline"] = $"Data Source={Path.Combine(directory, "sightline.db")}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__People"] = people.ToString();
        // Every browser test signs in from 127.0.0.1; the per-address limit itself is tested in Sightline.Web.Tests.
        start.Environment["SignIn__AttemptsPerMinute"] = "1000";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new SightlineServer(process, directory, baseAddress);
        process.OutputDataReceived += (_, e) => server.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
        if (!process.Start()) throw new InvalidOperationException("Could not start `dotnet` for the app.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private void Capture(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready. Its output:\n{Output}");
            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: it migrates and seeds before Kestrel starts.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer while it seeds; try again.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The app was not ready at {BaseAddress}health/ready after {StartTimeout.TotalSeconds:N0}s. Its output:\n{Output}");
    }

    /// <summary>
    /// Sightline.dll from the Release build of src/Sightline.Web, found from the repository root
    /// above this test assembly (or <see cref="AppPathVariable"/>).
    /// </summary>
    private static string FindApp()
    {
        var configured = Environment.GetEnvironmentVariable(AppPathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"{AppPathVariable} points at {configured}, which does not exist.");

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "Sightline.sln"))) continue;
            var app = Path.Combine(directory.FullName, "src", "Sightline.Web", "bin", "Release", "net10.0", "Sightline.dll");
            if (File.Exists(app)) return app;
            throw new FileNotFoundException(
                $"The browser tests run the Release build of the app, and {app} does not exist. " +
                $"Build it first: dotnet build src/Sightline.Web -c Release (./sightline test does this).");
        }
        throw new DirectoryNotFoundException($"Could not find the repository root (Sightline.sln) above {AppContext.BaseDirectory}; set {AppPathVariable}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or never started.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
