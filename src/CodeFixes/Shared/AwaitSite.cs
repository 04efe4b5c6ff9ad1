using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.CodeFixes.Shared;

/// <summary>May a fix put an <c>await</c> at this node and still compile?</summary>
internal static class AwaitSite
{
    /// <summary>
    /// True when <paramref name="node"/> sits directly in an <c>async</c> method, lambda or local function,
    /// or in top-level statements, and not inside a <c>lock</c> body, a query expression, a catch filter or
    /// an <c>unsafe</c> block, where the compiler rejects <c>await</c>.
    /// </summary>
    public static bool CanAwait(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LockStatementSyntax lockStatement when lockStatement.Statement.Span.Contains(node.Span):
                case QueryExpressionSyntax:
                case CatchFilterClauseSyntax:
                case UnsafeStatementSyntax:
                case AttributeSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword) && !localFunction.Modifiers.Any(SyntaxKind.UnsafeKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword) && !method.Modifiers.Any(SyntaxKind.UnsafeKeyword);
                case GlobalStatementSyntax:
                    return true; // top-level statements become an async entry point
                case MemberDeclarationSyntax:
                    return false; // accessors, constructors, operators, initializers: never async
            }
        }

        return false;
    }
}
