using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
using ReadinessAnalyzers.CodeFixes.Shared;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY201: add <c>Timeout = TimeSpan.FromMilliseconds(budget)</c> to the client's initializer, replace an
/// over-budget or infinite value by it, or chain <c>.ConfigureHttpClient(…)</c> on a registration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpClientCodeFixProvider)), Shared]
public sealed class HttpClientCodeFixProvider : CodeFixProvider
{
    private const string AddTimeout = RuleIds.HttpClientWithoutTimeout + ".AddTimeout";
    private const string ReplaceTimeout = RuleIds.HttpClientWithoutTimeout + ".ReplaceTimeout";
    private const string ConfigureHttpClient = RuleIds.HttpClientWithoutTimeout + ".ConfigureHttpClient";

    private static readonly FixAllProvider s_fixAll = new DocumentFixAll(FixAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HttpClientWithoutTimeout);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Set a {plan.Budget} ms timeout",
                        ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), plan.Key, ct),
                        equivalenceKey: plan.Key),
                    diagnostic);
            }
        }
    }

    private readonly struct FixPlan(string key, SyntaxNode node, int budget)
    {
        public string Key { get; } = key;

        public SyntaxNode Node { get; } = node;

        public int Budget { get; } = budget;
    }

    // What the fix does for one diagnostic (its equivalence key and the node it rewrites), or null.
    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(HttpClientAnalyzer.FixProperty, out var fix)
            || !diagnostic.Properties.TryGetValue(HttpClientAnalyzer.BudgetProperty, out var budgetText)
            || !int.TryParse(budgetText, NumberStyles.None, CultureInfo.InvariantCulture, out var budget))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return fix switch
        {
            HttpClientAnalyzer.FixAddTimeout when node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation
                => new FixPlan(AddTimeout, creation, budget),
            HttpClientAnalyzer.FixReplaceTimeout when node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment
                => new FixPlan(ReplaceTimeout, assignment, budget),
            HttpClientAnalyzer.FixConfigureHttpClient
                when node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax } registration
                     && ConfigureHttpClientBinds(model, registration)
                => new FixPlan(ConfigureHttpClient, registration, budget),
            _ => null,
        };
    }

    // One editor for the single fix and for Fix All: every diagnostic whose plan has the key.
    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken ct)
    {
        var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var timeSpan = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).TimeSpan;
        if (timeSpan is null)
        {
            return document;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, editor.SemanticModel, diagnostic) is not { } plan || plan.Key != key)
            {
                continue;
            }

            var value = Budget(editor.Generator, timeSpan, plan.Budget);
            switch (plan.Node)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    editor.ReplaceNode(creation, (current, _) => WithTimeout((BaseObjectCreationExpressionSyntax)current, value));
                    break;
                case AssignmentExpressionSyntax assignment:
                    editor.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right));
                    break;
                case InvocationExpressionSyntax registration:
                    var name = ParameterName(editor.SemanticModel, registration.SpanStart);
                    editor.ReplaceNode(registration, (current, _) => ChainConfigureHttpClient((InvocationExpressionSyntax)current, name, value));
                    break;
            }
        }

        return editor.GetChangedDocument();
    }

    private static BaseObjectCreationExpressionSyntax WithTimeout(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax value)
    {
        var timeout = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("Timeout"),
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            value);

        if (creation.Initializer is { } initializer)
        {
            return creation.WithInitializer(Append(initializer, timeout));
        }

        var added = SyntaxFactory.InitializerExpression(
            SyntaxKind.ObjectInitializerExpression,
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(timeout.WithTrailingTrivia(SyntaxFactory.Space)),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken));
        return creation.WithoutTrailingTrivia().WithInitializer(added).WithTrailingTrivia(creation.GetTrailingTrivia());
    }

    // Adds `Timeout = …` as the initializer's last member, laid out like the members already there
    // (one line, or one member per line with or without a trailing comma).
    private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax timeout)
    {
        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            return initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList(timeout.WithTrailingTrivia(SyntaxFactory.Space)));
        }

        var multiLine = initializer.OpenBraceToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        var last = expressions[expressions.Count - 1];
        var nodes = new List<SyntaxNodeOrToken>();
        var withSeparators = expressions.GetWithSeparators();

        if (expressions.SeparatorCount == expressions.Count)
        {
            // { A = 1, } or one member per line each ending in a comma: the new member ends in one too.
            var oldSeparator = expressions.GetSeparator(expressions.Count - 1);
            nodes.AddRange(withSeparators);
            nodes.Add(timeout.WithLeadingTrivia(multiLine ? last.GetLeadingTrivia() : default));
            nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken)
                .WithTrailingTrivia(multiLine ? LineBreakOf(oldSeparator.TrailingTrivia) : oldSeparator.TrailingTrivia));
        }
        else
        {
            var lastTrailing = last.GetTrailingTrivia();
            for (var i = 0; i < withSeparators.Count - 1; i++)
            {
                nodes.Add(withSeparators[i]);
            }

            nodes.Add(last.WithoutTrailingTrivia());
            nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken)
                .WithTrailingTrivia(multiLine ? lastTrailing : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
            nodes.Add(timeout
                .WithLeadingTrivia(multiLine ? last.GetLeadingTrivia() : default)
                .WithTrailingTrivia(multiLine ? LineBreakOf(lastTrailing) : lastTrailing));
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes));
    }

    // The end-of-line that closes a member's line, without the comment before it (that stays put).
    private static SyntaxTriviaList LineBreakOf(SyntaxTriviaList trailing)
    {
        foreach (var trivia in trailing)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return SyntaxFactory.TriviaList(trivia);
            }
        }

        return SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed);
    }

    private static InvocationExpressionSyntax ChainConfigureHttpClient(InvocationExpressionSyntax registration, string name, ExpressionSyntax value)
    {
        var lambda = SyntaxFactory.SimpleLambdaExpression(
            SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)),
            SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(name), SyntaxFactory.IdentifierName("Timeout")),
                value));
        var configured = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, registration.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("ConfigureHttpClient")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))));
        return configured
            .WithTrailingTrivia(registration.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    // `.ConfigureHttpClient(...)` is an extension method: it binds only where its namespace is imported.
    private static bool ConfigureHttpClientBinds(SemanticModel model, InvocationExpressionSyntax registration)
    {
        if (WellKnownTypes.GetOrCreate(model.Compilation).IHttpClientBuilder is not { } builder)
        {
            return false;
        }

        foreach (var symbol in model.LookupSymbols(registration.SpanStart, builder, "ConfigureHttpClient", includeReducedExtensionMethods: true))
        {
            if (symbol is IMethodSymbol { Parameters.Length: 1 })
            {
                return true;
            }
        }

        return false;
    }

    // A lambda parameter name nothing in scope uses already.
    private static string ParameterName(SemanticModel model, int position)
    {
        foreach (var candidate in new[] { "client", "httpClient", "configuredClient" })
        {
            if (model.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        return "configuredHttpClient";
    }

    // TimeSpan.FromMilliseconds(budget), with `using System;` added when needed.
    private static ExpressionSyntax Budget(SyntaxGenerator g, INamedTypeSymbol timeSpan, int budget)
    {
        var type = g.TypeExpression(timeSpan).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        return ((ExpressionSyntax)g.InvocationExpression(g.MemberAccessExpression(type, "FromMilliseconds"), g.LiteralExpression(budget)))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
