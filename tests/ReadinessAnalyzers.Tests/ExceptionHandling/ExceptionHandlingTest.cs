using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.ExceptionHandlingAnalyzer, ReadinessAnalyzers.CodeFixes.ExceptionHandlingCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.ExceptionHandling;

/// <summary>
/// RDY401/RDY402 test runs with a second file that declares the slice of Microsoft.Extensions.Logging
/// the rules and the logging fix use: the .NET 8 reference assemblies do not include it.
/// </summary>
internal static class ExceptionHandlingTest
{
    public const string LoggingFile = "Logging.cs";

    public const string Logging = """
        namespace Microsoft.Extensions.Logging
        {
            public interface ILogger
            {
                bool IsEnabled(int level);
            }

            public interface ILogger<out TCategoryName> : ILogger
            {
            }

            public static class LoggerExtensions
            {
                public static void LogError(this ILogger logger, System.Exception exception, string message, params object[] args) { }
                public static void LogWarning(this ILogger logger, System.Exception exception, string message, params object[] args) { }
                public static void LogWarning(this ILogger logger, string message, params object[] args) { }
                public static void LogInformation(this ILogger logger, string message, params object[] args) { }
            }
        }
        """;

    /// <summary>Reports exactly the markup's diagnostics (and <paramref name="expected"/>), with the logging file.</summary>
    public static Task AnalyzeAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add((LoggingFile, Logging));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies the fix registered under <paramref name="equivalenceKey"/> (the first one when null),
    /// alone and as Fix All, and expects <paramref name="fixedSource"/>.</summary>
    public static Task FixAsync(string source, string fixedSource, string? equivalenceKey = null, bool withLogging = true)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };

        // Markup in the fixed source names what must still be reported after the fix (the other rule).
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        if (withLogging)
        {
            test.TestState.Sources.Add((LoggingFile, Logging));
            test.FixedState.Sources.Add((LoggingFile, Logging));
        }

        return test.RunAsync();
    }
}
