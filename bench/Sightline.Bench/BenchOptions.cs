namespace Sightline.Bench;

/// <summary>Command-line options: <c>[--provider sqlite|postgres] [--people N] [--seconds S] [--warmup S] [--connections C] [--scenarios a,b] [--no-build] [--keep]</c>.</summary>
public sealed record BenchOptions
{
    public string Provider { get; init; } = "sqlite";
    public int People { get; init; } = 100_000;
    public int Seconds { get; init; } = 20;
    public int Warmup { get; init; } = 5;
    public int Connections { get; init; } = 64;
    public IReadOnlyList<string> Scenarios { get; init; } = Scenario.DefaultKeys;

    /// <summary>Fill the database with <c>demo generate</c> (issue 6's London scale) instead of <c>demo seed</c>.</summary>
    public bool London { get; init; }

    /// <summary>With <see cref="London"/>: the audit entries to generate (null: the generator's default, 20 a person).</summary>
    public long? Audit { get; init; }

    public bool IsDefaultScenarios => Scenarios.SequenceEqual(London ? Scenario.AllKeys : Scenario.DefaultKeys);
    public bool Build { get; init; } = true;
    public bool Keep { get; init; }
    public int Seed { get; init; } = 2026;
    public int QuietWait { get; init; } = 120;
    public IReadOnlyList<string> PostgresSettings { get; init; } = [];

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Sightline.Bench -- [OPTIONS]
               dotnet run -c Release --project bench/Sightline.Bench -- micro [BenchmarkDotNet options]
               dotnet run -c Release --project bench/Sightline.Bench -- import [--help for its options]
               dotnet run -c Release --project bench/Sightline.Bench -- dashboard [--help for its options]
               dotnet run -c Release --project bench/Sightline.Bench -- soak [--help for its options]

          --provider sqlite|postgres   database to measure (default sqlite; postgres starts a throwaway PostgreSQL 15 on 127.0.0.1)
          --people N                   synthetic young people to add (default 100000)
          --seconds S                  measured window per scenario (default 20)
          --warmup S                   unmeasured warm-up per scenario (default 5)
          --connections C              concurrent connections and closed-loop workers (default 64)
          --scenarios LIST             comma-separated subset of: baseline, find, record-api, record-page, chronology,
                                       seam-list, index-summary, dashboard, baseline-again (default: all but the four before the last)
          --london                     fill the database with `demo generate --people N` (issue 6: flags, SEAM assessments,
                                       missing episodes, users in partnerships, audit entries in London's proportions)
                                       instead of `demo seed`, and measure every scenario
          --audit N                    with --london: audit entries to generate (default 20 a person)
          --postgres-setting N=V       a server setting for the throwaway PostgreSQL (repeatable), e.g. jit=off
          --quiet-wait S               before each scenario, wait up to S s for other work on the machine to stop (default 120; 0: don't wait)
          --no-build                   use the existing Release build of src/Sightline.Web
          --keep                       keep the temporary database (its folder is printed)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Number(int min, int max)
            {
                var text = Value();
                return int.TryParse(text, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{arg} must be a whole number from {min} to {max}, not '{text}'");
            }
            options = arg switch
            {
                "--provider" => options with { Provider = Value().ToLowerInvariant() is var p && p is "sqlite" or "postgres" or "postgresql" ? (p == "sqlite" ? "sqlite" : "postgres") : throw new ArgumentException("--provider must be sqlite or postgres") },
                "--people" => options with { People = Number(1, 2_000_000) },
                "--seconds" => options with { Seconds = Number(1, 600) },
                "--warmup" => options with { Warmup = Number(0, 120) },
                "--connections" => options with { Connections = Number(1, 512) },
                "--scenarios" => options with { Scenarios = ParseScenarios(Value()) },
                "--postgres-setting" => options with { PostgresSettings = [.. options.PostgresSettings, Setting(Value())] },
                "--quiet-wait" => options with { QuietWait = Number(0, 3600) },
                "--london" => options with { London = true, Scenarios = options.Scenarios == Scenario.DefaultKeys ? Scenario.AllKeys : options.Scenarios },
                "--audit" => options with { Audit = Number(0, int.MaxValue) },
                "--no-build" => options with { Build = false },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'"),
            };
        }
        return options;
    }

    private static string Setting(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^[a-z_]+=[A-Za-z0-9_.]+$") ? text
            : throw new ArgumentException($"--postgres-setting takes name=value (letters, digits, '_' and '.'), not '{text}'");

    private static IReadOnlyList<string> ParseScenarios(string text)
    {
        var keys = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k.ToLowerInvariant()).ToList();
        var unknown = keys.Where(k => !Scenario.AllKeys.Contains(k)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}; use {string.Join(", ", Scenario.AllKeys)}");
        if (!keys.Contains("baseline")) keys.Insert(0, "baseline"); // every ratio needs the baseline from the same run
        return Scenario.AllKeys.Where(keys.Contains).ToList();
    }
}
