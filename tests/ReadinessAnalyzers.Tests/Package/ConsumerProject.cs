using System.IO;
using System.Security;
using System.Threading.Tasks;

namespace ReadinessAnalyzers.Tests.Package;

/// <summary>
/// A throw-away trading console app (net10.0) that references the packed ReadinessAnalyzers the way
/// <c>dotnet add package</c> writes it, restoring from the test feed only.
/// </summary>
public sealed class ConsumerProject
{
    public const string QuotePollerFile = "QuotePoller.cs";
    public const string OrderPlacerFile = "OrderPlacer.cs";

    private readonly PackageFixture _package;

    private ConsumerProject(string directory, PackageFixture package)
    {
        Directory = directory;
        _package = package;
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, "TradingDesk.csproj");

    public static ConsumerProject Create(string directory, PackageFixture package, string? analysisMode)
    {
        var consumer = CreateEmpty(directory, package, analysisMode);
        consumer.Write("Program.cs", ProgramSource);
        consumer.Write("SimulatedVenue.cs", SimulatedVenueSource);
        consumer.Write(QuotePollerFile, QuotePollerSource);
        consumer.Write(OrderPlacerFile, OrderPlacerSource);
        return consumer;
    }

    /// <summary>
    /// A consumer whose code is a copy of <paramref name="sourceDirectory"/>: its C# files and its
    /// .editorconfig files, without bin/ and obj/.
    /// </summary>
    public static ConsumerProject CreateFromSources(string directory, PackageFixture package, string sourceDirectory)
    {
        var consumer = CreateEmpty(directory, package, analysisMode: null);
        foreach (var file in System.IO.Directory.EnumerateFiles(sourceDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceDirectory, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj" || !(file.EndsWith(".cs", System.StringComparison.Ordinal) || Path.GetFileName(file) == ".editorconfig"))
            {
                continue;
            }

            var target = Path.Combine(directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return consumer;
    }

    private static ConsumerProject CreateEmpty(string directory, PackageFixture package, string? analysisMode)
    {
        System.IO.Directory.CreateDirectory(directory);
        var consumer = new ConsumerProject(directory, package);

        consumer.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="readiness-e2e" value="{SecurityElement.Escape(package.FeedDirectory)}" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
            </configuration>
            """);

        // Stop MSBuild's upward search: nothing from the temp folder's parents joins the build.
        consumer.Write("Directory.Build.props", "<Project />");
        consumer.Write("Directory.Build.targets", "<Project />");
        consumer.Write("Directory.Packages.props", "<Project />");

        consumer.SetAnalysisMode(analysisMode);
        return consumer;
    }

    /// <summary>Rewrites the project file with <c>&lt;ReadinessAnalysisMode&gt;</c> set, or without it for null.</summary>
    public void SetAnalysisMode(string? analysisMode)
    {
        var mode = analysisMode is null
            ? ""
            : $"\n    <ReadinessAnalysisMode>{SecurityElement.Escape(analysisMode)}</ReadinessAnalysisMode>";
        Write("TradingDesk.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <!-- The local test feed serves no vulnerability data. -->
                <NuGetAudit>false</NuGetAudit>{mode}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{_package.PackageVersion}">
                  <PrivateAssets>all</PrivateAssets>
                  <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
                </PackageReference>
              </ItemGroup>
            </Project>
            """);
    }

    public void Write(string relativePath, string content)
        => File.WriteAllText(Path.Combine(Directory, relativePath), content.ReplaceLineEndings("\n"));

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary><c>dotnet build</c> with the given extra arguments; no build servers are left behind.</summary>
    public Task<DotnetCli.Result> BuildAsync(params string[] arguments)
        => DotnetAsync(["build", ProjectPath, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", .. arguments]);

    /// <summary><c>dotnet build</c> that also writes a SARIF 2.1 log, returned parsed.</summary>
    public async Task<(DotnetCli.Result Build, SarifLog Sarif)> BuildWithSarifAsync(params string[] arguments)
    {
        var sarifPath = Path.Combine(Directory, "build.sarif");
        File.Delete(sarifPath);
        var build = await BuildAsync([$"-p:ErrorLog={sarifPath}%2Cversion=2.1", .. arguments]);
        return (build, SarifLog.Load(sarifPath, build));
    }

    public Task<DotnetCli.Result> DotnetAsync(params string[] arguments)
        => DotnetCli.RunAsync(Directory, _package.ConsumerEnvironment, arguments);

    private static readonly string ProgramSource = """
        using System;
        using System.Threading.Tasks;

        namespace TradingDesk;

        internal static class Program
        {
            private static async Task<int> Main()
            {
                var venue = new SimulatedVenue();
                var quote = await new QuotePoller(venue).PollAsync("BTC-USD", attempts: 3);
                var orderId = await new OrderPlacer(venue).PlaceLimitOrderAsync("BTC-USD", quantity: 0.25m, limitPrice: quote.Bid);
                Console.WriteLine($"{quote.Symbol} {quote.Bid}/{quote.Ask}: placed {orderId}");
                return 0;
            }
        }
        """;

    private static readonly string SimulatedVenueSource = """
        using System.Threading;
        using System.Threading.Tasks;

        namespace TradingDesk;

        public sealed record Quote(string Symbol, decimal Bid, decimal Ask);

        /// <summary>Stands in for an exchange's REST API.</summary>
        public sealed class SimulatedVenue
        {
            private int _lastOrderId;

            public async Task<Quote> GetQuoteAsync(string symbol)
            {
                await Task.Delay(1);
                return new Quote(symbol, 64_000.50m, 64_001.00m);
            }

            public async Task<string> SubmitLimitOrderAsync(string symbol, decimal quantity, decimal limitPrice)
            {
                await Task.Delay(1);
                return symbol + "-" + Interlocked.Increment(ref _lastOrderId);
            }
        }
        """;

    private static readonly string QuotePollerSource = """
        using System.Threading;
        using System.Threading.Tasks;

        namespace TradingDesk;

        /// <summary>Polls the venue for a fresh top of book.</summary>
        public sealed class QuotePoller(SimulatedVenue venue)
        {
            public async Task<Quote> PollAsync(string symbol, int attempts)
            {
                var quote = await venue.GetQuoteAsync(symbol);
                for (var attempt = 1; attempt < attempts; attempt++)
                {
                    Thread.Sleep(100); // back off before the next poll
                    quote = await venue.GetQuoteAsync(symbol);
                }

                return quote;
            }
        }
        """;

    private static readonly string OrderPlacerSource = """
        using System;
        using System.Threading.Tasks;

        namespace TradingDesk;

        /// <summary>Places limit orders after a sanity check against the current quote.</summary>
        public sealed class OrderPlacer(SimulatedVenue venue)
        {
            public async Task<string> PlaceLimitOrderAsync(string symbol, decimal quantity, decimal limitPrice)
            {
                var quote = await venue.GetQuoteAsync(symbol);
                if (limitPrice > quote.Ask * 1.05m)
                {
                    throw new ArgumentOutOfRangeException(nameof(limitPrice), "More than 5% through the offer.");
                }

                var orderId = venue.SubmitLimitOrderAsync(symbol, quantity, limitPrice).Result;
                return orderId;
            }
        }
        """;
}
