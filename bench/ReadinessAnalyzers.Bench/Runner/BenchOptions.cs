using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ReadinessAnalyzers.Bench.Corpus;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>The command line of <c>bench/run.sh</c>; see <see cref="Usage"/>.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Usage:
          bench/run.sh [options]                 build with and without the analyzers, write a report
          bench/run.sh generate <dir> [--files N] [--seed S]
                                                 only write a corpus project into <dir>

        Options:
          --quick                 under 10 minutes on 2 cores: 500 files, sizes 250,500,1000, 3 timed runs,
                                  1 telemetry build per size, one peer (AsyncFixer)
          --files N               corpus size for the overhead and per-analyzer measures (default 2000)
          --sizes A,B,C|none      corpus sizes for scaling (default 1000,2000,4000)
          --runs N                timed builds per variant, interleaved (default 5, at least 1)
          --telemetry-runs N      ReportAnalyzer builds per variant and size (default 3)
          --peers all|none|LIST   peers to compare: AsyncFixer, VS.Threading, Meziantou, Sonar (default all)
          --project PATH          benchmark a real .csproj or .sln instead of the corpus (no scaling)
          --package PATH          use this ReadinessAnalyzers .nupkg instead of packing src/Package
          --work DIR              work folder (default bench/artifacts): corpora, feed, packages, results
          --seed S                corpus seed (default 20251125)
          --configuration C       build configuration (default Debug, what `dotnet build` does)
        """;

    public bool Quick { get; private set; }

    public int Files { get; private set; } = CorpusGenerator.DefaultFileCount;

    public IReadOnlyList<int> Sizes { get; private set; } = [1_000, 2_000, 4_000];

    public int Runs { get; private set; } = 5;

    public int TelemetryRuns { get; private set; } = 3;

    public IReadOnlyList<Variant> Peers { get; private set; } = Variant.Peers;

    public string? Project { get; private set; }

    public string? Package { get; private set; }

    public string? Work { get; private set; }

    public int Seed { get; private set; } = CorpusGenerator.DefaultSeed;

    public string Configuration { get; private set; } = "Debug";

    /// <summary>The command line as given, for the report.</summary>
    public string CommandLine { get; private set; } = "";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions { CommandLine = string.Join(' ', args) };
        if (args.Contains("--quick"))
        {
            options.Quick = true;
            options.Files = 500;
            options.Sizes = [250, 500, 1_000];
            options.Runs = 3;
            options.TelemetryRuns = 1;
            options.Peers = [Variant.Peers[0]];
        }

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException(args[i] + " needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);

            switch (args[i])
            {
                case "--quick":
                    break;
                case "--files":
                    options.Files = Number();
                    break;
                case "--sizes":
                    var sizes = Value();
                    options.Sizes = sizes == "none"
                        ? []
                        : sizes.Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).Order().ToArray();
                    break;
                case "--runs":
                    options.Runs = Math.Max(1, Number());
                    break;
                case "--telemetry-runs":
                    options.TelemetryRuns = Math.Max(1, Number());
                    break;
                case "--peers":
                    options.Peers = ParsePeers(Value());
                    break;
                case "--project":
                    options.Project = Value();
                    break;
                case "--package":
                    options.Package = Value();
                    break;
                case "--work":
                    options.Work = Value();
                    break;
                case "--seed":
                    options.Seed = Number();
                    break;
                case "--configuration":
                    options.Configuration = Value();
                    break;
                default:
                    throw new ArgumentException("Unknown option " + args[i] + ".");
            }
        }

        if (options.Files <= 0)
        {
            throw new ArgumentException("--files must be positive.");
        }

        return options;
    }

    private static Variant[] ParsePeers(string value) => value switch
    {
        "all" => [.. Variant.Peers],
        "none" => [],
        _ => value.Split(',').Select(name => Variant.Peers.FirstOrDefault(p =>
                    string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p.PackageId, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException("Unknown peer " + name + "; known: " + string.Join(", ", Variant.Peers.Select(p => p.Name)) + "."))
            .ToArray(),
    };
}
