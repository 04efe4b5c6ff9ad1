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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY302: removes the assignment of an accept-everything certificate callback (the statement, or the
/// object-initializer member). RDY303: replaces the protocol expression with <c>Tls12 | Tls13</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransportSecurityCodeFixProvider)), Shared]
public sealed class TransportSecurityCodeFixProvider : CodeFixProvider
{
    private const string RemoveCallbackKey = RuleIds.CertificateValidationDisabled + ".RemoveCallback";
    private const string UseModernProtocolsKey = RuleIds.ObsoleteTlsProtocol + ".UseTls12And13";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.CertificateValidationDisabled, RuleIds.ObsoleteTlsProtocol);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                continue;
            }

            if (diagnostic.Id == RuleIds.CertificateValidationDisabled
                && diagnostic.Properties.ContainsKey(TransportSecurityAnalyzer.RemovableProperty)
                && node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment
                && assignment.Right.Span.Contains(node.Span))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the certificate-validation bypass",
                        ct => RemoveAssignmentAsync(context.Document, assignment, ct), equivalenceKey: RemoveCallbackKey),
                    diagnostic);
            }
            else if (diagnostic.Id == RuleIds.ObsoleteTlsProtocol
                     && diagnostic.Properties.TryGetValue(TransportSecurityAnalyzer.ProtocolTypeProperty, out var protocolType)
                     && protocolType is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{protocolType}.Tls12 | {protocolType}.Tls13'",
                        ct => UseModernProtocolsAsync(context.Document, node, protocolType, ct), equivalenceKey: UseModernProtocolsKey),
                    diagnostic);
            }
        }
    }

    // Text edits rather than node removal: each fix deletes whole lines of its own, so Fix All merges
    // the edits of neighbouring statements, and comments above a removed statement stay in place.
    private static async Task<Document> RemoveAssignmentAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var change = assignment.Parent switch
        {
            InitializerExpressionSyntax initializer => RemoveInitializerMember(initializer, assignment),
            ExpressionStatementSyntax statement => RemoveStatement(statement),
            _ => (TextChange?)null,
        };
        return change is { } edit ? document.WithText(text.WithChanges(edit)) : document;
    }

    private static TextChange RemoveInitializerMember(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax member)
    {
        var expressions = initializer.Expressions;
        var index = expressions.IndexOf(member);
        if (index < expressions.SeparatorCount)
        {
            // `Member = …,` with the line it stands on
            var comma = expressions.GetSeparator(index);
            return new TextChange(TextSpan.FromBounds(DeletionStart(member), comma.FullSpan.End), "");
        }

        if (index > 0)
        {
            // the last member without a trailing comma: take the comma before it
            var previousComma = expressions.GetSeparator(index - 1);
            return new TextChange(TextSpan.FromBounds(previousComma.SpanStart, member.Span.End), "");
        }

        return new TextChange(TextSpan.FromBounds(DeletionStart(member), member.FullSpan.End), "");
    }

    // `if (testnet) { handler.Callback = … => true; }` loses the whole `if` when nothing else is in it and
    // its condition has no side effects; a lone embedded statement becomes `{ }`; otherwise the
    // statement goes with its line.
    private static TextChange RemoveStatement(ExpressionStatementSyntax statement)
    {
        var owner = statement.Parent is BlockSyntax { Statements.Count: 1 } block ? block.Parent : statement.Parent;
        if (owner is IfStatementSyntax { Else: null } ifStatement
            && (ifStatement.Statement == statement || ifStatement.Statement == statement.Parent)
            && IsSideEffectFree(ifStatement.Condition)
            && ifStatement.Parent is BlockSyntax or SwitchSectionSyntax
            && !HasComments(ifStatement.Statement, statement))
        {
            return new TextChange(TextSpan.FromBounds(DeletionStart(ifStatement), ifStatement.FullSpan.End), "");
        }

        if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            return new TextChange(TextSpan.FromBounds(DeletionStart(statement), statement.FullSpan.End), "");
        }

        if (statement.Parent is GlobalStatementSyntax global)
        {
            return new TextChange(TextSpan.FromBounds(DeletionStart(global), global.FullSpan.End), "");
        }

        return new TextChange(statement.Span, "{ }");
    }

    // Where a deletion of `node` starts: its full start, after any comment or directive lines in its
    // leading trivia, which stay.
    private static int DeletionStart(SyntaxNode node)
    {
        var start = node.FullSpan.Start;
        var keep = false;
        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsDirective)
            {
                keep = true;
                start = trivia.FullSpan.End;
            }
            else if (keep && trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                start = trivia.FullSpan.End;
            }
        }

        return start;
    }

    // Comments inside the `if` other than on the removed statement would be lost with it.
    private static bool HasComments(SyntaxNode ifBody, SyntaxNode statement)
    {
        foreach (var trivia in ifBody.DescendantTrivia())
        {
            if ((trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                && !statement.FullSpan.Contains(trivia.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSideEffectFree(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsSideEffectFree(member.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsSideEffectFree(parenthesized.Expression),
        PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression) => IsSideEffectFree(unary.Operand),
        BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression
            or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression
            => IsSideEffectFree(binary.Left) && IsSideEffectFree(binary.Right),
        _ => false,
    };

    private static async Task<Document> UseModernProtocolsAsync(Document document, ExpressionSyntax node, string protocolTypeName, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation);
        var protocolType = protocolTypeName == "SslProtocols" ? types.SslProtocols : types.SecurityProtocolType;
        if (protocolType is null)
        {
            return document;
        }

        var g = editor.Generator;
        // Name the enum the way the code already does (`SslProtocols`, `System.Net.SecurityProtocolType`), so
        // the fix adds no using directive; only a bare constant cast needs the generated name.
        var type = (SyntaxNode?)ExistingTypeSyntax(node, protocolType, editor.SemanticModel, cancellationToken)
                   ?? g.TypeExpression(protocolType).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var replacement = g.MemberAccessExpression(type, "Tls12");
        // TLS 1.3 is in .NET Core 3.0+ and .NET Framework 4.8; older targets get TLS 1.2 alone.
        if (!protocolType.GetMembers("Tls13").IsEmpty)
        {
            replacement = g.BitwiseOrExpression(replacement, g.MemberAccessExpression(type, "Tls13"));
        }

        editor.ReplaceNode(node, replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation));
        return editor.GetChangedDocument();
    }

    private static ExpressionSyntax? ExistingTypeSyntax(ExpressionSyntax node, INamedTypeSymbol protocolType, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            ExpressionSyntax? candidate = descendant switch
            {
                MemberAccessExpressionSyntax member => member.Expression,
                CastExpressionSyntax cast => cast.Type,
                _ => null,
            };
            if (candidate is not null
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(candidate, cancellationToken).Symbol, protocolType))
            {
                return candidate.WithoutTrivia();
            }
        }

        return null;
    }
}
