using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>RDY504: <c>Now</c> → <c>UtcNow</c>, <c>DateTime.Today</c> → <c>DateTime.UtcNow.Date</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WallClockCodeFixProvider)), Shared]
public sealed class WallClockCodeFixProvider : CodeFixProvider
{
    private const string UseUtc = RuleIds.LocalWallClockTime + ".UseUtc";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LocalWallClockTime);

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
            if (!diagnostic.Properties.TryGetValue(WallClockAnalyzer.ReplacementProperty, out var replacement)
                || replacement is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax clock
                || NameOf(clock) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Use '" + replacement + "'",
                    ct => UseUtcAsync(context.Document, clock, replacement == "UtcNow.Date", ct), equivalenceKey: UseUtc),
                diagnostic);
        }
    }

    // DateTime.Now, System.DateTime.Now, or Now under 'using static System.DateTime'.
    private static SimpleNameSyntax? NameOf(ExpressionSyntax clock) => clock switch
    {
        MemberAccessExpressionSyntax access => access.Name,
        IdentifierNameSyntax identifier => identifier,
        _ => null,
    };

    private static async Task<Document> UseUtcAsync(Document document, ExpressionSyntax clock, bool today, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || NameOf(clock) is not { } name)
        {
            return document;
        }

        var utcNow = SyntaxFactory.IdentifierName(SyntaxFactory.Identifier("UtcNow")).WithTriviaFrom(name);
        ExpressionSyntax replacement = clock is MemberAccessExpressionSyntax access
            ? access.WithName(utcNow.WithoutTrailingTrivia())
            : utcNow.WithoutTrailingTrivia();
        if (today)
        {
            replacement = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, replacement, SyntaxFactory.IdentifierName("Date"));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(clock, replacement.WithTrailingTrivia(clock.GetTrailingTrivia())));
    }
}
