using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace ReadinessAnalyzers.CodeFixes.Shared;

/// <summary>
/// A <c>const</c> whose initializer a fix replaces with a value read at run time has to stop being one:
/// a field becomes <c>static readonly</c>, a local a plain local. That compiles only when no use of it
/// needs a constant.
/// </summary>
internal static class ConstDemotion
{
    /// <summary>True when every use of the constant declared by <paramref name="declarator"/> still
    /// compiles once it is a variable: none stands in an attribute argument, a case label or pattern,
    /// an enum member, a parameter's default value or another constant's initializer.</summary>
    public static async Task<bool> CanDemoteAsync(Document document, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declarator, cancellationToken) is not { } symbol
            || symbol.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var root = location.Document is null ? null : await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is null || NeedsConstant(node))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary><c>const</c> → <c>static readonly</c> on a field, <c>const</c> removed from a local;
    /// any other node, or one already demoted, comes back unchanged (Fix All may visit it twice).</summary>
    public static SyntaxNode Demote(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case FieldDeclarationSyntax field when field.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var index and >= 0:
                var constToken = field.Modifiers[index];
                var @static = SyntaxFactory.Token(constToken.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
                var @readonly = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, constToken.TrailingTrivia);
                return field.WithModifiers(field.Modifiers.RemoveAt(index).Insert(index, @readonly).Insert(index, @static));
            case LocalDeclarationStatementSyntax local when local.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var index and >= 0:
                // `const` carried the statement's indentation when it came first.
                var leading = local.GetLeadingTrivia();
                return local.WithModifiers(local.Modifiers.RemoveAt(index)).WithLeadingTrivia(leading);
            default:
                return declaration;
        }
    }

    private static bool NeedsConstant(SyntaxNode reference)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case PatternSyntax:
                case EnumMemberDeclarationSyntax:
                case ParameterSyntax:
                    return true;
                case VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return true;
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
