using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Sightline.Core.Audit;
using Sightline.Core.People;

namespace Sightline.Bench;

/// <summary>
/// The CPU cost of the two pure functions every request path uses: chaining an audit entry and
/// normalising a searched name. Run with <c>dotnet run -c Release --project bench/Sightline.Bench -- micro --filter '*'</c>.
/// In process, short run: enough to see the order of magnitude.
/// </summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    public static readonly IConfig Config = DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    private readonly AuditEntry _view = new()
    {
        Sequence = 123_456, OccurredAt = AuditChain.Truncate(DateTime.UtcNow), UserId = Guid.NewGuid(), UserEmail = "practitioner@sightline.example",
        Action = AuditAction.View, EntityType = "person", EntityId = Guid.NewGuid().ToString(), PersonId = Guid.NewGuid(),
        Details = null, IpAddress = "127.0.0.1", PreviousHash = AuditChain.Genesis, Hash = "",
    };

    [Benchmark(Description = "AuditChain.ComputeHash (record view)")]
    public string ComputeHash() => AuditChain.ComputeHash(_view);

    [Benchmark(Description = "NameSearch.Normalise(\"  priya   pat \")")]
    public string Normalise() => NameSearch.Normalise("  priya   pat ");
}
