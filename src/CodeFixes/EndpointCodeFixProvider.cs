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
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.CodeFixes.Shared;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY203: <c>Environment.GetEnvironmentVariable("NAME_URL") ?? "literal"</c> (a <c>const</c> becomes
/// <c>static readonly</c>, a local <c>const</c> a plain local). RDY204: <c>http</c> → <c>https</c>,
/// <c>ws</c> → <c>wss</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndpointCodeFixProvider)), Shared]
public sealed class EndpointCodeFixProvider : CodeFixProvider
{
    private const string ReadFromEnvironment = RuleIds.HardcodedEndpoint + ".ReadFromEnvironment";
    private const string UseTls = RuleIds.ClearTextTransport + ".UseTls";

    private static readonly FixAllProvider s_fixAll = new DocumentFixAll(FixAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.HardcodedEndpoint, RuleIds.ClearTextTransport);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title,
                        ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), plan.Key, ct),
                        equivalenceKey: plan.Key),
                    diagnostic);
            }
        }
    }

    private sealed class FixPlan(
        string key, string title, ExpressionSyntax url, string? variable = null, int split = -1, bool dropsConst = false, TextChange schemeChange = default)
    {
        public string Key { get; } = key;

        public string Title { get; } = title;

        public ExpressionSyntax Url { get; } = url;

        public string? Variable { get; } = variable;

        public int Split { get; } = split;

        public bool DropsConst { get; } = dropsConst;

        public TextChange SchemeChange { get; } = schemeChange;
    }

    private static async Task<FixPlan?> PlanAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken ct)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        if (node is not (LiteralExpressionSyntax or InterpolatedStringExpressionSyntax) || node is not ExpressionSyntax url)
        {
            return null;
        }

        if (diagnostic.Id == RuleIds.ClearTextTransport)
        {
            return SchemeChange(url) is { } change
                ? new FixPlan(UseTls, $"Use '{change.Scheme}'", url, schemeChange: change.Change)
                : null;
        }

        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(EndpointAnalyzer.FixProperty, out var fix)
            || !properties.TryGetValue(EndpointAnalyzer.VariableProperty, out var variable)
            || variable is null)
        {
            return null;
        }

        var split = -1;
        if (properties.TryGetValue(EndpointAnalyzer.SplitProperty, out var splitText)
            && !int.TryParse(splitText, NumberStyles.None, CultureInfo.InvariantCulture, out split))
        {
            return null;
        }

        if (Fallback(url, split) is null)
        {
            return null; // a raw or escaped interpolated string we cannot split without changing its text
        }

        var title = $"Read '{variable}' from the environment";
        if (fix == EndpointAnalyzer.FixWrap)
        {
            return new FixPlan(ReadFromEnvironment, title, url, variable, split);
        }

        // The same change for a const, which has to stop being one: one equivalence key for both.
        return fix == EndpointAnalyzer.FixConst
               && ConstDeclaration(url) is { } declarator
               && await CanDropConstAsync(document, declarator, ct).ConfigureAwait(false)
            ? new FixPlan(ReadFromEnvironment, title, url, variable, split, dropsConst: true)
            : null;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (key == UseTls)
        {
            var changes = new List<TextChange>();
            foreach (var diagnostic in diagnostics)
            {
                if (await PlanAsync(document, root, diagnostic, ct).ConfigureAwait(false) is { Key: UseTls } plan)
                {
                    changes.Add(plan.SchemeChange);
                }
            }

            var text = await document.GetTextAsync(ct).ConfigureAwait(false);
            return document.WithText(text.WithChanges(changes));
        }

        var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
        if (WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).Environment is not { } environment)
        {
            return document;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (await PlanAsync(document, root, diagnostic, ct).ConfigureAwait(false) is not { } plan
                || plan.Key != key
                || Wrapped(editor.Generator, environment, plan.Url, plan.Variable!, plan.Split) is not { } wrapped)
            {
                continue;
            }

            editor.ReplaceNode(plan.Url, wrapped);
            if (plan.DropsConst && ConstDeclaration(plan.Url)?.Parent?.Parent is { } declaration)
            {
                editor.ReplaceNode(declaration, (current, _) => WithoutConst(current));
            }
        }

        return editor.GetChangedDocument();
    }

    // ---- RDY204 ----

    private static (TextChange Change, string Scheme)? SchemeChange(ExpressionSyntax url)
    {
        var token = url switch
        {
            LiteralExpressionSyntax literal => literal.Token,
            InterpolatedStringExpressionSyntax { Contents: { Count: > 0 } contents } when contents[0] is InterpolatedStringTextSyntax part => part.TextToken,
            _ => default,
        };

        var text = token.Text;
        var start = 0;
        while (start < text.Length && text[start] is '"' or '@' or '$')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && text[end] != '"')
        {
            end++;
        }

        if (!AbsoluteUrl.TryParse(text.Substring(start, end - start), requireTerminator: false, out var parsed) || !parsed.IsClearText)
        {
            return null;
        }

        var scheme = text.Substring(start, parsed.SchemeLength);
        var secure = scheme + (char.IsUpper(scheme[scheme.Length - 1]) ? "S" : "s");
        var replaceEnd = start + parsed.SchemeLength;
        var replacement = secure;

        // http://host:80 → https://host: port 80 with TLS would reach a listener that does not speak it.
        var authorityEnd = start + parsed.AuthorityEnd;
        if (parsed.HasDefaultClearTextPort && string.CompareOrdinal(text, authorityEnd - 3, ":80", 0, 3) == 0)
        {
            replacement = secure + text.Substring(replaceEnd, authorityEnd - 3 - replaceEnd);
            replaceEnd = authorityEnd;
        }

        return (new TextChange(new TextSpan(token.SpanStart + start, replaceEnd - start), replacement), secure + "://");
    }

    // ---- RDY203 ----

    private static ParenthesizedExpressionSyntax? Wrapped(SyntaxGenerator g, INamedTypeSymbol environment, ExpressionSyntax url, string variable, int split)
    {
        if (Fallback(url, split) is not { } parts)
        {
            return null;
        }

        var type = g.TypeExpression(environment).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var read = (ExpressionSyntax)g.InvocationExpression(g.MemberAccessExpression(type, "GetEnvironmentVariable"), g.LiteralExpression(variable));
        ExpressionSyntax expression = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, parts.Fallback);
        if (parts.Suffix is { } suffix)
        {
            expression = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, SyntaxFactory.ParenthesizedExpression(expression), suffix);
        }

        return SyntaxFactory.ParenthesizedExpression(expression)
            .WithAdditionalAnnotations(Simplifier.Annotation)
            .WithTriviaFrom(url);
    }

    // The literal itself, or — when only scheme://authority is read from the environment — that part
    // as the fallback and the rest of the URL (a literal or an interpolated string) to append.
    private static (ExpressionSyntax Fallback, ExpressionSyntax? Suffix)? Fallback(ExpressionSyntax url, int split)
    {
        if (split < 0)
        {
            return (url.WithoutTrivia(), null);
        }

        switch (url)
        {
            case LiteralExpressionSyntax literal when split < literal.Token.ValueText.Length:
                var value = literal.Token.ValueText;
                return (StringLiteral(value.Substring(0, split)), StringLiteral(value.Substring(split)));
            case InterpolatedStringExpressionSyntax interpolated
                when interpolated.StringStartToken.Kind() is SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken
                     && interpolated.Contents.Count > 0
                     && interpolated.Contents[0] is InterpolatedStringTextSyntax first
                     && first.TextToken.ValueText.Length > split
                     && first.TextToken.Text.Length > split
                     && string.CompareOrdinal(first.TextToken.Text, 0, first.TextToken.ValueText, 0, split) == 0:
                var token = first.TextToken;
                var remainder = first.WithTextToken(SyntaxFactory.Token(
                    token.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, token.Text.Substring(split), token.ValueText.Substring(split), token.TrailingTrivia));
                return (StringLiteral(token.ValueText.Substring(0, split)), interpolated.WithContents(interpolated.Contents.Replace(first, remainder)).WithoutTrivia());
            default:
                return null;
        }
    }

    private static LiteralExpressionSyntax StringLiteral(string value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    // The declarator of a const with one variable (a field or a local) whose initializer holds the URL.
    private static VariableDeclaratorSyntax? ConstDeclaration(ExpressionSyntax url)
        => url.FirstAncestorOrSelf<VariableDeclaratorSyntax>() is { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax or LocalDeclarationStatementSyntax } } declarator
            ? declarator
            : null;

    // const → static readonly (fields), const → nothing (locals); idempotent for Fix All.
    private static SyntaxNode WithoutConst(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case FieldDeclarationSyntax field when field.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var index and >= 0:
                var constToken = field.Modifiers[index];
                var modifiers = field.Modifiers.RemoveAt(index)
                    .Insert(index, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constToken.TrailingTrivia))
                    .Insert(index, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constToken.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space));
                return field.WithModifiers(modifiers);
            case LocalDeclarationStatementSyntax local when local.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var index and >= 0:
                var leading = local.GetLeadingTrivia();
                return local.WithModifiers(local.Modifiers.RemoveAt(index)).WithLeadingTrivia(leading);
            default:
                return declaration;
        }
    }

    // A const may stop being one only if nothing needs it as a constant: attribute arguments, case
    // labels and patterns, other consts, optional parameters' defaults.
    private static async Task<bool> CanDropConstAsync(Document document, VariableDeclaratorSyntax declarator, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declarator, ct) is not { } symbol)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, ct).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var root = await location.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                if (root is null || NeedsConstant(root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool NeedsConstant(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case RelationalPatternSyntax:
                case EnumMemberDeclarationSyntax:
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
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
