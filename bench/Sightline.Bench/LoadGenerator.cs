using System.Diagnostics;
using System.Net;

namespace Sightline.Bench;

/// <summary>One kind of request under load. <see cref="NewRequest"/> is called by each worker with its own random source.</summary>
public sealed record Scenario(string Key, string Title, string What, Func<Random, HttpRequestMessage> NewRequest)
{
    public static readonly IReadOnlyList<string> AllKeys = ["baseline", "find", "record-api", "record-page", "chronology", "seam-list", "index-summary", "dashboard", "baseline-again"];

    /// <summary>What a run measures unless told otherwise; <c>--london</c> measures <see cref="AllKeys"/>.</summary>
    public static readonly IReadOnlyList<string> DefaultKeys = ["baseline", "find", "record-api", "record-page", "baseline-again"];
}

/// <summary>What one scenario measured. Latencies are of successful requests, in microseconds, sorted.</summary>
public sealed record ScenarioResult(Scenario Scenario, int Connections, TimeSpan Window, long Requests, long Errors, IReadOnlyDictionary<string, long> ErrorKinds, long[] LatenciesMicros, TimeSpan AppCpu, double OtherCores, double BusyCores)
{
    public double RequestsPerSecond => Requests / Window.TotalSeconds;
    public double Percentile(double p) => LatenciesMicros.Length == 0 ? double.NaN
        : LatenciesMicros[Math.Clamp((int)Math.Ceiling(p / 100 * LatenciesMicros.Length) - 1, 0, LatenciesMicros.Length - 1)] / 1000.0;
    public double Max => LatenciesMicros.Length == 0 ? double.NaN : LatenciesMicros[^1] / 1000.0;
    /// <summary>App-process CPU per successful request (the database server's CPU is not included for PostgreSQL).</summary>
    public double AppCpuMillisPerRequest => Requests == 0 ? double.NaN : AppCpu.TotalMilliseconds / Requests;
}

/// <summary>
/// A closed-loop load generator: <c>connections</c> workers, each sending its next request as soon as the
/// previous response has been read in full, over at most <c>connections</c> keep-alive connections.
/// Counted: every response that completes inside the measured window (as wrk does), whenever it
/// started; responses that complete in the warm-up or after the window closes are not.
/// Bounded: no new request starts after the window, and each request times out after 30 s.
/// </summary>
public sealed class LoadGenerator(HttpClient client, int connections)
{
    public static HttpClient CreateClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<ScenarioResult> RunAsync(Scenario scenario, TimeSpan warmup, TimeSpan window, Func<TimeSpan> appCpu, MachineLoad machine, int seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureUntil = warmup + window;
        TimeSpan? cpuAtStart = null;
        MachineLoad.Sample? machineAtStart = null;
        var cpuTimer = Task.Run(async () =>
        {
            await Task.Delay(warmup, cancellationToken);
            cpuAtStart = appCpu();
            machineAtStart = machine.Take();
        }, cancellationToken);
        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(() => WorkAsync(scenario, new Random(seed + i), clock, measureFrom, measureUntil, cancellationToken), cancellationToken)).ToArray();
        await cpuTimer;
        var delay = measureUntil - clock.Elapsed;
        if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
        var cpuAtEnd = appCpu();
        var machineAtEnd = machine.Take();
        var otherCores = MachineLoad.OtherCores(machineAtStart!.Value, machineAtEnd);
        var busyCores = MachineLoad.BusyCores(machineAtStart.Value, machineAtEnd);
        var outcomes = await Task.WhenAll(workers);

        var latencies = outcomes.SelectMany(o => o.Latencies).ToArray();
        Array.Sort(latencies);
        var errorKinds = outcomes.SelectMany(o => o.ErrorKinds).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        return new ScenarioResult(scenario, connections, window, latencies.LongLength, errorKinds.Values.Sum(), errorKinds, latencies, cpuAtEnd - (cpuAtStart ?? cpuAtEnd), otherCores, busyCores);
    }

    private sealed record WorkerOutcome(List<long> Latencies, Dictionary<string, long> ErrorKinds);

    private async Task<WorkerOutcome> WorkAsync(Scenario scenario, Random random, Stopwatch clock, TimeSpan measureFrom, TimeSpan measureUntil, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(4096);
        var errors = new Dictionary<string, long>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = clock.Elapsed;
            if (started >= measureUntil) break;
            string? error = null;
            try
            {
                using var request = scenario.NewRequest(random);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK) error = $"HTTP {(int)response.StatusCode}";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                error = ex is TaskCanceledException ? "timeout (30 s)" : ex.GetType().Name;
            }
            var finished = clock.Elapsed;
            if (finished < measureFrom || finished > measureUntil) continue;
            if (error is null) latencies.Add((finished - started).Ticks / 10); // microseconds
            else errors[error] = errors.GetValueOrDefault(error) + 1;
        }
        return new WorkerOutcome(latencies, errors);
    }
}
