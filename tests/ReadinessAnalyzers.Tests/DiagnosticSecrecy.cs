using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ReadinessAnalyzers.Tests;

/// <summary>
/// Runs an analyzer over one source file (.NET 8 reference assemblies) and proves that no diagnostic's
/// message or properties carry a secret: neither the whole secret nor any 4-character piece of it.
/// </summary>
public static class DiagnosticSecrecy
{
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, string source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "TradingEngine",
            [CSharpSyntaxTree.ParseText(source, path: "Engine.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return await compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Every diagnostic's message and properties are free of <paramref name="secret"/> and of every 4-character substring of it.</summary>
    public static void AssertNothingEchoed(ImmutableArray<Diagnostic> diagnostics, string secret)
    {
        foreach (var diagnostic in diagnostics)
        {
            var text = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            foreach (var property in diagnostic.Properties)
            {
                text += "\n" + property.Key + "=" + property.Value;
            }

            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            for (var i = 0; i + 4 <= secret.Length; i++)
            {
                var piece = secret.Substring(i, 4);
                Assert.False(text.Contains(piece, StringComparison.Ordinal), $"'{piece}' of the secret is in the diagnostic: {text}");
            }
        }
    }
}
