using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Whether a rule may report anything in a compilation. The compiler skips an analyzer whose every rule
/// is turned off; a family that holds several rules asks this at compilation start, so that one of its
/// rules turned off everywhere (the Minimal preset turns off RDY203–RDY204 but keeps RDY301) costs
/// nothing either. It answers "off" only when no setting can turn the rule on: not the descriptor's
/// default, not the command line or a ruleset, not a global config, not any file's <c>.editorconfig</c>
/// section. A rule it keeps on wrongly costs time; one it turned off wrongly would lose findings.
/// </summary>
internal static class RuleSwitch
{
    /// <summary>True unless every setting that applies to the compilation turns the rule off.</summary>
    public static bool IsOn(Compilation compilation, DiagnosticDescriptor rule, CancellationToken cancellationToken)
    {
        // A value of Default sets nothing: the next setting, and in the end the descriptor, decides.
        var options = compilation.Options;
        var provider = options.SyntaxTreeOptionsProvider;
        var specific = options.SpecificDiagnosticOptions.TryGetValue(rule.Id, out var value) ? value : ReportDiagnostic.Default;
        var global = provider is not null && provider.TryGetGlobalDiagnosticValue(rule.Id, cancellationToken, out value) ? value : ReportDiagnostic.Default;
        if (TurnsOn(specific) || TurnsOn(global)
            || (specific == ReportDiagnostic.Default && global == ReportDiagnostic.Default && rule.IsEnabledByDefault))
        {
            return true;
        }

        if (provider is null)
        {
            return false;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            // One folder's .editorconfig may turn on what the rest of the project turns off.
            if (provider.TryGetDiagnosticValue(tree, rule.Id, cancellationToken, out value)
                && (TurnsOn(value) || (value == ReportDiagnostic.Default && rule.IsEnabledByDefault)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <see cref="IsOn"/> holds for either rule.</summary>
    public static bool IsOn(Compilation compilation, DiagnosticDescriptor rule, DiagnosticDescriptor other, CancellationToken cancellationToken)
        => IsOn(compilation, rule, cancellationToken) || IsOn(compilation, other, cancellationToken);

    private static bool TurnsOn(ReportDiagnostic value)
        => value is not (ReportDiagnostic.Default or ReportDiagnostic.Suppress);
}
