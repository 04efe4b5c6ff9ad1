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
        => Assert.True(TestProject.IsTestProject(Types(framework), Options()));

    [Fact]
    public void ProductionCode_IsNotATestProject()
        => Assert.False(TestProject.IsTestProject(Types("class Engine { }"), Options()));

    [Theory]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("false", false)]
    public void IsTestProjectBuildProperty_IsRead(string value, bool expected)
        => Assert.Equal(expected, TestProject.IsTestProject(Types("class Engine { }"), Options(TestProject.IsTestProjectKey, value)));

    private static WellKnownTypes Types(string source)
        => WellKnownTypes.GetOrCreate(CSharpCompilation.Create(
            "T", new[] { CSharpSyntaxTree.ParseText(source) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }));

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
