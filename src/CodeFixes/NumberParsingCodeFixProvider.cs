using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY503: pass <c>CultureInfo.InvariantCulture</c> (with the overload's default <c>NumberStyles</c> where
/// the provider overload needs a style first). RDY502 has no automatic fix: what a failed parse should
/// do is the author's decision.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NumberParsingCodeFixProvider)), Shared]
public sealed class NumberParsingCodeFixProvider : CodeFixProvider
{
    private const string UseInvariantCulture = RuleIds.CultureSensitiveNumberConversion + ".UseInvariantCulture";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.CultureSensitiveNumberConversion);

    // One editor per document: every call's edit lands, nested calls included, and the import is added once.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        if (types.CultureInfo is null || types.NumberStyles is null || types.IFormatProvider is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax call
                || model.GetOperation(call, context.CancellationToken) is not IInvocationOperation invocation
                || Plan(invocation, call, types) is null)
            {
                continue; // named arguments or an overload this framework lacks: no fix beats a wrong one
            }

            context.RegisterCodeFix(
                CodeAction.Create("Pass 'CultureInfo.InvariantCulture'",
                    ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: UseInvariantCulture),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation);
        if (types.CultureInfo is null || types.NumberStyles is null || types.IFormatProvider is null)
        {
            return document;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax call
                && editor.SemanticModel.GetOperation(call, cancellationToken) is IInvocationOperation invocation
                && Plan(invocation, call, types) is { } plan)
            {
                editor.ReplaceNode(call.ArgumentList, (current, g) => Apply((ArgumentListSyntax)current, plan, g, types));
            }
        }

        return editor.GetChangedDocument();
    }

    private enum Edit
    {
        ReplaceNullProvider,
        AddNamedProvider,
        AppendProvider,
        InsertStyleAndProvider,
        InsertProvider,
    }

    private sealed class FixPlan(Edit edit, int index, string? parameterName, SpecialType numberType)
    {
        public Edit Edit { get; } = edit;

        public int Index { get; } = index;

        public string? ParameterName { get; } = parameterName;

        public SpecialType NumberType { get; } = numberType;
    }

    private static FixPlan? Plan(IInvocationOperation invocation, InvocationExpressionSyntax call, WellKnownTypes types)
    {
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument.NameColon is not null)
            {
                return null;
            }
        }

        var method = invocation.TargetMethod;
        foreach (var parameter in method.Parameters)
        {
            if (!WellKnownTypes.Is(parameter.Type, types.IFormatProvider))
            {
                continue;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter, parameter))
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    {
                        return new FixPlan(Edit.AddNamedProvider, -1, parameter.Name, SpecialType.None);
                    }

                    return argument.Syntax is ArgumentSyntax syntax
                        ? new FixPlan(Edit.ReplaceNullProvider, call.ArgumentList.Arguments.IndexOf(syntax), null, SpecialType.None)
                        : null;
                }
            }

            return null;
        }

        // No provider parameter: find the overload with one. TryParse takes (text, style, provider, out
        // result) everywhere; the others take the provider last.
        var wanted = new List<ITypeSymbol>();
        var refKinds = new List<RefKind>();
        foreach (var parameter in method.Parameters)
        {
            wanted.Add(parameter.Type);
            refKinds.Add(parameter.RefKind);
        }

        Edit edit;
        int index;
        if (method.Name == "TryParse" && refKinds.Count > 0 && refKinds[refKinds.Count - 1] == RefKind.Out)
        {
            index = wanted.Count - 1;
            var hasStyle = false;
            foreach (var type in wanted)
            {
                hasStyle |= WellKnownTypes.Is(type, types.NumberStyles);
            }

            if (hasStyle)
            {
                edit = Edit.InsertProvider;
            }
            else
            {
                edit = Edit.InsertStyleAndProvider;
                wanted.Insert(index, types.NumberStyles!);
                refKinds.Insert(index, RefKind.None);
                index++;
            }

            wanted.Insert(index, types.IFormatProvider!);
            refKinds.Insert(index, RefKind.None);
        }
        else
        {
            edit = Edit.AppendProvider;
            index = wanted.Count;
            wanted.Add(types.IFormatProvider!);
            refKinds.Add(RefKind.None);
        }

        if (method.Parameters.Length != call.ArgumentList.Arguments.Count
            || !HasOverload(method, wanted, refKinds))
        {
            return null;
        }

        var numberType = method.ContainingType.SpecialType;
        return new FixPlan(edit, index, null, numberType);
    }

    private static bool HasOverload(IMethodSymbol method, List<ITypeSymbol> wanted, List<RefKind> refKinds)
    {
        foreach (var member in method.ContainingType.GetMembers(method.Name))
        {
            if (member is not IMethodSymbol candidate
                || candidate.IsStatic != method.IsStatic
                || candidate.Parameters.Length != wanted.Count)
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < wanted.Count && matches; i++)
            {
                matches = candidate.Parameters[i].RefKind == refKinds[i]
                          && SymbolEqualityComparer.Default.Equals(candidate.Parameters[i].Type, wanted[i]);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static ArgumentListSyntax Apply(ArgumentListSyntax list, FixPlan plan, SyntaxGenerator g, WellKnownTypes types)
    {
        var invariant = (ExpressionSyntax)g.MemberAccessExpression(
                g.TypeExpression(types.CultureInfo!).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation),
                "InvariantCulture")
            .WithAdditionalAnnotations(Simplifier.Annotation);

        var arguments = list.Arguments;
        switch (plan.Edit)
        {
            case Edit.ReplaceNullProvider:
                var old = arguments[plan.Index];
                arguments = arguments.Replace(old, old.WithExpression(invariant.WithTriviaFrom(old.Expression)));
                break;
            case Edit.AddNamedProvider:
                arguments = Insert(arguments, arguments.Count, SyntaxFactory.Argument(
                    SyntaxFactory.NameColon(plan.ParameterName!), default, invariant));
                break;
            case Edit.AppendProvider:
            case Edit.InsertProvider:
                arguments = Insert(arguments, plan.Index, SyntaxFactory.Argument(invariant));
                break;
            case Edit.InsertStyleAndProvider:
                arguments = Insert(arguments, plan.Index - 1, SyntaxFactory.Argument(Style(g, types.NumberStyles!, plan.NumberType)));
                arguments = Insert(arguments, plan.Index, SyntaxFactory.Argument(invariant));
                break;
        }

        return list.WithArguments(arguments);
    }

    // The style the provider-less overload used: decimal parses NumberStyles.Number, double and float
    // NumberStyles.Float | NumberStyles.AllowThousands. Only the culture changes.
    private static ExpressionSyntax Style(SyntaxGenerator g, INamedTypeSymbol numberStyles, SpecialType numberType)
    {
        SyntaxNode Member(string name) => g.MemberAccessExpression(
            g.TypeExpression(numberStyles).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation), name);

        var style = numberType == SpecialType.System_Decimal
            ? Member("Number")
            : g.BitwiseOrExpression(Member("Float"), Member("AllowThousands"));
        return ((ExpressionSyntax)style).WithAdditionalAnnotations(Simplifier.Annotation);
    }

    // Inserts with a ", " separator, keeping the existing separators and their trivia.
    private static SeparatedSyntaxList<ArgumentSyntax> Insert(SeparatedSyntaxList<ArgumentSyntax> arguments, int index, ArgumentSyntax argument)
    {
        var nodesAndTokens = new List<SyntaxNodeOrToken>();
        var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i == index)
            {
                nodesAndTokens.Add(argument);
                nodesAndTokens.Add(separator);
            }

            nodesAndTokens.Add(arguments[i]);
            if (i < arguments.SeparatorCount)
            {
                nodesAndTokens.Add(arguments.GetSeparator(i));
            }
            else if (i < arguments.Count - 1 || index == arguments.Count)
            {
                nodesAndTokens.Add(separator);
            }
        }

        if (index == arguments.Count)
        {
            nodesAndTokens.Add(argument);
        }

        return SyntaxFactory.SeparatedList<ArgumentSyntax>(nodesAndTokens);
    }
}
