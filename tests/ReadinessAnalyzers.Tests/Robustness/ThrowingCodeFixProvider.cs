using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// A deliberately broken fix for RDY101: throws while registering in one file, throws while computing its
/// change in another, and leaves code that does not compile everywhere else. Proves the harness sees all three.
/// </summary>
internal sealed class ThrowingCodeFixProvider : CodeFixProvider
{
    public const string RegistrationMessage = "deliberate registration failure";
    public const string ComputationMessage = "deliberate fix failure";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ThreadSleepOnAsyncPath);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (context.Document.FilePath == Corpus.ProgramSource.Path)
        {
            throw new InvalidOperationException(RegistrationMessage);
        }

        if (context.Document.FilePath == Corpus.RiskEngineSource.Path)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Throw", ThrowAsync, equivalenceKey: "RBT.Throw"),
                context.Diagnostics);
            return Task.CompletedTask;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Break", ct => BreakAsync(context, ct), equivalenceKey: "RBT.Break"),
            context.Diagnostics);
        return Task.CompletedTask;
    }

    private static Task<Document> ThrowAsync(CancellationToken cancellationToken)
        => throw new InvalidOperationException(ComputationMessage);

    private static async Task<Document> BreakAsync(CodeFixContext context, CancellationToken cancellationToken)
    {
        var root = (await context.Document.GetSyntaxRootAsync(cancellationToken))!;
        var node = root.FindNode(context.Span);
        return context.Document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.IdentifierName("undefinedDelay")));
    }
}
