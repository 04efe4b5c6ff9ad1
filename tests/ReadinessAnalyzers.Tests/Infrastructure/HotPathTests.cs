using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class HotPathTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    // Users declare the attribute themselves, in any namespace, with or without the suffix.
    private const string Attributes = """
        namespace Engine.Perf
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class HotPathAttribute : System.Attribute { }

            public sealed class HotPathHintAttribute : System.Attribute { }
            public sealed class NotHotPathAttribute : System.Attribute { }
        }

        namespace Vendor.Diagnostics
        {
            public sealed class HotPath : System.Attribute { }
            public sealed class LowLatencyAttribute : System.Attribute { }
        }
        """;

    private const string Marked = Attributes + """

        namespace Engine
        {
            using System;
            using Engine.Perf;

            public sealed class Router
            {
                [HotPath] public void Route() { }
                [HotPathAttribute] public void RouteWithSuffix() { }
                [Vendor.Diagnostics.HotPath] public void RouteVendor() { }
                [HotPathHint, NotHotPath] public void Hinted() { }
                [return: HotPath] public int ReturnOnly() => 0;
                public void Cold() { }

                [HotPath] public int Depth { get { return 1; } set { } }
                public int ColdDepth { [HotPath] get => 1; set { } }
                [HotPath] public event Action? Filled { add { } remove { } }

                [HotPath]
                public void WithNested()
                {
                    Inline();
                    Marked();
                    Action lambda = () => { };
                    lambda();

                    void Inline() { }

                    [HotPath] void Marked() { }
                }
            }

            [HotPath]
            public sealed class Book
            {
                public Book() { }
                public static void Reset() { }
                public void Apply() { }
                public int Levels => 0;

                public void Rebuild()
                {
                    Action sweep = () => { };
                    Sweep();

                    void Sweep() { }
                }

                public sealed class Side
                {
                    public sealed class Level
                    {
                        public void Update() { }
                    }
                }
            }

            public sealed class Reports
            {
                public void Write() { }
            }
        }
        """;

    private const string Configured = Attributes + """

        namespace Engine
        {
            public sealed class Gateway { public void Send() { } }
        }

        namespace Engine.Fast
        {
            public sealed class Matcher { public void Match() { } }
        }

        namespace Engine.Fast.Lane
        {
            public sealed class Router { public void Route() { } }
        }

        namespace Engine.FastLane
        {
            public sealed class Router { public void Route() { } }
        }

        namespace Engine.Quotes
        {
            public sealed class QuoteHandler
            {
                public void OnQuote() { }

                public sealed class Parser { public void Parse() { } }
            }

            public sealed class QuoteHandler<T> { public void OnQuote() { } }

            public sealed class QuoteHandlerFactory { public void Create() { } }

            public sealed class Pricer
            {
                [Vendor.Diagnostics.LowLatency] public void Reprice() { }
                public void Audit() { }
            }
        }

        namespace Other
        {
            public sealed class QuoteHandler { public void OnQuote() { } }
        }
        """;

    private static readonly AnalyzerOptions s_noOptions = TestAnalyzerConfigOptionsProvider.Options();

    [Theory]
    [InlineData("Engine.Router", "Route")]
    [InlineData("Engine.Router", "RouteWithSuffix")]
    [InlineData("Engine.Router", "RouteVendor")]
    [InlineData("Engine.Router", "Depth.get")]
    [InlineData("Engine.Router", "Depth.set")]
    [InlineData("Engine.Router", "ColdDepth.get")]
    [InlineData("Engine.Router", "Filled.add")]
    [InlineData("Engine.Book", ".ctor")]
    [InlineData("Engine.Book", "Reset")]
    [InlineData("Engine.Book", "Apply")]
    [InlineData("Engine.Book", "Levels.get")]
    [InlineData("Engine.Book+Side+Level", "Update")]
    public void IsHotPath_AttributeOnMemberPropertyOrContainingType_IsTrue(string type, string member)
    {
        var compilation = fixture.Compile(Marked);

        Assert.True(IsHotPath(compilation, Member(compilation, type, member), s_noOptions));
    }

    [Theory]
    [InlineData("Engine.Router", "Cold")]
    [InlineData("Engine.Router", "Hinted")]
    [InlineData("Engine.Router", "ReturnOnly")]
    [InlineData("Engine.Router", "ColdDepth.set")]
    [InlineData("Engine.Reports", "Write")]
    public void IsHotPath_NoHotPathAttributeInReach_IsFalse(string type, string member)
    {
        var compilation = fixture.Compile(Marked);

        Assert.False(IsHotPath(compilation, Member(compilation, type, member), s_noOptions));
    }

    // Lambdas and local functions are judged by their own declaration, never their container's.
    [Fact]
    public void IsHotPath_NestedFunctionsOfAHotMethod_CountOnlyByTheirOwnAttribute()
    {
        var compilation = fixture.Compile(Marked);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        ISymbol LocalFunction(string name) => model.GetDeclaredSymbol(
            root.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Single(f => f.Identifier.Text == name))!;
        var withNested = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "WithNested");
        var lambda = model.GetSymbolInfo(withNested.DescendantNodes().OfType<LambdaExpressionSyntax>().Single()).Symbol!;

        Assert.False(IsHotPath(compilation, LocalFunction("Inline"), s_noOptions));
        Assert.False(IsHotPath(compilation, lambda, s_noOptions));
        Assert.True(IsHotPath(compilation, LocalFunction("Marked"), s_noOptions));
    }

    [Fact]
    public void IsHotPath_NestedFunctionsInAHotType_CountOnlyByTheirOwnAttribute()
    {
        var compilation = fixture.Compile(Marked);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var rebuild = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Rebuild");
        var sweep = model.GetDeclaredSymbol(rebuild.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Single())!;
        var lambda = model.GetSymbolInfo(rebuild.DescendantNodes().OfType<LambdaExpressionSyntax>().Single()).Symbol!;

        Assert.True(IsHotPath(compilation, model.GetDeclaredSymbol(rebuild)!, s_noOptions));
        Assert.False(IsHotPath(compilation, sweep, s_noOptions));
        Assert.False(IsHotPath(compilation, lambda, s_noOptions));
    }

    [Theory]
    [InlineData("LowLatency")]
    [InlineData("LowLatencyAttribute")]
    [InlineData("Vendor.Diagnostics.LowLatency")]
    public void IsHotPath_ConfiguredAttribute_IsTrue(string configured)
    {
        var compilation = fixture.Compile(Configured);
        var options = TestAnalyzerConfigOptionsProvider.Options((ReadinessOptions.HotPathAttributesKey, configured));

        Assert.True(IsHotPath(compilation, Member(compilation, "Engine.Quotes.Pricer", "Reprice"), options));
        Assert.False(IsHotPath(compilation, Member(compilation, "Engine.Quotes.Pricer", "Audit"), options));
        Assert.False(IsHotPath(compilation, Member(compilation, "Engine.Quotes.Pricer", "Reprice"), s_noOptions));
    }

    // A namespace prefix matches whole segments: Engine.Fast covers Engine.Fast.Lane, not Engine.FastLane.
    [Theory]
    [InlineData("Engine.Fast.Matcher", "Match", true)]
    [InlineData("Engine.Fast.Lane.Router", "Route", true)]
    [InlineData("Engine.FastLane.Router", "Route", false)]
    [InlineData("Engine.Gateway", "Send", false)]
    [InlineData("Other.QuoteHandler", "OnQuote", false)]
    public void IsHotPath_ConfiguredNamespace_MatchesWholeSegments(string type, string member, bool expected)
    {
        var compilation = fixture.Compile(Configured);
        var options = TestAnalyzerConfigOptionsProvider.Options((ReadinessOptions.HotPathNamespacesKey, "Engine.Fast"));

        Assert.Equal(expected, IsHotPath(compilation, Member(compilation, type, member), options));
    }

    [Theory]
    [InlineData("Engine.Quotes.QuoteHandler", "OnQuote", true)]
    [InlineData("Engine.Quotes.QuoteHandler+Parser", "Parse", true)]
    [InlineData("Engine.Quotes.QuoteHandler`1", "OnQuote", true)]
    [InlineData("Other.QuoteHandler", "OnQuote", true)]
    [InlineData("Engine.Quotes.QuoteHandlerFactory", "Create", false)]
    [InlineData("Engine.Quotes.Pricer", "Audit", false)]
    public void IsHotPath_ConfiguredSimpleTypeName_MatchesThatNameInAnyNamespace(string type, string member, bool expected)
    {
        var compilation = fixture.Compile(Configured);
        var options = TestAnalyzerConfigOptionsProvider.Options((ReadinessOptions.HotPathTypesKey, "QuoteHandler"));

        Assert.Equal(expected, IsHotPath(compilation, Member(compilation, type, member), options));
    }

    [Theory]
    [InlineData("Engine.Quotes.QuoteHandler", "OnQuote", true)]
    [InlineData("Engine.Quotes.QuoteHandler+Parser", "Parse", true)]
    [InlineData("Engine.Quotes.QuoteHandler`1", "OnQuote", true)]
    [InlineData("Other.QuoteHandler", "OnQuote", false)]
    [InlineData("Engine.Quotes.QuoteHandlerFactory", "Create", false)]
    public void IsHotPath_ConfiguredQualifiedTypeName_MatchesOnlyThatType(string type, string member, bool expected)
    {
        var compilation = fixture.Compile(Configured);
        var options = TestAnalyzerConfigOptionsProvider.Options((ReadinessOptions.HotPathTypesKey, "Engine.Quotes.QuoteHandler"));

        Assert.Equal(expected, IsHotPath(compilation, Member(compilation, type, member), options));
    }

    [Fact]
    public void IsHotPath_OptionsOfTheTreeAnalysed_AreTheOnesUsed()
    {
        var compilation = fixture.Compile(
            OutputKind.DynamicallyLinkedLibrary,
            ("Fast/Matcher.cs", "namespace Engine.Fast { public sealed class Matcher { public void Match() { } } }"),
            ("Reports/Daily.cs", "namespace Engine.Reports { public sealed class Daily { public void Write() { } } }"));
        var provider = new TestAnalyzerConfigOptionsProvider()
            .With("Fast/Matcher.cs", new TestAnalyzerConfigOptions((ReadinessOptions.HotPathTypesKey, "Matcher")));
        var hotPath = new HotPath(new ReadinessOptions.Cache(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider)));
        var match = Member(compilation, "Engine.Fast.Matcher", "Match");

        Assert.True(hotPath.IsHotPath(match, compilation.SyntaxTrees.Single(t => t.FilePath == "Fast/Matcher.cs")));
        Assert.False(hotPath.IsHotPath(match, compilation.SyntaxTrees.Single(t => t.FilePath == "Reports/Daily.cs")));
    }

    private static bool IsHotPath(Compilation compilation, ISymbol member, AnalyzerOptions options)
    {
        var tree = member.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree ?? compilation.SyntaxTrees.Single();
        return new HotPath(new ReadinessOptions.Cache(options)).IsHotPath(member, tree);
    }

    // "Name", "Property.get" / ".set", "Event.add", ".ctor".
    private static ISymbol Member(Compilation compilation, string typeMetadataName, string member)
    {
        var type = compilation.GetTypeByMetadataName(typeMetadataName);
        Assert.NotNull(type);
        var parts = member.Split('.');
        if (member == ".ctor")
        {
            return Assert.Single(type.InstanceConstructors);
        }

        var symbol = Assert.Single(type.GetMembers(parts[0]));
        return (symbol, parts.Length > 1 ? parts[1] : null) switch
        {
            (IPropertySymbol property, "get") => property.GetMethod!,
            (IPropertySymbol property, "set") => property.SetMethod!,
            (IEventSymbol @event, "add") => @event.AddMethod!,
            (_, null) => symbol,
            _ => throw new System.ArgumentException("unknown accessor: " + member, nameof(member)),
        };
    }
}
