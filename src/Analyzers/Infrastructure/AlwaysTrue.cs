using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Decides whether a predicate delegate (a certificate-validation callback, a CORS origin filter)
/// returns <see langword="true"/> on every path, so that it checks nothing.
/// </summary>
internal static class AlwaysTrue
{
    /// <summary>
    /// True when <paramref name="value"/> is a lambda, anonymous method or method group (possibly inside a
    /// delegate creation or conversion) whose every return is <c>true</c> (a constant, <c>x || true</c>,
    /// <c>c ? true : true</c>). Callbacks that can return anything else have real logic and answer false.
    /// </summary>
    public static bool IsAlwaysTrueDelegate(IOperation? value, CancellationToken cancellationToken)
    {
        value = Unwrap(value);
        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                return AllReturnsAreTrue(lambda.Body);
            case IMethodReferenceOperation reference:
                return MethodAlwaysReturnsTrue(reference.Method, reference.SemanticModel, cancellationToken);
            default:
                return false;
        }
    }

    private static IOperation? Unwrap(IOperation? value)
    {
        while (true)
        {
            switch (value)
            {
                case IDelegateCreationOperation creation:
                    value = creation.Target;
                    break;
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    break;
                default:
                    return value;
            }
        }
    }

    private static bool MethodAlwaysReturnsTrue(IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken)
    {
        var found = false;
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
            if (body is null)
            {
                continue; // a partial declaration without a body, or an abstract member
            }

            // The operation tree is at hand only for the tree being analyzed; elsewhere read the syntax.
            var result = model is not null && body.SyntaxTree == model.SyntaxTree
                         && model.GetOperation(body, cancellationToken) is { } operation
                ? AllReturnsAreTrue(operation)
                : AllReturnsAreTrueSyntax(body);
            if (!result)
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    private static bool AllReturnsAreTrue(IOperation body)
    {
        var any = false;
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is IReturnOperation returned)
            {
                if (returned.ReturnedValue is null || !IsTrue(returned.ReturnedValue))
                {
                    return false;
                }

                any = true;
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }

        return any;
    }

    private static bool IsTrue(IOperation value)
    {
        if (value.ConstantValue is { HasValue: true, Value: true })
        {
            return true;
        }

        return value switch
        {
            IConversionOperation conversion => IsTrue(conversion.Operand),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or
                => IsTrue(or.LeftOperand) || IsTrue(or.RightOperand),
            IConditionalOperation { WhenFalse: { } whenFalse } conditional => IsTrue(conditional.WhenTrue) && IsTrue(whenFalse),
            _ => false,
        };
    }

    private static bool AllReturnsAreTrueSyntax(SyntaxNode body)
    {
        if (body is ArrowExpressionClauseSyntax arrow)
        {
            return IsTrueSyntax(arrow.Expression);
        }

        var any = false;
        foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax returned)
            {
                if (returned.Expression is null || !IsTrueSyntax(returned.Expression))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static bool IsTrueSyntax(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.TrueLiteralExpression),
        ParenthesizedExpressionSyntax parenthesized => IsTrueSyntax(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression)
            => IsTrueSyntax(binary.Left) || IsTrueSyntax(binary.Right),
        ConditionalExpressionSyntax conditional => IsTrueSyntax(conditional.WhenTrue) && IsTrueSyntax(conditional.WhenFalse),
        _ => false,
    };
}
