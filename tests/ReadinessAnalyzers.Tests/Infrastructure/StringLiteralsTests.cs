using System.Linq;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class StringLiteralsTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    [Fact]
    public void TextOf_IsTheTextOfStringLiteralsOnly()
    {
        var compilation = fixture.Compile("""
            sealed class Venue
            {
                string Url() => "wss://stream.example.com";
                string Empty() => "";
                decimal Tick() => 0.01m;
                int Depth() => 10;
                bool Live() => true;
                string? None() => null;
                char Side() => 'B';
            }
            """);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var texts = tree.GetRoot().DescendantNodes()
            .Select(node => model.GetOperation(node))
            .OfType<ILiteralOperation>()
            .Select(StringLiterals.TextOf)
            .ToList();

        Assert.Equal(["wss://stream.example.com", "", null, null, null, null, null], texts);
    }
}
