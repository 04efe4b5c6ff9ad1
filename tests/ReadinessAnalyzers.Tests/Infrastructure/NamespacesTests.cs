using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>Namespace lists match on whole segments, a namespace and everything nested in it.</summary>
public sealed class NamespacesTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create("ns", new[]
    {
        CSharpSyntaxTree.ParseText("""
            namespace Engine.Ui { class A { } }
            namespace Engine.Ui.Charts { class B { } }
            namespace Engine.UiTests { class C { } }
            namespace Engine { class D { } }
            namespace Other.Engine.Ui { class E { } }
            class F { }
            """),
    });

    [Theory]
    [InlineData("Engine.Ui.A", "Engine.Ui", true)]
    [InlineData("Engine.Ui.Charts.B", "Engine.Ui", true)]
    [InlineData("Engine.Ui.Charts.B", "Engine.Ui.Charts", true)]
    [InlineData("Engine.UiTests.C", "Engine.Ui", false)]
    [InlineData("Engine.D", "Engine.Ui", false)]
    [InlineData("Other.Engine.Ui.E", "Engine.Ui", false)]
    [InlineData("Engine.Ui.A", "global::Engine.Ui", true)]
    [InlineData("Engine.Ui.A", "Engine.", false)]
    [InlineData("F", "Engine", false)]
    public void Prefixes_MatchWholeSegments(string type, string prefix, bool expected)
    {
        var symbol = Compilation.GetTypeByMetadataName(type);
        Assert.NotNull(symbol);
        Assert.Equal(expected, Namespaces.IsInAny(symbol!.ContainingNamespace, ImmutableArray.Create(prefix)));
    }

    [Fact]
    public void EmptyList_MatchesNothing()
    {
        var symbol = Compilation.GetTypeByMetadataName("Engine.Ui.A")!;
        Assert.False(Namespaces.IsInAny(symbol.ContainingNamespace, ImmutableArray<string>.Empty));
        Assert.False(Namespaces.IsInAny(symbol.ContainingNamespace, default));
        Assert.True(Namespaces.IsInAny(symbol.ContainingNamespace, ImmutableArray.Create("Tools", "Engine.Ui")));
    }
}
