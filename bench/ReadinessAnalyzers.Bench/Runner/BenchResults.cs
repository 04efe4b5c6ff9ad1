using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>Everything one run measured; the report is computed from this alone.</summary>
internal sealed class BenchResults
{
    /// <summary>The commit of the checkout the analyzers were packed from.</summary>
    public required string Revision { get; init; }

    public required BenchOptions Options { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>True when the telemetry builds ran the analyzers one at a time (the compiler's /parallel-).</summary>
    public bool SequentialTelemetry { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required string LoadBefore { get; init; }

    public string LoadAfter { get; set; } = "";

    public TimeSpan Elapsed { get; set; }

    /// <summary>CPU seconds (user + system) of all measured builds, NaN without GNU time.</summary>
    public double BuildCpuSeconds { get; set; }

    public required string PackageVersion { get; init; }

    public required Target Main { get; init; }

    public required IReadOnlyList<Target> ScalingTargets { get; init; }

    public required IReadOnlyList<Variant> Variants { get; init; }

    /// <summary>Timed builds of <see cref="Main"/>: per variant, in run order.</summary>
    public Dictionary<string, List<RunResult>> Timed { get; } = new(StringComparer.Ordinal);

    /// <summary>Telemetry builds: per target label, per variant.</summary>
    public Dictionary<string, Dictionary<string, List<AnalyzerReport>>> Telemetry { get; } = new(StringComparer.Ordinal);

    public List<AnalyzerReport> TelemetryOf(Target target, Variant variant)
        => Telemetry.TryGetValue(target.Label, out var byVariant) && byVariant.TryGetValue(variant.Name, out var reports)
            ? reports
            : [];
}
