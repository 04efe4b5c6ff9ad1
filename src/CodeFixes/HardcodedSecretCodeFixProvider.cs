using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY301: the literal becomes <c>Environment.GetEnvironmentVariable("NAME") ?? throw new
/// InvalidOperationException("NAME is not set")</c>. A <c>const</c> becomes <c>static readonly</c> (a local
/// loses <c>const</c>) only when no use of it needs a constant; otherwise no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedSecretCodeFixProvider)), Shared]
public sealed class HardcodedSecretCodeFixProvider : CodeFixProvider
{
    private const string ReadFromEnvironmentKey = RuleIds.HardcodedSecret + ".ReadFromEnvironment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardcodedSecret);

    // Every fix adds `using System;` at the same place; BatchFixer's merge of three or more such
    // insertions drops fixes, so Fix All applies a document's fixes in one editor instead.
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(document, diagnostics, context.CancellationToken));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HardcodedSecretAnalyzer.EnvironmentVariableProperty, out var name)
                || string.IsNullOrEmpty(name)
                || await FindFixableLiteralAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue; // a use needs a constant (a case label, an attribute, another const): no fix compiles
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read '{name}' from the environment",
                    ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!,
                    equivalenceKey: ReadFromEnvironmentKey),
                diagnostic);
        }
    }

    private static async Task<ExpressionSyntax?> FindFixableLiteralAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (!diagnostic.Properties.ContainsKey(HardcodedSecretAnalyzer.EnvironmentVariableProperty)
            || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax literal
            || literal.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        return !diagnostic.Properties.ContainsKey(HardcodedSecretAnalyzer.ConstProperty)
               || await CanDropConstAsync(document, literal, cancellationToken).ConfigureAwait(false)
            ? literal
            : null;
    }

    private static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation);
        if (types.Environment is null || types.InvalidOperationException is null)
        {
            return document;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(HardcodedSecretAnalyzer.EnvironmentVariableProperty, out var name)
                && name is { Length: > 0 }
                && await FindFixableLiteralAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } literal)
            {
                ReadFromEnvironment(editor, types, literal, name, diagnostic.Properties.ContainsKey(HardcodedSecretAnalyzer.ConstProperty));
            }
        }

        return editor.GetChangedDocument();
    }

    private static void ReadFromEnvironment(DocumentEditor editor, WellKnownTypes types, ExpressionSyntax literal, string name, bool isConst)
    {
        var g = editor.Generator;
        var environment = g.TypeExpression(types.Environment!).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var exception = g.TypeExpression(types.InvalidOperationException!).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var read = g.CoalesceExpression(
            g.InvocationExpression(g.MemberAccessExpression(environment, "GetEnvironmentVariable"), g.LiteralExpression(name)),
            g.ThrowExpression(g.ObjectCreationExpression(exception, g.LiteralExpression(name + " is not set"))));
        editor.ReplaceNode(literal, read.WithTriviaFrom(literal).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation));

        if (!isConst)
        {
            return;
        }

        switch (literal.FirstAncestorOrSelf<SyntaxNode>(n => n is FieldDeclarationSyntax or LocalDeclarationStatementSyntax))
        {
            case FieldDeclarationSyntax field:
                editor.ReplaceNode(field, (node, _) => ((FieldDeclarationSyntax)node).WithModifiers(StaticReadonly(((FieldDeclarationSyntax)node).Modifiers)));
                break;
            case LocalDeclarationStatementSyntax local:
                editor.ReplaceNode(local, (node, _) => WithoutConst((LocalDeclarationStatementSyntax)node));
                break;
        }
    }

    private static SyntaxTokenList StaticReadonly(SyntaxTokenList modifiers)
    {
        var index = modifiers.IndexOf(SyntaxKind.ConstKeyword);
        if (index < 0)
        {
            return modifiers;
        }

        var constToken = modifiers[index];
        var @static = SyntaxFactory.Token(constToken.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var @readonly = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, constToken.TrailingTrivia);
        return modifiers.RemoveAt(index).Insert(index, @readonly).Insert(index, @static);
    }

    private static LocalDeclarationStatementSyntax WithoutConst(LocalDeclarationStatementSyntax local)
    {
        var index = local.Modifiers.IndexOf(SyntaxKind.ConstKeyword);
        if (index < 0)
        {
            return local;
        }

        var constToken = local.Modifiers[index];
        var result = local.WithModifiers(local.Modifiers.RemoveAt(index));
        // `const` carried the statement's indentation when it came first.
        return index == 0 && result.Modifiers.Count == 0
            ? result.WithDeclaration(result.Declaration.WithType(result.Declaration.Type.WithLeadingTrivia(constToken.LeadingTrivia)))
            : result;
    }

    // Every use of the constant must still compile once it is a variable: none may stand in a case
    // label, pattern, attribute argument, default parameter value or another constant's initializer.
    private static async Task<bool> CanDropConstAsync(Document document, ExpressionSyntax literal, CancellationToken cancellationToken)
    {
        var declarator = literal.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (declarator is null || model?.GetDeclaredSymbol(declarator, cancellationToken) is not { } symbol
            || symbol.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            if (location.Document is null)
            {
                return false;
            }

            var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is null || NeedsConstant(node))
            {
                return false;
            }
        }

        return true;
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
                case ParameterSyntax:
                    return true;
                case VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return true;
                case VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } when local.IsConst:
                    return true;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
