using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Knows when a task is already complete at a use site in the same function, so reading its result
/// does not block: after a dominating <c>await t</c> or <c>await Task.WhenAll(.., t, ..)</c> with no
/// reassignment of <c>t</c> in between; inside <c>if (t.IsCompleted…)</c> or after an early-exit guard on
/// it; and for tasks created complete (<c>Task.FromResult(x)</c>, <c>Task.CompletedTask</c>).
/// The analysis is syntactic over one function body and errs towards "not known complete".
/// </summary>
internal static class TaskCompletion
{
    /// <summary>
    /// True when the task expression <paramref name="task"/>, read at <paramref name="use"/>, is known
    /// to be complete there.
    /// </summary>
    public static bool IsKnownComplete(ExpressionSyntax task, SyntaxNode use, SemanticModel model, CancellationToken cancellationToken)
    {
        task = StripParentheses(task);
        if (IsCreatedComplete(task, model, cancellationToken))
        {
            return true;
        }

        if (GetTrackedSymbol(task, model, cancellationToken) is not { } symbol)
        {
            // tasks[i] or a foreach variable over tasks: complete once the whole collection was awaited.
            return GetCollectionOfElement(task, model, cancellationToken) is { } collection
                && IsAwaitedBefore(collection, use, allowSingleAwait: false, model, cancellationToken);
        }

        return IsGuardedByCompletionCheck(symbol, use, model, cancellationToken)
            || IsAwaitedBefore(symbol, use, allowSingleAwait: true, model, cancellationToken)
            || (GetForEachCollection(symbol, cancellationToken) is { } elementsOf
                && (GetTrackedSymbol(elementsOf, model, cancellationToken) ?? GetCollectionOfSubset(elementsOf, model, cancellationToken)) is { } awaitedCollection
                && IsAwaitedBefore(awaitedCollection, use, allowSingleAwait: false, model, cancellationToken))
            || (GetCollectionOfElementLocal(symbol, model, cancellationToken) is { } heldCollection
                && IsAwaitedBefore(heldCollection, use, allowSingleAwait: false, model, cancellationToken));
    }

    /// <summary>The operation form of <see cref="IsKnownComplete(ExpressionSyntax, SyntaxNode, SemanticModel, CancellationToken)"/>.</summary>
    public static bool IsKnownComplete(IOperation task, IOperation use, CancellationToken cancellationToken)
        => task.Syntax is ExpressionSyntax taskSyntax
           && task.SemanticModel is { } model
           && IsKnownComplete(taskSyntax, use.Syntax, model, cancellationToken);

    /// <summary><c>t.ConfigureAwait(…)</c> → <c>t</c>: the task a configured awaiter waits for.</summary>
    public static IOperation StripConfigureAwait(IOperation awaited)
        => awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task } ? task : awaited;

    private static bool IsCreatedComplete(ExpressionSyntax task, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (task)
        {
            case InvocationExpressionSyntax invocation
                when model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { IsStatic: true } method:
                return method.Name is "FromResult" or "FromException" or "FromCanceled"
                    && IsTaskType(method.ContainingType);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" } access:
                return model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol { IsStatic: true } property
                    && IsTaskType(property.ContainingType);
            case BaseObjectCreationExpressionSyntax creation
                when model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor:
                // new ValueTask<T>(value) holds a result; new ValueTask<T>(task) does not.
                return constructor.ContainingType is { Name: "ValueTask" } valueTask
                    && IsTaskType(valueTask)
                    && constructor.Parameters.Length == 1
                    && constructor.OriginalDefinition.Parameters[0].Type is ITypeParameterSymbol;
            case DefaultExpressionSyntax:
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.DefaultLiteralExpression }:
                return true; // default(ValueTask<T>) is a completed ValueTask
            default:
                return false;
        }
    }

    private static bool IsTaskType(INamedTypeSymbol? type)
        => type is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    // The symbols whose value we can follow through a function: locals, parameters, and fields read
    // as `f` or `this.f`.
    private static ISymbol? GetTrackedSymbol(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        expression = StripParentheses(expression);
        if (expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess)
        {
            expression = thisAccess.Name;
        }

        if (expression is not IdentifierNameSyntax)
        {
            return null;
        }

        return model.GetSymbolInfo(expression, cancellationToken).Symbol switch
        {
            ILocalSymbol local => local,
            IParameterSymbol parameter => parameter,
            IFieldSymbol field => field,
            _ => null,
        };
    }

    // tasks[i], tasks.First(…), tasks.Where(…).LastOrDefault(), tasks.ElementAt(2): an element of `tasks`.
    private static ISymbol? GetCollectionOfElement(ExpressionSyntax task, SemanticModel model, CancellationToken cancellationToken)
    {
        task = StripParentheses(task);
        if (task is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed)
        {
            task = StripParentheses(suppressed.Operand);
        }

        switch (task)
        {
            case ElementAccessExpressionSyntax element:
                return GetTrackedSymbol(element.Expression, model, cancellationToken);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                when IsElementOperator(access.Name.Identifier.ValueText):
                var source = StripParentheses(access.Expression);
                while (source is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner }
                       && IsSubsetOperator(inner.Name.Identifier.ValueText))
                {
                    source = StripParentheses(inner.Expression);
                }

                return GetTrackedSymbol(source, model, cancellationToken);
            default:
                return null;
        }
    }

    // foreach (var t in tasks.Where(…)): the subset of an awaited collection is awaited too.
    private static ISymbol? GetCollectionOfSubset(ExpressionSyntax source, SemanticModel model, CancellationToken cancellationToken)
    {
        source = StripParentheses(source);
        while (source is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner }
               && IsSubsetOperator(inner.Name.Identifier.ValueText))
        {
            source = StripParentheses(inner.Expression);
        }

        return GetTrackedSymbol(source, model, cancellationToken);
    }

    private static bool IsElementOperator(string name)
        => name is "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault"
            or "ElementAt" or "ElementAtOrDefault";

    private static bool IsSubsetOperator(string name)
        => name is "Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Skip" or "Take"
            or "SkipWhile" or "TakeWhile" or "Reverse" or "Distinct" or "AsEnumerable" or "ToList" or "ToArray";

    // A local that holds an element of a collection: `var error = tasks.FirstOrDefault(…)`, never written again.
    private static ISymbol? GetCollectionOfElementLocal(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        if (symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || GetCollectionOfElement(initializer, model, cancellationToken) is not { } collection)
        {
            return null;
        }

        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.Parent;
        return scope is not null && !IsWrittenAnywhere(symbol, scope, model, cancellationToken) ? collection : null;
    }

    private static bool IsWrittenAnywhere(ISymbol symbol, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in scope.DescendantNodes())
        {
            ExpressionSyntax? written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword or (int)SyntaxKind.RefKeyword } argument => argument.Expression,
                _ => null,
            };
            if (written is not null && WritesTo(written, symbol, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax? GetForEachCollection(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is ForEachStatementSyntax forEach
            ? forEach.Expression
            : null;
    }

    private static bool IsAwaitedBefore(ISymbol symbol, SyntaxNode use, bool allowSingleAwait, SemanticModel model, CancellationToken cancellationToken)
    {
        var body = GetFunctionBody(use);
        if (body is null)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes(descendIntoChildren: n => n == body || !IsFunction(n)))
        {
            if (node is not AwaitExpressionSyntax awaitExpression
                || awaitExpression.Span.End > use.SpanStart
                || !Completes(awaitExpression.Expression, symbol, allowSingleAwait, model, cancellationToken)
                || !Dominates(awaitExpression, use, body)
                || IsReassignedBetween(symbol, awaitExpression, use, body, model, cancellationToken))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    // await t, await t.ConfigureAwait(..), await t.WaitAsync(..), await Task.WhenAll(.., t, ..) or Task.WhenAll(tasks).
    private static bool Completes(ExpressionSyntax awaited, ISymbol symbol, bool allowSingleAwait, SemanticModel model, CancellationToken cancellationToken)
    {
        awaited = StripAwaitDecorations(awaited);
        if (allowSingleAwait && IsReferenceTo(awaited, symbol, model, cancellationToken))
        {
            return true;
        }

        if (awaited is not InvocationExpressionSyntax whenAll
            || model.GetSymbolInfo(whenAll, cancellationToken).Symbol is not IMethodSymbol { Name: "WhenAll" } method
            || !IsTaskType(method.ContainingType))
        {
            return false;
        }

        foreach (var argument in whenAll.ArgumentList.Arguments)
        {
            if (IsReferenceTo(argument.Expression, symbol, model, cancellationToken))
            {
                return true;
            }

            var elements = StripParentheses(argument.Expression) switch
            {
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
                _ => default,
            };
            foreach (var element in elements)
            {
                if (IsReferenceTo(element, symbol, model, cancellationToken))
                {
                    return true;
                }
            }

            if (argument.Expression is CollectionExpressionSyntax collection)
            {
                foreach (var item in collection.Elements)
                {
                    if (item is ExpressionElementSyntax expressionElement
                        && IsReferenceTo(expressionElement.Expression, symbol, model, cancellationToken))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static ExpressionSyntax StripAwaitDecorations(ExpressionSyntax awaited)
    {
        awaited = StripParentheses(awaited);
        while (awaited is InvocationExpressionSyntax
               {
                   Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" or "WaitAsync" } decorated,
               })
        {
            awaited = StripParentheses(decorated.Expression);
        }

        return awaited;
    }

    private static bool IsReferenceTo(ExpressionSyntax expression, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        => GetTrackedSymbol(expression, model, cancellationToken) is { } referenced
           && SymbolEqualityComparer.Default.Equals(referenced, symbol);

    // The await runs on every path that reaches the use: it is not under a condition inside its own
    // statement, and that statement sits in a block (or switch section) that also holds the use.
    private static bool Dominates(AwaitExpressionSyntax awaitExpression, SyntaxNode use, SyntaxNode body)
    {
        SyntaxNode child = awaitExpression;
        for (var parent = awaitExpression.Parent; parent is not null && parent != body; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ConditionalExpressionSyntax conditional when child != conditional.Condition:
                case BinaryExpressionSyntax binary when child == binary.Right
                    && binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression:
                case ConditionalAccessExpressionSyntax access when child == access.WhenNotNull:
                case AssignmentExpressionSyntax assignment when child == assignment.Right && assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression):
                case SwitchExpressionArmSyntax:
                    return false;
                case StatementSyntax statement:
                    return statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
                        && (statement.Parent is GlobalStatementSyntax
                            ? use.SyntaxTree == statement.SyntaxTree
                            : statement.Parent.Span.Contains(use.Span));
            }
        }

        // An expression-bodied function: the await is evaluated before anything after it.
        return true;
    }

    // A write to the symbol after the await and before the use, or inside a loop around the use that
    // does not also hold the await, makes the task at the use a different one.
    private static bool IsReassignedBetween(ISymbol symbol, SyntaxNode start, SyntaxNode use, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in body.DescendantNodes())
        {
            ExpressionSyntax? written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword or (int)SyntaxKind.RefKeyword } argument => argument.Expression,
                _ => null,
            };
            if (written is null || !WritesTo(written, symbol, model, cancellationToken))
            {
                continue;
            }

            if (node.SpanStart > start.Span.End && node.SpanStart < use.SpanStart)
            {
                return true;
            }

            for (var loop = use.Parent; loop is not null && loop != body; loop = loop.Parent)
            {
                if (IsLoop(loop) && loop.Span.Contains(node.Span) && !loop.Span.Contains(start.Span))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool WritesTo(ExpressionSyntax written, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        if (IsReferenceTo(written, symbol, model, cancellationToken))
        {
            return true;
        }

        if (written is TupleExpressionSyntax tuple)
        {
            foreach (var argument in tuple.Arguments)
            {
                if (WritesTo(argument.Expression, symbol, model, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsGuardedByCompletionCheck(ISymbol symbol, SyntaxNode use, SemanticModel model, CancellationToken cancellationToken)
    {
        var body = GetFunctionBody(use);
        if (body is null)
        {
            return false;
        }

        SyntaxNode child = use;
        for (var parent = use.Parent; parent is not null && child != body; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IfStatementSyntax ifStatement when child == ifStatement.Statement
                    && ImpliesComplete(ifStatement.Condition, whenValue: true, symbol, model, cancellationToken):
                case ElseClauseSyntax { Parent: IfStatementSyntax elseOf }
                    when ImpliesComplete(elseOf.Condition, whenValue: false, symbol, model, cancellationToken):
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue
                    && ImpliesComplete(conditional.Condition, whenValue: true, symbol, model, cancellationToken):
                case ConditionalExpressionSyntax conditionalElse when child == conditionalElse.WhenFalse
                    && ImpliesComplete(conditionalElse.Condition, whenValue: false, symbol, model, cancellationToken):
                case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression) && child == conjunction.Right
                    && ImpliesComplete(conjunction.Left, whenValue: true, symbol, model, cancellationToken):
                case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression) && child == disjunction.Right
                    && ImpliesComplete(disjunction.Left, whenValue: false, symbol, model, cancellationToken):
                    // The guard proves the task it tested, not one assigned after it.
                    if (!IsReassignedBetween(symbol, GuardCondition(parent), use, body, model, cancellationToken))
                    {
                        return true;
                    }

                    break;
                case BlockSyntax block when child is StatementSyntax statement
                    && HasEarlyExitGuardBefore(block, statement, symbol, use, body, model, cancellationToken):
                    return true;
            }

            if (parent == body)
            {
                break;
            }
        }

        return false;
    }

    private static SyntaxNode GuardCondition(SyntaxNode guard) => guard switch
    {
        IfStatementSyntax ifStatement => ifStatement.Condition,
        ElseClauseSyntax { Parent: IfStatementSyntax elseOf } => elseOf.Condition,
        ConditionalExpressionSyntax conditional => conditional.Condition,
        BinaryExpressionSyntax binary => binary.Left,
        _ => guard,
    };

    // `if (!t.IsCompleted) { return …; }` or `if (!t.IsCompleted) await t;` or `while (!t.IsCompleted) …`
    // earlier in the same block: past it, the task is complete.
    private static bool HasEarlyExitGuardBefore(BlockSyntax block, StatementSyntax current, ISymbol symbol, SyntaxNode use, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var statement in block.Statements)
        {
            if (statement == current)
            {
                return false;
            }

            var guarded = statement switch
            {
                IfStatementSyntax { Else: null } guard => ImpliesComplete(guard.Condition, whenValue: false, symbol, model, cancellationToken)
                    && (CannotFallThrough(guard.Statement) || AwaitsFirst(guard.Statement, symbol, model, cancellationToken)),
                WhileStatementSyntax loop => ImpliesComplete(loop.Condition, whenValue: false, symbol, model, cancellationToken)
                    && !CanBreakOut(loop.Statement),
                _ => false,
            };
            if (guarded && !IsReassignedBetween(symbol, statement, use, body, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    // A break (or goto) that leaves the loop ends it with the task possibly still running.
    private static bool CanBreakOut(StatementSyntax loopBody)
    {
        foreach (var node in loopBody.DescendantNodesAndSelf(descendIntoChildren: n => n == loopBody || !(IsLoop(n) || n is SwitchStatementSyntax || IsFunction(n))))
        {
            if (node is BreakStatementSyntax or GotoStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CannotFallThrough(StatementSyntax statement)
    {
        while (statement is BlockSyntax { Statements.Count: > 0 } block)
        {
            statement = block.Statements[block.Statements.Count - 1];
        }

        return statement is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax
            or ContinueStatementSyntax or GotoStatementSyntax
            || statement is ExpressionStatementSyntax { Expression: ThrowExpressionSyntax };
    }

    private static bool AwaitsFirst(StatementSyntax statement, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statement is BlockSyntax { Statements.Count: > 0 } block)
        {
            statement = block.Statements[0];
        }

        return statement is ExpressionStatementSyntax { Expression: AwaitExpressionSyntax awaitExpression }
            && IsReferenceTo(StripAwaitDecorations(awaitExpression.Expression), symbol, model, cancellationToken);
    }

    // Does `condition` evaluating to `whenValue` prove the task complete?
    private static bool ImpliesComplete(ExpressionSyntax condition, bool whenValue, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        condition = StripParentheses(condition);
        switch (condition)
        {
            case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                return ImpliesComplete(negation.Operand, !whenValue, symbol, model, cancellationToken);
            case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression) && whenValue:
                return ImpliesComplete(conjunction.Left, true, symbol, model, cancellationToken)
                    || ImpliesComplete(conjunction.Right, true, symbol, model, cancellationToken);
            case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression) && !whenValue:
                return ImpliesComplete(disjunction.Left, false, symbol, model, cancellationToken)
                    || ImpliesComplete(disjunction.Right, false, symbol, model, cancellationToken);
            case MemberAccessExpressionSyntax access when whenValue:
                return access.Name.Identifier.ValueText is "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled"
                    && IsReferenceTo(access.Expression, symbol, model, cancellationToken);
            case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression) && whenValue:
                return IsFinishedStatus(equals.Left, equals.Right, symbol, model, cancellationToken)
                    || IsFinishedStatus(equals.Right, equals.Left, symbol, model, cancellationToken);
            default:
                return false;
        }
    }

    private static bool IsFinishedStatus(ExpressionSyntax statusRead, ExpressionSyntax value, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        => statusRead is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Status" } status
           && IsReferenceTo(status.Expression, symbol, model, cancellationToken)
           && value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RanToCompletion" or "Faulted" or "Canceled" };

    private static SyntaxNode? GetFunctionBody(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.Body;
                case LocalFunctionStatementSyntax { Body: { } body }:
                    return body;
                case LocalFunctionStatementSyntax { ExpressionBody: { } arrow }:
                    return arrow;
                case BaseMethodDeclarationSyntax { Body: { } body }:
                    return body;
                case BaseMethodDeclarationSyntax { ExpressionBody: { } arrow }:
                    return arrow;
                case AccessorDeclarationSyntax { Body: { } body }:
                    return body;
                case AccessorDeclarationSyntax { ExpressionBody: { } arrow }:
                    return arrow;
                case ArrowExpressionClauseSyntax arrow when arrow.Parent is PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                    return arrow;
                case CompilationUnitSyntax unit:
                    return unit;
            }
        }

        return null;
    }

    // Nested functions (and, under top-level statements, type members) have their own bodies.
    private static bool IsFunction(SyntaxNode node)
        => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
            || (node is MemberDeclarationSyntax && node is not GlobalStatementSyntax);

    private static bool IsLoop(SyntaxNode node)
        => node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax;

    private static ExpressionSyntax StripParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
