using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using ReadinessAnalyzers.CodeFixes.Shared;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>RDY106: <c>_ = SendAsync();</c> → <c>await SendAsync();</c> inside async functions.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DroppedTaskCodeFixProvider)), Shared]
public sealed class DroppedTaskCodeFixProvider : CodeFixProvider
{
    private const string AwaitTask = RuleIds.DroppedTask + ".AwaitTask";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DroppedTask);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Only a discard can become an await as it stands; a dropped expression statement is
            // reported exactly where await is not possible (CS4014 covers the rest).
            if (!diagnostic.Properties.ContainsKey(DroppedTaskAnalyzer.DiscardProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax call
                || call.Parent is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
                || discard.Right != call
                || !AwaitSite.CanAwait(discard))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Await the task", ct => AwaitAsync(context.Document, discard, call, ct), equivalenceKey: AwaitTask),
                diagnostic);
        }
    }

    private static async Task<Document> AwaitAsync(Document document, AssignmentExpressionSyntax discard, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var awaited = SyntaxFactory.AwaitExpression(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                call.WithoutTrivia())
            .WithTriviaFrom(discard);
        editor.ReplaceNode(discard, awaited);
        return editor.GetChangedDocument();
    }
}
