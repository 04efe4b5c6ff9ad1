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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.CodeFixes.Shared;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY203: <c>Environment.GetEnvironmentVariable("NAME_URL") ?? "literal"</c> (a <c>const</c> becomes
/// <c>static readonly</c>, a local <c>const</c> a plain local). RDY204: <c>http</c> → <c>https</c>,
/// <c>ws</c> → <c>wss</c>. RDY301: the literal becomes <c>Environment.GetEnvironmentVariable("NAME") ??
/// throw new InvalidOperationException("NAME is not set")</c>; a <c>const</c> is demoted the same way,
/// and only when no use of it needs a constant (otherwise no fix is offered).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedConfigurationCodeFixProvider)), Shared]
public sealed class HardcodedConfigurationCodeFixProvider : CodeFixProvider
{
    private const string EndpointFromEnvironment = RuleIds.HardcodedEndpoint + ".ReadFromEnvironment";
    private const string UseTls = RuleIds.ClearTextTransport + ".UseTls";
    private const string SecretFromEnvironment = RuleIds.HardcodedSecret + ".ReadFromEnvironment";

    private static readonly FixAllProvider s_fixAll = new DocumentFixAll(FixAllAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.HardcodedEndpoint, RuleIds.ClearTextTransport, RuleIds.HardcodedSecret);

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
            if (diagnostic.Id == RuleIds.HardcodedSecret)
            {
                await RegisterSecretFixAsync(context, diagnostic).ConfigureAwait(false);
            }
            else if (await PlanAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title,
                        ct => FixEndpointsAsync(context.Document, ImmutableArray.Create(diagnostic), plan.Key, ct),
                        equivalenceKey: plan.Key),
                    diagnostic);
            }
        }
    }

    // Fix All applies a document's diagnostics of one fix kind in one editor. The batch fixer merges
    // text diffs instead, and neighbouring insertions that look alike (the `using System;` every secret
    // fix adds, two switch arms wrapped the same way) overlap and drop fixes.
    private static Task<Document> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken ct)
    {
        var secrets = key == SecretFromEnvironment;
        var mine = ImmutableArray.CreateBuilder<Diagnostic>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            if ((diagnostic.Id == RuleIds.HardcodedSecret) == secrets)
            {
                mine.Add(diagnostic);
            }
        }

        return secrets
            ? FixSecretsAsync(document, mine.ToImmutable(), ct)
            : FixEndpointsAsync(document, mine.ToImmutable(), key, ct);
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
        if (!properties.TryGetValue(HardcodedConfigurationAnalyzer.EndpointFixProperty, out var fix)
            || !properties.TryGetValue(HardcodedConfigurationAnalyzer.EndpointVariableProperty, out var variable)
            || variable is null)
        {
            return null;
        }

        var split = -1;
        if (properties.TryGetValue(HardcodedConfigurationAnalyzer.EndpointSplitProperty, out var splitText)
            && !int.TryParse(splitText, NumberStyles.None, CultureInfo.InvariantCulture, out split))
        {
            return null;
        }

        if (Fallback(url, split) is null)
        {
            return null; // a raw or escaped interpolated string we cannot split without changing its text
        }

        var title = $"Read '{variable}' from the environment";
        if (fix == HardcodedConfigurationAnalyzer.EndpointFixWrap)
        {
            return new FixPlan(EndpointFromEnvironment, title, url, variable, split);
        }

        // The same change for a const, which has to stop being one: one equivalence key for both.
        return fix == HardcodedConfigurationAnalyzer.EndpointFixConst
               && ConstDeclaration(url) is { } declarator
               && await ConstDemotion.CanDemoteAsync(document, declarator, ct).ConfigureAwait(false)
            ? new FixPlan(EndpointFromEnvironment, title, url, variable, split, dropsConst: true)
            : null;
    }

    private static async Task<Document> FixEndpointsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken ct)
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
                editor.ReplaceNode(declaration, (current, _) => ConstDemotion.Demote(current));
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

    // ---- RDY301 ----

    private static async Task RegisterSecretFixAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(HardcodedConfigurationAnalyzer.SecretVariableProperty, out var name)
            || string.IsNullOrEmpty(name)
            || await FindFixableLiteralAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is null)
        {
            return; // a use needs a constant (a case label, an attribute, another const): no fix compiles
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Read '{name}' from the environment",
                ct => FixSecretsAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                equivalenceKey: SecretFromEnvironment),
            diagnostic);
    }

    private static async Task<ExpressionSyntax?> FindFixableLiteralAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (!diagnostic.Properties.ContainsKey(HardcodedConfigurationAnalyzer.SecretVariableProperty)
            || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax literal
            || literal.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        return !diagnostic.Properties.ContainsKey(HardcodedConfigurationAnalyzer.SecretConstProperty)
               || (literal.FirstAncestorOrSelf<VariableDeclaratorSyntax>() is { } declarator
                   && await ConstDemotion.CanDemoteAsync(document, declarator, cancellationToken).ConfigureAwait(false))
            ? literal
            : null;
    }

    private static async Task<Document> FixSecretsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation);
        if (types.Environment is null || types.InvalidOperationException is null)
        {
            return document;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(HardcodedConfigurationAnalyzer.SecretVariableProperty, out var name)
                && name is { Length: > 0 }
                && await FindFixableLiteralAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } literal)
            {
                ReadSecretFromEnvironment(editor, types, literal, name, diagnostic.Properties.ContainsKey(HardcodedConfigurationAnalyzer.SecretConstProperty));
            }
        }

        return editor.GetChangedDocument();
    }

    private static void ReadSecretFromEnvironment(DocumentEditor editor, WellKnownTypes types, ExpressionSyntax literal, string name, bool isConst)
    {
        var g = editor.Generator;
        var environment = g.TypeExpression(types.Environment!).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var exception = g.TypeExpression(types.InvalidOperationException!).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var read = g.CoalesceExpression(
            g.InvocationExpression(g.MemberAccessExpression(environment, "GetEnvironmentVariable"), g.LiteralExpression(name)),
            g.ThrowExpression(g.ObjectCreationExpression(exception, g.LiteralExpression(name + " is not set"))));
        editor.ReplaceNode(literal, read.WithTriviaFrom(literal).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation));

        if (isConst && literal.FirstAncestorOrSelf<SyntaxNode>(n => n is FieldDeclarationSyntax or LocalDeclarationStatementSyntax) is { } declaration)
        {
            editor.ReplaceNode(declaration, (current, _) => ConstDemotion.Demote(current));
        }
    }
}
