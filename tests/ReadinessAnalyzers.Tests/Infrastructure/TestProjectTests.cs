using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class TestProjectTests
{
    [Theory]
    [InlineData("namespace Xunit { public sealed class FactAttribute : System.Attribute { } }")]
    [InlineData("namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }")]
    [InlineData("namespace Microsoft.VisualStudio.TestTools.UnitTesting { public sealed class TestClassAttribute : System.Attribute { } }")]
    [InlineData("namespace TUnit.Core { public sealed class TestAttribute : System.Attribute { } }")]
    public void ReferenceToATestFramework_MarksATestProject(string framework)
        => Assert.True(IsTestProject(Compile(framework), Options()));

    [Fact]
    public void ProductionCode_IsNotATestProject()
        => Assert.False(IsTestProject(Compile("class Engine { }"), Options()));

    [Theory]
    [InlineData("Engine.Tests", true)]
    [InlineData("Engine.UnitTests", true)]
    [InlineData("Strategies.Backtest", false)]
    [InlineData("Engine", false)]
    public void AssemblyNameWithATestSegment_MarksATestProject(string assemblyName, bool expected)
        => Assert.Equal(expected, IsTestProject(Compile("class Engine { }", assemblyName), Options()));

    [Theory]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("false", false)]
    public void IsTestProjectBuildProperty_IsRead(string value, bool expected)
        => Assert.Equal(expected, IsTestProject(Compile("class Engine { }"), Options(TestProject.IsTestProjectKey, value)));

    private static bool IsTestProject(Compilation compilation, AnalyzerOptions options)
        => TestProject.IsTestProject(compilation, WellKnownTypes.GetOrCreate(compilation), options);

    private static CSharpCompilation Compile(string source, string assemblyName = "T")
        => CSharpCompilation.Create(
            assemblyName, new[] { CSharpSyntaxTree.ParseText(source) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

    private static AnalyzerOptions Options(string? key = null, string? value = null)
        => new(ImmutableArray<AdditionalText>.Empty, new Provider(key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [key] = value! }));

    private sealed class Provider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new ConfigOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new ConfigOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new ConfigOptions(new Dictionary<string, string>());
    }

    private sealed class ConfigOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
