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
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Simplification;
using ReadinessAnalyzers.CodeFixes.Shared;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY105: <c>async void</c> → <c>async Task</c> for methods and local functions.
/// RDY106: <c>_ = SendAsync();</c> → <c>await SendAsync();</c> inside async functions.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FireAndForgetCodeFixProvider)), Shared]
public sealed class FireAndForgetCodeFixProvider : CodeFixProvider
{
    private const string ReturnTask = RuleIds.AsyncVoid + ".ReturnTask";
    private const string AwaitTask = RuleIds.DroppedTask + ".AwaitTask";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AsyncVoid, RuleIds.DroppedTask);

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
            if (diagnostic.Id == RuleIds.AsyncVoid)
            {
                await RegisterReturnTaskAsync(context, root, diagnostic).ConfigureAwait(false);
            }
            else
            {
                RegisterAwaitTask(context, root, diagnostic);
            }
        }
    }

    private static async Task RegisterReturnTaskAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        var declaration = token.Parent switch
        {
            MethodDeclarationSyntax method when method.Identifier == token => (SyntaxNode)method,
            LocalFunctionStatementSyntax local when local.Identifier == token => local,
            _ => null,
        };
        if (declaration is null)
        {
            return; // a lambda: its delegate type decides what it returns
        }

        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol symbol
            || !await KeepsCallersCompilingAsync(symbol, context.Document.Project.Solution, context.CancellationToken).ConfigureAwait(false))
        {
            return; // a method used as a delegate or overridden: Task would not fit there
        }

        context.RegisterCodeFix(
            CodeAction.Create("Return 'Task' instead of 'void'",
                ct => ReturnTaskAsync(context.Document, declaration, ct), equivalenceKey: ReturnTask),
            diagnostic);
    }

    private static void RegisterAwaitTask(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        // Only a discard can become an await as it stands; a dropped expression statement is
        // reported exactly where await is not possible (CS4014 covers the rest).
        if (!diagnostic.Properties.ContainsKey(FireAndForgetAnalyzer.DiscardProperty)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax call
            || call.Parent is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
            || discard.Right != call
            || !AwaitSite.CanAwait(discard))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Await the task", ct => AwaitAsync(context.Document, discard, call, ct), equivalenceKey: AwaitTask),
            diagnostic);
    }

    // Callers that invoke the method keep compiling when it returns Task (the call becomes an
    // expression statement that drops the task); method-group conversions to a void delegate and
    // overrides of a virtual method do not.
    private static async Task<bool> KeepsCallersCompilingAsync(IMethodSymbol method, Solution solution, CancellationToken cancellationToken)
    {
        if (method.IsVirtual || method.IsAbstract)
        {
            var overrides = await SymbolFinder.FindOverridesAsync(method, solution, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var _ in overrides)
            {
                return false;
            }
        }

        var references = await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is null || !IsInvokedDirectly(node))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsInvokedDirectly(SyntaxNode name)
    {
        var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee)
        {
            // As a statement or a discard the Task is dropped, as the void was; anywhere else a
            // void result could not have been used, except as a lambda body, where Task also fits.
            return invocation.Parent is ExpressionStatementSyntax or ArrowExpressionClauseSyntax or LambdaExpressionSyntax;
        }

        return callee.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } } };
    }

    private static async Task<Document> ReturnTaskAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).Task is not { } task)
        {
            return document;
        }

        var returnType = declaration switch
        {
            MethodDeclarationSyntax method => method.ReturnType,
            LocalFunctionStatementSyntax local => local.ReturnType,
            _ => null,
        };
        if (returnType is null)
        {
            return document;
        }

        var taskType = editor.Generator.TypeExpression(task)
            .WithTriviaFrom(returnType)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        editor.ReplaceNode(returnType, taskType);
        return editor.GetChangedDocument();
    }


    private static async Task<Document> AwaitAsync(Document document, AssignmentExpressionSyntax discard, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var awaited = SyntaxFactory.AwaitExpression(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                call.WithoutTrivia())
            .WithTriviaFrom(discard);
        editor.ReplaceNode(discard, awaited);
        return editor.GetChangedDocument();
    }
}
