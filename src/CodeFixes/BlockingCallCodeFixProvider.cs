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
using ReadinessAnalyzers.CodeFixes.Shared;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>RDY101: <c>await Task.Delay</c>. RDY102: <c>await</c> the task, <c>Task.WhenAll</c>, <c>Task.WhenAny</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallCodeFixProvider)), Shared]
public sealed class BlockingCallCodeFixProvider : CodeFixProvider
{
    private const string UseTaskDelay = RuleIds.ThreadSleepOnAsyncPath + ".UseTaskDelay";
    private const string AwaitTask = RuleIds.SyncOverAsync + ".AwaitTask";
    private const string UseWhenAll = RuleIds.SyncOverAsync + ".UseWhenAll";
    private const string UseWhenAny = RuleIds.SyncOverAsync + ".UseWhenAny";
    private const string UseWaitAsync = RuleIds.BlockingSynchronization + ".UseWaitAsync";
    private const string UseAsyncIO = RuleIds.SynchronousIO + ".UseAsyncTwin";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.ThreadSleepOnAsyncPath, RuleIds.SyncOverAsync, RuleIds.BlockingSynchronization, RuleIds.SynchronousIO);

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
            if (!diagnostic.Properties.TryGetValue(BlockingCallAnalyzer.FixProperty, out var fix)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
                || !AwaitSite.CanAwait(node))
            {
                continue; // a sync [HotPath] method or a lock body: no fix beats one that does not compile
            }

            switch (fix)
            {
                case BlockingCallAnalyzer.FixTaskDelay when node is InvocationExpressionSyntax sleep:
                    var token = await FindTokenAsync(context.Document, diagnostic, sleep, context.CancellationToken).ConfigureAwait(false);
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            token is null ? "Use 'await Task.Delay'" : $"Use 'await Task.Delay' with '{token}'",
                            ct => UseTaskDelayAsync(context.Document, sleep, token, ct),
                            equivalenceKey: UseTaskDelay),
                        diagnostic);
                    break;
                case BlockingCallAnalyzer.FixAwait when GetAwaitedTask(node) is { } task:
                    context.RegisterCodeFix(
                        CodeAction.Create("Await the task", ct => AwaitAsync(context.Document, node, task, ct), equivalenceKey: AwaitTask),
                        diagnostic);
                    break;
                case BlockingCallAnalyzer.FixWhenAll when node is InvocationExpressionSyntax waitAll:
                    context.RegisterCodeFix(
                        CodeAction.Create("Use 'await Task.WhenAll'", ct => UseWhenAsync(context.Document, waitAll, "WhenAll", ct), equivalenceKey: UseWhenAll),
                        diagnostic);
                    break;
                case BlockingCallAnalyzer.FixAwaitTwin when node is InvocationExpressionSyntax call
                    && diagnostic.Properties.TryGetValue(BlockingCallAnalyzer.TwinProperty, out var twin) && twin is not null
                    && WithName(call.Expression, twin) is { } renamed:
                    var twinToken = await FindTokenAsync(context.Document, diagnostic, call, context.CancellationToken).ConfigureAwait(false);
                    if (twinToken is null && IsTokenRequired(diagnostic))
                    {
                        break; // the only awaitable twin takes a token, and no single one is in scope
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create($"Use 'await {twin}'",
                            ct => AwaitTwinAsync(context.Document, call, renamed, twinToken, ct),
                            equivalenceKey: diagnostic.Id == RuleIds.BlockingSynchronization ? UseWaitAsync : UseAsyncIO),
                        diagnostic);
                    break;
                case BlockingCallAnalyzer.FixWhenAny when node is InvocationExpressionSyntax waitAny:
                    context.RegisterCodeFix(
                        CodeAction.Create("Use 'await Task.WhenAny'", ct => UseWhenAsync(context.Document, waitAny, "WhenAny", ct), equivalenceKey: UseWhenAny),
                        diagnostic);
                    break;
            }
        }
    }

    // The one CancellationToken in scope at the call, when the diagnostic asks for one (the analyzer
    // leaves this search to the fix: it costs a scope lookup per name declared around the call).
    private static async Task<string?> FindTokenAsync(Document document, Diagnostic diagnostic, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(BlockingCallAnalyzer.TokenProperty)
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || model.GetOperation(call, cancellationToken) is not { } operation)
        {
            return null;
        }

        return CancellationTokens.FindSingleInScope(operation, WellKnownTypes.GetOrCreate(model.Compilation), cancellationToken);
    }

    private static bool IsTokenRequired(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(BlockingCallAnalyzer.TokenProperty, out var mode) && mode == BlockingCallAnalyzer.TokenRequired;

    // t.Result → t; t.GetAwaiter().GetResult() → t (ConfigureAwait kept); t.Wait() → t.
    private static ExpressionSyntax? GetAwaitedTask(ExpressionSyntax node) => node switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
        InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "GetResult",
                Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter },
            },
        } => getAwaiter.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait, ArgumentList.Arguments.Count: 0 }
            => wait.Expression,
        _ => null,
    };

    private static async Task<Document> UseTaskDelayAsync(Document document, InvocationExpressionSyntax sleep, string? token, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).Task is not { } task)
        {
            return document;
        }

        var arguments = sleep.ArgumentList.Arguments;
        if (token is not null && arguments.Count == 1)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
        }

        var g = editor.Generator;
        var taskType = g.TypeExpression(task).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var delay = ((ExpressionSyntax)g.InvocationExpression(g.MemberAccessExpression(taskType, "Delay"), arguments))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        editor.ReplaceNode(sleep, AwaitExpression(delay).WithTriviaFrom(sleep));
        return editor.GetChangedDocument();
    }

    // x.Read(...) → x.ReadAsync, Read(...) → ReadAsync, x.Read<T>(...) → x.ReadAsync<T>.
    private static ExpressionSyntax? WithName(ExpressionSyntax callee, string name) => callee switch
    {
        MemberAccessExpressionSyntax access => access.WithName(Rename(access.Name, name)),
        SimpleNameSyntax simple => Rename(simple, name),
        _ => null,
    };

    private static SimpleNameSyntax Rename(SimpleNameSyntax simple, string name)
        => simple is GenericNameSyntax generic
            ? generic.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(generic.Identifier))
            : SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(name).WithTriviaFrom(simple.GetFirstToken()));

    private static async Task<Document> AwaitTwinAsync(
        Document document, InvocationExpressionSyntax call, ExpressionSyntax renamed, string? token, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var arguments = call.ArgumentList;
        if (token is not null)
        {
            arguments = arguments.AddArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        var twinCall = call.WithExpression(renamed).WithArgumentList(arguments).WithoutTrivia();
        editor.ReplaceNode(call, Await(twinCall).WithTriviaFrom(call));
        return editor.GetChangedDocument();
    }

    private static async Task<Document> AwaitAsync(Document document, ExpressionSyntax node, ExpressionSyntax task, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(node, Await(task.WithoutTrivia()).WithTriviaFrom(node));
        return editor.GetChangedDocument();
    }

    private static async Task<Document> UseWhenAsync(Document document, InvocationExpressionSyntax wait, string when, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        ExpressionSyntax target;
        if (wait.Expression is MemberAccessExpressionSyntax access)
        {
            target = access.WithName(SyntaxFactory.IdentifierName(when).WithTriviaFrom(access.Name));
        }
        else if (WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).Task is { } task)
        {
            var taskType = editor.Generator.TypeExpression(task).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
            target = (ExpressionSyntax)editor.Generator.MemberAccessExpression(taskType, when);
        }
        else
        {
            return document;
        }

        editor.ReplaceNode(wait, Await(wait.WithExpression(target).WithoutTrivia()).WithTriviaFrom(wait));
        return editor.GetChangedDocument();
    }

    // Always parenthesised, then simplified: `(await t).Price` keeps its parentheses, `var p = await t;` loses them.
    private static ParenthesizedExpressionSyntax Await(ExpressionSyntax task)
        => SyntaxFactory.ParenthesizedExpression(AwaitExpression(task))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    // Spelled out rather than formatted: the formatter would also reflow the comments the
    // replaced expression carried in its leading trivia.
    private static AwaitExpressionSyntax AwaitExpression(ExpressionSyntax operand)
        => SyntaxFactory.AwaitExpression(
            SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            operand);
}
