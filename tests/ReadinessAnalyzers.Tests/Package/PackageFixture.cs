using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace ReadinessAnalyzers.Tests.Package;

/// <summary>
/// Packs <c>src/Package</c> once per test class into a fresh local feed, in a temporary folder outside
/// the repository, and hands out throw-away consumer projects that restore from that feed only.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "ReadinessAnalyzers";

    public string RepositoryRoot { get; } = ReadinessAnalyzers.Tests.RepositoryRoot.Path;

    /// <summary>Everything this class writes: the feed, the package cache and the consumers.</summary>
    public string WorkDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "readiness-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    /// <summary>NUGET_PACKAGES of every consumer call: empty at the start, so no stale package is restored.</summary>
    public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    public string PackagePath { get; private set; } = "";

    public string PackageVersion { get; private set; } = "";

    /// <summary>The environment of every consumer-side dotnet call.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public async Task InitializeAsync()
    {
        if (WorkDirectory.StartsWith(RepositoryRoot, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The temporary folder {WorkDirectory} is inside the repository.");
        }

        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        // The pack restores the analyzer projects with the developer's usual package cache: it consumes
        // no ReadinessAnalyzers package, so nothing stale can reach it, and the repository's obj/ folders
        // keep pointing at the cache the IDE and `dotnet build` use.
        var pack = await DotnetCli.RunAsync(
            RepositoryRoot,
            new Dictionary<string, string>(),
            "pack", Path.Combine(RepositoryRoot, "src", "Package", "ReadinessAnalyzers.Package.csproj"),
            "-c", "Release",
            "-o", FeedDirectory,
            "-nodeReuse:false",
            "-p:UseSharedCompilation=false",
            "-tl:off");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Describe());
        }

        var packages = Directory.GetFiles(FeedDirectory, "*.nupkg");
        if (packages.Length != 1 || !Path.GetFileName(packages[0]).StartsWith(PackageId + ".", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Expected one {PackageId}.<version>.nupkg in the feed, found: {string.Join(", ", packages)}\n" + pack.Describe());
        }

        PackagePath = packages[0];
        PackageVersion = ReadNuspec().Descendants().Single(e => e.Name.LocalName == "version").Value;
    }

    public Task DisposeAsync()
    {
        // READINESS_E2E_KEEP=1 keeps the feed and the consumers for a look after a failure.
        if (Environment.GetEnvironmentVariable("READINESS_E2E_KEEP") != "1")
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not a test failure.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A fresh consumer project in its own folder; <paramref name="name"/> keeps folders apart.</summary>
    public ConsumerProject CreateConsumer(string name, string? analysisMode = null)
        => ConsumerProject.Create(Path.Combine(WorkDirectory, "consumers", name), this, analysisMode);

    /// <summary>A consumer project whose code is a copy of <paramref name="sourceDirectory"/> (see <see cref="ConsumerProject.CreateFromSources"/>).</summary>
    public ConsumerProject CreateConsumerFromSources(string name, string sourceDirectory)
        => ConsumerProject.CreateFromSources(Path.Combine(WorkDirectory, "consumers", name), this, sourceDirectory);

    public ZipArchive OpenPackage() => ZipFile.OpenRead(PackagePath);

    public XDocument ReadNuspec()
    {
        using var package = OpenPackage();
        var nuspec = package.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal)
                                                 && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspec.Open();
        return XDocument.Load(stream);
    }

    public string ReadPackageText(string entryName)
    {
        using var package = OpenPackage();
        var entry = package.GetEntry(entryName) ?? throw new InvalidOperationException($"{entryName} is not in the package.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
