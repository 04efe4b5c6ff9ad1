using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class SourceCalleesTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    private const string Source = """
        using System.Threading.Tasks;

        interface IVenue { void Send(); }

        abstract class VenueBase
        {
            public abstract void Connect();
            public virtual void Ping() { }
        }

        sealed class Desk : VenueBase, IVenue
        {
            public Desk() { }
            public void Send() { }
            public override void Connect() { }
            static decimal Round(decimal price) => price;
            T Echo<T>(T value) => value;
            async Task SaveAsync() => await Task.Yield();
            Task FlushAsync() => Task.CompletedTask;
            decimal Bid { get; set; }
            decimal Mid => Bid;
            decimal Ask { get { return Bid; } }
        }

        sealed partial class Ledger
        {
            partial void OnFill();
            partial void OnFill() { }
        }

        record Quote(decimal Price);

        static class Prices
        {
            public static decimal Half(this decimal price) => price / 2;
        }
        """;

    [Theory]
    [InlineData("Desk", ".ctor")]
    [InlineData("Desk", "Send")]
    [InlineData("Desk", "Round")]
    [InlineData("Desk", "Echo")]
    [InlineData("Desk", "get_Bid")]
    [InlineData("Desk", "get_Mid")]
    [InlineData("Ledger", "OnFill")]
    [InlineData("Prices", "Half")]
    public void Candidate_StaticallyBoundSyncSourceMethod_IsFollowed(string type, string method)
    {
        var (symbol, asyncPath) = Find(type, method);
        Assert.NotNull(SourceCallees.Candidate(symbol, asyncPath));
    }

    [Theory]
    [InlineData("VenueBase", "Connect")]
    [InlineData("VenueBase", "Ping")]
    [InlineData("Desk", "Connect")] // an override, even in a sealed class: v1 follows no overrides
    [InlineData("IVenue", "Send")]
    [InlineData("Desk", "SaveAsync")]
    [InlineData("Desk", "FlushAsync")]
    public void Candidate_DispatchedOrAsyncMethod_IsNotFollowed(string type, string method)
    {
        var (symbol, asyncPath) = Find(type, method);
        Assert.Null(SourceCallees.Candidate(symbol, asyncPath));
    }

    [Fact]
    public void Candidate_MetadataMethod_IsNotFollowed()
    {
        var (_, asyncPath) = Find("Desk", "Send");
        var compilation = fixture.Compile(Source);
        var concat = compilation.GetSpecialType(SpecialType.System_String).GetMembers("Concat").OfType<IMethodSymbol>().First();
        Assert.Null(SourceCallees.Candidate(concat, asyncPath));
    }

    [Fact]
    public void Normalise_ConstructedGenericAndReducedExtension_AreTheirDefinitions()
    {
        var compilation = fixture.Compile(Source);
        var desk = compilation.GetTypeByMetadataName("Desk")!;
        var echo = desk.GetMembers("Echo").OfType<IMethodSymbol>().Single();
        var constructed = echo.Construct(compilation.GetSpecialType(SpecialType.System_Decimal));
        Assert.True(SymbolEqualityComparer.Default.Equals(echo, SourceCallees.Normalise(constructed)));

        var half = compilation.GetTypeByMetadataName("Prices")!.GetMembers("Half").OfType<IMethodSymbol>().Single();
        var reduced = half.ReduceExtensionMethod(compilation.GetSpecialType(SpecialType.System_Decimal))!;
        Assert.True(SymbolEqualityComparer.Default.Equals(half, SourceCallees.Normalise(reduced)));
    }

    [Theory]
    [InlineData("Desk", "get_Bid", false)]
    [InlineData("Desk", "set_Bid", false)]
    [InlineData("Quote", "get_Price", false)]
    [InlineData("Desk", "get_Mid", true)]
    [InlineData("Desk", "get_Ask", true)]
    [InlineData("Desk", "Send", true)]
    public void HasBody_IsFalseOnlyForCompilerWrittenAccessors(string type, string method, bool expected)
    {
        var (symbol, _) = Find(type, method);
        Assert.Equal(expected, SourceCallees.HasBody(symbol, CancellationToken.None));
    }

    [Theory]
    [InlineData("Desk", ".ctor", true)]
    [InlineData("Desk", "Send", true)]
    [InlineData("Desk", "get_Mid", true)]
    [InlineData("Desk", "get_Ask", true)]
    [InlineData("Ledger", "OnFill", true)]
    [InlineData("Prices", "Half", true)]
    [InlineData("Desk", "get_Bid", false)] // an auto-property's accessors have no body
    [InlineData("Desk", "set_Bid", false)]
    [InlineData("Quote", "get_Price", false)]
    [InlineData("Desk", "Connect", false)] // dispatched
    [InlineData("IVenue", "Send", false)]
    [InlineData("Desk", "SaveAsync", false)] // async
    public void CalleeWithBody_IsCandidateAndHasBody_AndKeepsItsAnswer(string type, string method, bool expected)
    {
        var (symbol, asyncPath) = Find(type, method);
        var verdicts = SourceCallees.For(asyncPath);
        var expectedCallee = SourceCallees.Candidate(symbol, asyncPath) is { } candidate && SourceCallees.HasBody(candidate, CancellationToken.None)
            ? candidate
            : null;
        Assert.Equal(expected, expectedCallee is not null);

        // The first answer is computed, the second comes from the table: both must be the same.
        for (var ask = 0; ask < 2; ask++)
        {
            var callee = verdicts.CalleeWithBody(symbol, CancellationToken.None);
            Assert.Equal(expected, callee is not null);
            Assert.True(SymbolEqualityComparer.Default.Equals(expectedCallee, callee));
        }
    }

    [Fact]
    public void CalleeWithBody_ConstructedAndReducedCalls_FindTheirDefinition()
    {
        var compilation = fixture.Compile(Source);
        var asyncPath = AsyncPath.Create(WellKnownTypes.GetOrCreate(compilation), TestAnalyzerConfigOptionsProvider.Options());
        var verdicts = SourceCallees.For(asyncPath);
        var echo = compilation.GetTypeByMetadataName("Desk")!.GetMembers("Echo").OfType<IMethodSymbol>().Single();
        var half = compilation.GetTypeByMetadataName("Prices")!.GetMembers("Half").OfType<IMethodSymbol>().Single();
        var @decimal = compilation.GetSpecialType(SpecialType.System_Decimal);

        Assert.Same(echo, verdicts.CalleeWithBody(echo.Construct(@decimal), CancellationToken.None));
        Assert.Same(echo, verdicts.CalleeWithBody(echo, CancellationToken.None));
        Assert.Same(half, verdicts.CalleeWithBody(half.ReduceExtensionMethod(@decimal)!, CancellationToken.None));

        var concat = compilation.GetSpecialType(SpecialType.System_String).GetMembers("Concat").OfType<IMethodSymbol>().First();
        Assert.Null(verdicts.CalleeWithBody(concat, CancellationToken.None));
    }

    private (IMethodSymbol Method, AsyncPath AsyncPath) Find(string type, string method)
    {
        var compilation = fixture.Compile(Source);
        var symbol = compilation.GetTypeByMetadataName(type)!.GetMembers(method).OfType<IMethodSymbol>().First();
        var asyncPath = AsyncPath.Create(WellKnownTypes.GetOrCreate(compilation), TestAnalyzerConfigOptionsProvider.Options());
        return (symbol, asyncPath);
    }
}
