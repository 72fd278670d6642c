using System.Diagnostics;
using System.Text;
using Sightline.TestKit;

namespace Sightline.Web.Tests.Support;

/// <summary>
/// The real app as an operator runs it, <c>dotnet Sightline.dll COMMAND</c> from the Release build
/// (as the browser tests run it), in a process of its own over a test database, so a test can kill
/// it with SIGKILL where it stands.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static AppProcess Start(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(AppDll());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in database.Configuration) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => app.Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Runs a command to its end; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, CancellationToken cancellationToken, params string[] arguments)
    {
        using var app = Start(database, arguments);
        await app._process.WaitForExitAsync(cancellationToken);
        return (app.ExitCode, app.Output);
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, no flush; as a power cut or the OOM killer would stop it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Capture(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Sightline.dll from the Release build of src/Sightline.Web, found from the repository root above this test assembly.</summary>
    private static string AppDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "Sightline.sln"))) continue;
            var app = Path.Combine(directory.FullName, "src", "Sightline.Web", "bin", "Release", "net10.0", "Sightline.dll");
            return File.Exists(app) ? app
                : throw new FileNotFoundException($"The crash tests run the Release build of the app, and {app} does not exist. Build it first: dotnet build src/Sightline.Web -c Release (./sightline test does this).");
        }
        throw new DirectoryNotFoundException($"Could not find the repository root (Sightline.sln) above {AppContext.BaseDirectory}.");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
