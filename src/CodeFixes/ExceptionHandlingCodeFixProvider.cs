using System;
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
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY401: add <c>throw;</c>, or log the exception through the ILogger in scope (two entries, two keys).
/// RDY402: insert <c>catch (OperationCanceledException) { throw; }</c> before the catch-all.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExceptionHandlingCodeFixProvider)), Shared]
public sealed class ExceptionHandlingCodeFixProvider : CodeFixProvider
{
    private const string Rethrow = RuleIds.SwallowedException + ".Rethrow";
    private const string LogError = RuleIds.SwallowedException + ".LogError";
    private const string RethrowCancellation = RuleIds.CatchAllSwallowsCancellation + ".RethrowCancellation";
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.SwallowedException, RuleIds.CatchAllSwallowsCancellation);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                    .FirstAncestorOrSelf<CatchClauseSyntax>() is not { } clause)
            {
                continue;
            }

            if (diagnostic.Id == RuleIds.SwallowedException)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Rethrow the exception", ct => RethrowAsync(context.Document, clause, ct), equivalenceKey: Rethrow),
                    diagnostic);

                if (await FindLoggerAsync(context.Document, clause, context.CancellationToken).ConfigureAwait(false) is { } logger)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Log the exception with '{logger}.LogError'",
                            ct => LogErrorAsync(context.Document, clause, logger, ct), equivalenceKey: LogError),
                        diagnostic);
                }
            }
            else if (diagnostic.Id == RuleIds.CatchAllSwallowsCancellation && clause.Parent is TryStatementSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Let cancellation through: 'catch (OperationCanceledException) { throw; }'",
                        ct => RethrowCancellationAsync(context.Document, clause, ct), equivalenceKey: RethrowCancellation),
                    diagnostic);
            }
        }
    }

    // The one ILogger in scope inside the catch block (Loggers.FindInScope), when Microsoft.Extensions.Logging is referenced.
    private static async Task<string?> FindLoggerAsync(Document document, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || WellKnownTypes.GetOrCreate(model.Compilation) is not { LoggerExtensions: not null } types)
        {
            return null;
        }

        return Loggers.FindInScope(model, clause.Block.OpenBraceToken.Span.End, types, cancellationToken);
    }

    // { …; return false; } → { …; throw; }: a final jump would make an appended throw unreachable.
    // Otherwise throw; goes last, after the comments the block ends with.
    private static async Task<Document> RethrowAsync(Document document, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var endOfLine = EndOfLine(editor.OriginalRoot);
        var block = clause.Block;
        var statements = block.Statements;
        var rethrow = SyntaxFactory.ThrowStatement();
        BlockSyntax newBlock;
        if (statements.Count > 0 && statements[statements.Count - 1] is var last
            && last is ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax
                or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement })
        {
            newBlock = block.ReplaceNode(last, rethrow.WithTriviaFrom(last));
        }
        else
        {
            newBlock = Append(block, rethrow, endOfLine);
        }

        editor.ReplaceNode(block, newBlock);
        return editor.GetChangedDocument();
    }

    private static async Task<Document> LogErrorAsync(Document document, CatchClauseSyntax clause, string logger, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        if (types.Exception is null || types.LoggerExtensions is null)
        {
            return document;
        }

        var endOfLine = EndOfLine(editor.OriginalRoot);
        var newClause = clause;
        string exceptionName;
        if (clause.Declaration is { Identifier.RawKind: (int)SyntaxKind.IdentifierToken } declared)
        {
            exceptionName = declared.Identifier.ValueText;
        }
        else
        {
            // catch → catch (Exception ex); catch (IOException) → catch (IOException ex).
            exceptionName = FreeName(model, clause);
            var identifier = SyntaxFactory.Identifier(exceptionName);
            CatchDeclarationSyntax declaration;
            if (clause.Declaration is { } existing)
            {
                declaration = existing
                    .WithType(existing.Type.WithoutTrailingTrivia().WithTrailingTrivia(SyntaxFactory.Space))
                    .WithIdentifier(identifier.WithTrailingTrivia(existing.Type.GetTrailingTrivia()));
            }
            else
            {
                var exceptionType = ((TypeSyntax)editor.Generator.TypeExpression(types.Exception))
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                declaration = SyntaxFactory.CatchDeclaration(exceptionType.WithTrailingTrivia(SyntaxFactory.Space), identifier)
                    .WithLeadingTrivia(SyntaxFactory.Space)
                    .WithTrailingTrivia(clause.CatchKeyword.TrailingTrivia);
                newClause = newClause.WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia());
            }

            newClause = newClause.WithDeclaration(declaration);
        }

        var message = SyntaxFactory.LiteralExpression(
            SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(OperationName(model, clause, cancellationToken) + " failed"));
        var log = SyntaxFactory.ExpressionStatement(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(logger), SyntaxFactory.IdentifierName("LogError")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(SyntaxFactory.IdentifierName(exceptionName)),
                    SyntaxFactory.Argument(message),
                }))));

        newClause = newClause.WithBlock(Prepend(newClause.Block, log, endOfLine));
        editor.ReplaceNode(clause, newClause);

        if (!LogErrorIsInScope(model, clause, logger))
        {
            AddLoggingImport(editor, endOfLine);
        }

        return editor.GetChangedDocument();
    }

    private static async Task<Document> RethrowCancellationAsync(Document document, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).OperationCanceledException is not { } cancellation)
        {
            return document;
        }

        var type = ((TypeSyntax)editor.Generator.TypeExpression(cancellation))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        // The new clause takes only the indentation: comments above the catch-all stay with it.
        var indentation = clause.CatchKeyword.LeadingTrivia.Count > 0
                          && clause.CatchKeyword.LeadingTrivia[clause.CatchKeyword.LeadingTrivia.Count - 1] is var last
                          && last.IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(last)
            : SyntaxFactory.TriviaList();
        CatchClauseSyntax rethrowCancellation;
        if (IsOneLine(clause.Block))
        {
            // Beside catch (Exception ex) { … } on one line: catch (OperationCanceledException) { throw; }
            // Every token spelled out: elastic trivia would hand the clause to the formatter.
            var none = SyntaxFactory.TriviaList();
            var space = SyntaxFactory.TriviaList(SyntaxFactory.Space);
            var rethrow = SyntaxFactory.ThrowStatement(
                default,
                SyntaxFactory.Token(none, SyntaxKind.ThrowKeyword, none),
                null,
                SyntaxFactory.Token(none, SyntaxKind.SemicolonToken, space));
            rethrowCancellation = SyntaxFactory.CatchClause(
                SyntaxFactory.Token(indentation, SyntaxKind.CatchKeyword, space),
                SyntaxFactory.CatchDeclaration(
                    SyntaxFactory.Token(none, SyntaxKind.OpenParenToken, none),
                    type.WithoutTrivia(),
                    default,
                    SyntaxFactory.Token(none, SyntaxKind.CloseParenToken, space)),
                filter: null,
                SyntaxFactory.Block(
                    SyntaxFactory.Token(none, SyntaxKind.OpenBraceToken, space),
                    SyntaxFactory.SingletonList<StatementSyntax>(rethrow),
                    SyntaxFactory.Token(none, SyntaxKind.CloseBraceToken, SyntaxFactory.TriviaList(EndOfLine(editor.OriginalRoot)))));
        }
        else
        {
            rethrowCancellation = SyntaxFactory.CatchClause(
                    SyntaxFactory.CatchDeclaration(type),
                    filter: null,
                    SyntaxFactory.Block(SyntaxFactory.ThrowStatement()))
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(EndOfLine(editor.OriginalRoot))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        editor.InsertBefore(clause, rethrowCancellation);
        return editor.GetChangedDocument();
    }

    // The new statement goes after everything the block holds, comments included: a comment that sat
    // alone in the block (the excuse for swallowing) now reads just above the throw.
    private static BlockSyntax Append(BlockSyntax block, StatementSyntax statement, SyntaxTrivia endOfLine)
    {
        if (IsOneLine(block))
        {
            // catch { /* ignore */ } → catch { /* ignore */ throw; }: a one-line block stays one line.
            return block.AddStatements(statement.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space));
        }

        var closeBrace = block.CloseBraceToken;
        var (comments, indentation) = SplitIndentation(closeBrace.LeadingTrivia);
        statement = statement.WithLeadingTrivia(comments).WithTrailingTrivia(endOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return block.AddStatements(statement).WithCloseBraceToken(closeBrace.WithLeadingTrivia(indentation));
    }

    private static BlockSyntax Prepend(BlockSyntax block, StatementSyntax statement, SyntaxTrivia endOfLine)
    {
        if (block.Statements.Count == 0)
        {
            return Append(block, statement, endOfLine);
        }

        statement = IsOneLine(block)
            ? statement.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space)
            : statement.WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        return block.WithStatements(block.Statements.Insert(0, statement));
    }

    private static bool IsOneLine(BlockSyntax block) => block.ToString().IndexOf('\n') < 0;

    // The file's own line ending, so a fix never mixes \n and \r\n.
    private static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    // Splits "    // ignore\n    " into the comment lines and the final indentation of the brace.
    private static (SyntaxTriviaList Comments, SyntaxTriviaList Indentation) SplitIndentation(SyntaxTriviaList trivia)
    {
        var split = trivia.Count;
        while (split > 0 && trivia[split - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            split--;
        }

        var comments = SyntaxFactory.TriviaList();
        var indentation = SyntaxFactory.TriviaList();
        for (var i = 0; i < trivia.Count; i++)
        {
            if (i < split)
            {
                comments = comments.Add(trivia[i]);
            }
            else
            {
                indentation = indentation.Add(trivia[i]);
            }
        }

        return (comments, indentation);
    }

    // ex, unless something in scope or in the block already has that name.
    private static string FreeName(SemanticModel model, CatchClauseSyntax clause)
    {
        foreach (var candidate in new[] { "ex", "exception", "caught" })
        {
            if (IsFree(model, clause, candidate))
            {
                return candidate;
            }
        }

        for (var i = 2; ; i++)
        {
            var candidate = "ex" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsFree(model, clause, candidate))
            {
                return candidate;
            }
        }
    }

    private static bool IsFree(SemanticModel model, CatchClauseSyntax clause, string name)
    {
        if (!model.LookupSymbols(clause.Block.OpenBraceToken.Span.End, name: name).IsEmpty)
        {
            return false;
        }

        foreach (var token in clause.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return false;
            }
        }

        return true;
    }

    // "CancelOrderAsync failed": the innermost named function around the catch.
    private static string OperationName(SemanticModel model, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        for (var symbol = model.GetEnclosingSymbol(clause.Block.SpanStart, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            switch (symbol)
            {
                case IMethodSymbol { MethodKind: MethodKind.AnonymousFunction }:
                    continue;
                case IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName }:
                    return "Operation";
                case IMethodSymbol { AssociatedSymbol: { } associated }:
                    return associated.Name;
                case IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor:
                    return constructor.ContainingType.Name;
                case IMethodSymbol method:
                    return method.Name;
                default:
                    return symbol.Name.Length > 0 ? symbol.Name : "Operation";
            }
        }

        return "Operation";
    }

    private static bool LogErrorIsInScope(SemanticModel model, CatchClauseSyntax clause, string logger)
    {
        var position = clause.Block.OpenBraceToken.Span.End;
        foreach (var symbol in model.LookupSymbols(position, name: logger))
        {
            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (type is not null && !model.LookupSymbols(position, type, "LogError", includeReducedExtensionMethods: true).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    // using Microsoft.Extensions.Logging; among the file's usings: after the System ones, in order.
    private static void AddLoggingImport(DocumentEditor editor, SyntaxTrivia endOfLine)
    {
        if (editor.OriginalRoot is not CompilationUnitSyntax unit)
        {
            return;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(LoggingNamespace))
            .WithTrailingTrivia(endOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);
        foreach (var existing in unit.Usings)
        {
            var name = existing.Name?.ToString() ?? string.Empty;
            if (existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None)
                && !name.StartsWith("System", StringComparison.Ordinal)
                && string.CompareOrdinal(name, LoggingNamespace) > 0)
            {
                editor.InsertBefore(existing, directive);
                return;
            }
        }

        if (unit.Usings.Count > 0)
        {
            editor.InsertAfter(unit.Usings[unit.Usings.Count - 1], directive);
        }
        else
        {
            editor.ReplaceNode(unit, (node, _) => ((CompilationUnitSyntax)node).AddUsings(directive));
        }
    }
}
