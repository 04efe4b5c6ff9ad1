using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using System.Xml.Linq;
using ReadinessAnalyzers.Bench.Corpus;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>
/// Packs the analyzers, prepares the targets and variants, restores once, then runs the telemetry
/// builds (which also warm the disk cache and prove every variant builds) and the interleaved timed
/// builds, and writes the report.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, string repositoryRoot)
{
    private const string OursPackageId = "ReadinessAnalyzers";

    private readonly string _work = Path.GetFullPath(options.Work ?? Path.Combine(repositoryRoot, "bench", "artifacts"));

    /// <summary>CPU time (user + system) of every measured build: what the run costs an idle machine.</summary>
    private double _buildCpuSeconds;

    /// <summary>The folder of the compiler wrapper the telemetry builds use (see WriteSequentialCompiler), or null.</summary>
    private string? _sequentialCompiler;

    private string Feed => Path.Combine(_work, "feed");

    private string Packages => Path.Combine(_work, "packages");

    private string Variants => Path.Combine(_work, "variants");

    public async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var loadBefore = MachineInfo.LoadAverage();
        Log("load average before: " + loadBefore);
        if (!Dotnet.HasGnuTime)
        {
            Log("warning: " + Dotnet.GnuTime + " not found (apt-get install time); peak memory is not measured.");
        }

        Directory.CreateDirectory(_work);
        Dotnet.Environment["NUGET_PACKAGES"] = Packages;
        var machine = await MachineInfo.CollectAsync().ConfigureAwait(false);
        _sequentialCompiler = WriteSequentialCompiler(machine.SdkBasePath);
        var resultsDir = Path.Combine(_work, "results", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(resultsDir);

        var (nupkg, version, ourAssemblies) = await PreparePackageAsync(resultsDir).ConfigureAwait(false);
        WriteNuGetConfig();

        var (main, scaling) = PrepareTargets();
        var variants = new List<Variant> { new(Variant.BaselineName, null, null, IsOurs: false), new(Variant.OursName, OursPackageId, version, IsOurs: true) };
        variants[1].Assemblies.AddRange(ourAssemblies);
        variants.AddRange(options.Peers);
        foreach (var variant in variants)
        {
            WriteInjectTargets(variant);
        }

        var results = new BenchResults
        {
            Revision = await RevisionAsync().ConfigureAwait(false),
            Options = options,
            Machine = machine,
            SequentialTelemetry = _sequentialCompiler is not null,
            Started = started,
            LoadBefore = loadBefore,
            PackageVersion = version,
            Main = main,
            ScalingTargets = scaling,
            Variants = variants,
        };

        var allTargets = scaling.Append(main).DistinctBy(t => t.Path).ToList();
        foreach (var target in allTargets)
        {
            foreach (var variant in variants)
            {
                await RestoreAsync(target, variant, resultsDir).ConfigureAwait(false);
            }
        }

        foreach (var variant in variants.Where(v => !v.IsBaseline && !v.IsOurs))
        {
            FindPeerAssemblies(variant);
        }

        Log($"package {Path.GetFileName(nupkg)}: analyzer assemblies {string.Join(", ", ourAssemblies)}");
        foreach (var target in allTargets)
        {
            for (var run = 1; run <= options.TelemetryRuns; run++)
            {
                foreach (var variant in variants)
                {
                    var telemetry = await TelemetryBuildAsync(target, variant, run, resultsDir).ConfigureAwait(false);
                    if (!results.Telemetry.TryGetValue(target.Label, out var byVariant))
                    {
                        results.Telemetry[target.Label] = byVariant = new(StringComparer.Ordinal);
                    }

                    if (!byVariant.TryGetValue(variant.Name, out var list))
                    {
                        byVariant[variant.Name] = list = [];
                    }

                    list.Add(telemetry);
                }
            }
        }

        // Interleaved, and each round starts one variant later (A B, B A, A B, … for two): load that
        // drifts during the run, as on a shared machine, then favours no variant by its position.
        for (var round = 1; round <= options.Runs; round++)
        {
            for (var k = 0; k < variants.Count; k++)
            {
                var variant = variants[(k + round - 1) % variants.Count];
                var run = await TimedBuildAsync(main, variant, round, resultsDir).ConfigureAwait(false);
                if (!results.Timed.TryGetValue(variant.Name, out var list))
                {
                    results.Timed[variant.Name] = list = [];
                }

                list.Add(run);
            }
        }

        results.LoadAfter = MachineInfo.LoadAverage();
        results.Elapsed = clock.Elapsed;
        results.BuildCpuSeconds = _buildCpuSeconds;
        Log("load average after: " + results.LoadAfter);
        var report = ReportWriter.Write(results);
        var reportPath = Path.Combine(resultsDir, "report.md");
        await File.WriteAllTextAsync(reportPath, report).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(report);
        Log("report: " + reportPath);
        return 0;
    }

    /// <summary>The checkout's commit, so a report says which analyzers it measured.</summary>
    private async Task<string> RevisionAsync()
    {
        try
        {
            var head = await Dotnet.RunToolAsync("git", repositoryRoot, ["rev-parse", "--short", "HEAD"]).ConfigureAwait(false);
            var status = await Dotnet.RunToolAsync("git", repositoryRoot, ["status", "--porcelain", "--untracked-files=no"]).ConfigureAwait(false);
            return head.Trim() + (status.Trim().Length > 0 ? " with uncommitted changes" : "");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }

    private async Task<(string Path, string Version, List<string> Assemblies)> PreparePackageAsync(string resultsDir)
    {
        if (Directory.Exists(Feed))
        {
            Directory.Delete(Feed, recursive: true);
        }

        Directory.CreateDirectory(Feed);
        if (options.Package is { } given)
        {
            File.Copy(given, Path.Combine(Feed, Path.GetFileName(given)));
        }
        else
        {
            Log("packing src/Package …");
            var pack = await Dotnet.RunAsync(
                repositoryRoot,
                ["pack", Path.Combine(repositoryRoot, "src", "Package", "ReadinessAnalyzers.Package.csproj"), "-c", "Release", "-o", Feed,
                 "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false"],
                Path.Combine(resultsDir, "logs", "pack.log")).ConfigureAwait(false);
            Check(pack, "dotnet pack");
        }

        var nupkg = Directory.GetFiles(Feed, OursPackageId + ".*.nupkg").Single();
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        string version;
        using (var stream = nuspec.Open())
        {
            version = XDocument.Load(stream).Descendants().Single(e => e.Name.LocalName == "version").Value;
        }

        var assemblies = zip.Entries
            .Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(e => Path.GetFileNameWithoutExtension(e.Name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        // The version never changes between packs: an extracted copy from an earlier run would be stale.
        var extracted = Path.Combine(Packages, OursPackageId.ToLowerInvariant());
        if (Directory.Exists(extracted))
        {
            Directory.Delete(extracted, recursive: true);
        }

        return (nupkg, version, assemblies);
    }

    /// <summary>The generated corpora sit below the work folder: their sources are nuget.org and the local feed.</summary>
    private void WriteNuGetConfig()
        => File.WriteAllText(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Written by the readiness benchmark. -->
            <configuration>
              <packageSources>
                <clear />
                <add key="readiness-bench-feed" value="{SecurityElement.Escape(Feed)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="readiness-bench-feed">
                  <package pattern="{OursPackageId}" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

    private (Target Main, List<Target> Scaling) PrepareTargets()
    {
        if (options.Project is { } project)
        {
            var path = Path.GetFullPath(project);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("No project or solution at " + path, path);
            }

            return (new Target(path, null, CountLines(Path.GetDirectoryName(path)!)), []);
        }

        var targets = new Dictionary<int, Target>();
        foreach (var files in options.Sizes.Append(options.Files).Distinct().Order())
        {
            var directory = Path.Combine(_work, "corpus-" + files.ToString(CultureInfo.InvariantCulture));
            Log($"generating {files} files (seed {options.Seed}) into {directory}");
            var path = CorpusGenerator.WriteProject(directory, files, options.Seed);
            targets[files] = new Target(path, files, CountLines(directory));
            Log("  " + CorpusStatistics.Of(files, options.Seed));
        }

        return (targets[options.Files], options.Sizes.Select(s => targets[s]).ToList());
    }

    private static long CountLines(string directory)
        => Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Sum(f => (long)File.ReadLines(f).Count());

    /// <summary>
    /// Imported into every project of the build through CustomAfterMicrosoftCommonTargets: the one
    /// difference between variants. Also keeps the normal bin/ and obj/ out of the compile globs, since
    /// each variant builds into its own folders below them.
    /// </summary>
    private void WriteInjectTargets(Variant variant)
    {
        Directory.CreateDirectory(Variants);
        var reference = variant.IsBaseline
            ? ""
            : $"""

                <ItemGroup Condition="'$(ManagePackageVersionsCentrally)' == 'true'">
                  <PackageReference Include="{variant.PackageId}" VersionOverride="{variant.Version}" PrivateAssets="all" IncludeAssets="runtime; build; native; contentfiles; analyzers; buildtransitive" />
                </ItemGroup>
                <ItemGroup Condition="'$(ManagePackageVersionsCentrally)' != 'true'">
                  <PackageReference Include="{variant.PackageId}" Version="{variant.Version}" PrivateAssets="all" IncludeAssets="runtime; build; native; contentfiles; analyzers; buildtransitive" />
                </ItemGroup>
              """;
        File.WriteAllText(InjectPath(variant), $"""
            <Project>
              <!-- Written by the readiness benchmark for the variant '{variant.Name}'. -->
              <PropertyGroup>
                <DefaultItemExcludes>$(DefaultItemExcludes);bin/**;obj/**</DefaultItemExcludes>
              </PropertyGroup>{reference}
            </Project>

            """);
    }

    private string InjectPath(Variant variant) => Path.Combine(Variants, variant.Name + ".targets");

    /// <summary>The global properties every build and restore of a variant gets; only the paths differ.</summary>
    private List<string> CommonProperties(Variant variant)
    {
        List<string> properties =
        [
            "-nodeReuse:false",
            "-tl:off",
            "-nologo",
            "-p:UseSharedCompilation=false",
            "-p:CustomAfterMicrosoftCommonTargets=" + InjectPath(variant),
            "-p:BaseIntermediateOutputPath=obj/readiness-bench/" + variant.Name + "/",
            "-p:BaseOutputPath=bin/readiness-bench/" + variant.Name + "/",
            "-p:NuGetAudit=false",
            "-p:TreatWarningsAsErrors=false",
            "-p:CodeAnalysisTreatWarningsAsErrors=false",
        ];

        // A real project keeps its own nuget.config; the corpora get the work folder's (see WriteNuGetConfig).
        if (options.Project is not null)
        {
            properties.Add("-p:RestoreAdditionalProjectSources=" + Feed);
        }

        return properties;
    }

    private async Task RestoreAsync(Target target, Variant variant, string resultsDir)
    {
        Log($"restore {target.Label} / {variant.Label}");
        var run = await Dotnet.RunAsync(
            Path.GetDirectoryName(target.Path)!,
            ["restore", target.Path, "--force", "-v:q", .. CommonProperties(variant)],
            Path.Combine(resultsDir, "logs", $"restore-{Slug(target)}-{variant.Name}.log")).ConfigureAwait(false);
        Check(run, $"restore of {target.Label} with {variant.Label}");
    }

    private List<string> BuildArguments(Target target, Variant variant) =>
    [
        "build", target.Path, "--no-restore", "--no-incremental", "-c", options.Configuration, .. CommonProperties(variant),
    ];

    private async Task<AnalyzerReport> TelemetryBuildAsync(Target target, Variant variant, int run, string resultsDir)
    {
        var log = Path.Combine(resultsDir, "logs", $"telemetry-{Slug(target)}-{variant.Name}-{run}.log");
        var result = await Dotnet.RunAsync(
            Path.GetDirectoryName(target.Path)!,
            [.. BuildArguments(target, variant), "-v:q", "-clp:NoSummary", "-p:ReportAnalyzer=true",
             .. (_sequentialCompiler is null ? (string[])[] : ["-p:CscToolPath=" + _sequentialCompiler, "-p:CscToolExe=" + SequentialCompilerName]),
             "-fl", $"-flp:LogFile={log};Verbosity=detailed;PerformanceSummary"],
            Path.ChangeExtension(log, ".console.log"),
            measureMemory: true).ConfigureAwait(false);
        Check(result, $"telemetry build of {target.Label} with {variant.Label}");
        _buildCpuSeconds += result.CpuSeconds;
        var report = AnalyzerReport.Parse(await File.ReadAllTextAsync(log).ConfigureAwait(false));
        var own = variant.IsBaseline ? 0 : report.SecondsIn(variant.Assemblies) * 1000;
        Log($"telemetry {target.Label} / {variant.Label} #{run}: {result.Seconds:F1} s, Csc {report.CscMilliseconds:F0} ms, "
            + $"all analyzers {report.TotalAnalyzerSeconds * 1000:F0} ms, package analyzers {own:F0} ms");
        return report;
    }

    private const string SequentialCompilerName = "csc-sequential";

    // The telemetry builds run the SDK's own compiler with /parallel- appended: analyzers then run one at a
    // time, and each one's time in the report is the work it did. With concurrent analysis the compiler
    // times every callback by the wall clock while a dozen threads share two cores, so an analyzer is
    // charged for the time it waited for a core, and that share varies from run to run and grows with the
    // size of the compilation. The timed builds stay concurrent: they are what a developer waits for.
    private string? WriteSequentialCompiler(string? sdkBasePath)
    {
        var csc = sdkBasePath is null ? null : Path.Combine(sdkBasePath, "Roslyn", "bincore", "csc.dll");
        if (csc is null || !File.Exists(csc) || OperatingSystem.IsWindows())
        {
            Log("warning: no shell wrapper for the SDK's csc.dll (not found, or Windows); telemetry builds run analyzers concurrently (wall-clock shares).");
            return null;
        }

        var folder = Path.Combine(_work, "tools");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, SequentialCompilerName);
        File.WriteAllText(path, $"#!/bin/sh\nexec dotnet \"{csc}\" \"$@\" /parallel-\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return folder;
    }

    private async Task<RunResult> TimedBuildAsync(Target target, Variant variant, int round, string resultsDir)
    {
        var result = await Dotnet.RunAsync(
            Path.GetDirectoryName(target.Path)!,
            [.. BuildArguments(target, variant), "-v:q", "-clp:NoSummary"],
            Path.Combine(resultsDir, "logs", $"timed-{Slug(target)}-{variant.Name}-{round}.log"),
            measureMemory: true).ConfigureAwait(false);
        Check(result, $"timed build of {target.Label} with {variant.Label}");
        _buildCpuSeconds += result.CpuSeconds;
        Log($"timed #{round} {target.Label} / {variant.Label}: {result.Seconds:F2} s, CPU {result.CpuSeconds:F2} s, max RSS {result.MaxRssKb / 1024.0:F0} MB");
        return result;
    }

    private void FindPeerAssemblies(Variant variant)
    {
        var root = Path.Combine(Packages, variant.PackageId!.ToLowerInvariant(), variant.Version!.ToLowerInvariant(), "analyzers");
        if (Directory.Exists(root))
        {
            variant.Assemblies.AddRange(Directory.EnumerateFiles(root, "*.dll", SearchOption.AllDirectories)
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal));
        }

        Log($"{variant.Label}: analyzer assemblies {string.Join(", ", variant.Assemblies)}");
    }

    private static string Slug(Target target) => target.Files is { } files
        ? files.ToString(CultureInfo.InvariantCulture)
        : Path.GetFileNameWithoutExtension(target.Path);

    private static void Check(RunResult run, string what)
    {
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {run.ExitCode}:\n{run.Tail()}");
        }
    }

    private static void Log(string message)
        => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
