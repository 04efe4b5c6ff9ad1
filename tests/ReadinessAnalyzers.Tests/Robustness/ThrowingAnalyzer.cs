using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// A deliberately broken analyzer: proves the harness sees an analyzer exception. Handed to the harness
/// directly, so it carries no [DiagnosticAnalyzer] (that would make the test project an analyzer project, RS1036).
/// </summary>
#pragma warning disable RS1001 // see above: never loaded by a host, only by the harness self-test
internal sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public const string Message = "deliberate analyzer failure";

#pragma warning disable RS2008 // a test double's id never ships, so it has no release to track
    private static readonly DiagnosticDescriptor s_rule = new(
        "RBT001", "Robustness self-test", "Robustness self-test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(OnInvocation, SyntaxKind.InvocationExpression);
    }

    private static void OnInvocation(SyntaxNodeAnalysisContext context)
    {
        if (context.Node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SpinUntil" } })
        {
            throw new InvalidOperationException(Message);
        }
    }
}
#pragma warning restore RS1001
