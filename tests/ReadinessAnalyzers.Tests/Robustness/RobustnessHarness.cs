using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer over one variant with <see cref="CompilationWithAnalyzers"/>, checks what they
/// report, then asks every applicable code fix provider to register and compute its fixes, the way the
/// IDE does for a lightbulb. Everything that throws, hangs or reports nonsense becomes a failure message.
/// </summary>
internal sealed partial class RobustnessHarness
{
    // A hang guard (an analyzer or fix that loops), not a speed check: speed is measured in bench/.
    public static readonly TimeSpan VariantTimeout = TimeSpan.FromMinutes(10);

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<CodeFixProvider> _fixers;
    private readonly IReadOnlyDictionary<ReferenceProfile, ImmutableArray<MetadataReference>> _references;

    public RobustnessHarness(
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<CodeFixProvider> fixers,
        IReadOnlyDictionary<ReferenceProfile, ImmutableArray<MetadataReference>> references)
    {
        _analyzers = analyzers;
        _fixers = fixers;
        _references = references;
        DiagnosticIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every id our analyzers declare.</summary>
    public ImmutableHashSet<string> DiagnosticIds { get; }

    public async Task<VariantOutcome> RunAsync(Variant variant, FixPolicy policy)
    {
        var outcome = new VariantOutcome(variant);
        var watch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(VariantTimeout);
        try
        {
            // WaitAsync as well as the token: an analyzer spinning in a loop never looks at the token.
            await RunCoreAsync(variant, policy, outcome, timeout.Token).WaitAsync(VariantTimeout + TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
        {
            await timeout.CancelAsync(); // whatever still runs in the background may stop at its next check
            outcome.Failures.Add(new Failure(
                "timed out",
                $"{FailureReport.Header(variant)}\n  did not finish within {VariantTimeout.TotalSeconds:0} s (an analyzer or fix loops or is pathologically slow)\n{FailureReport.MutationSnippet(variant)}"));
        }
        catch (Exception ex)
        {
            outcome.Failures.Add(new Failure(
                "harness threw " + FailureReport.Kind(ex),
                $"{FailureReport.Header(variant)}\n  the harness itself failed (Roslyn or workspace), not attributed to an analyzer:\n{FailureReport.Exception(ex)}{FailureReport.MutationSnippet(variant)}"));
        }

        outcome.Duration = watch.Elapsed;
        return outcome;
    }

    /// <summary>The project a variant becomes, in a fresh workspace.</summary>
    public Project CreateProject(AdhocWorkspace workspace, Variant variant)
    {
        var projectId = ProjectId.CreateNewId(variant.Name);
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            name: "Robustness",
            assemblyName: "Robustness",
            language: LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(variant.OutputKind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: s_parseOptions,
            metadataReferences: _references[variant.References]));
        foreach (var file in variant.Files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, file.Path), file.Path, SourceText.From(file.Text), filePath: file.Path);
        }

        return solution.GetProject(projectId)!;
    }

    private async Task RunCoreAsync(Variant variant, FixPolicy policy, VariantOutcome outcome, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var workspace = new AdhocWorkspace();
        var project = CreateProject(workspace, variant);
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;

        var exceptions = new ConcurrentQueue<(string Analyzer, Exception Exception)>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, ConfigProfiles.Get(variant.Options)),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue((analyzer.GetType().Name, exception)),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(_analyzers, options);
        ImmutableArray<Diagnostic> reported;
        if (variant.Scope == AnalysisScope.FocusFile && compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == variant.FocusPath) is { } focus)
        {
            reported = (await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(focus, cancellationToken))
                .AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(focus), filterSpan: null, cancellationToken));
        }
        else
        {
            reported = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        }

        foreach (var (analyzer, exception) in exceptions)
        {
            outcome.Failures.Add(new Failure(
                $"{analyzer} threw {FailureReport.Kind(exception)}",
                $"{FailureReport.Header(variant)}\n  analyzer {analyzer} threw:\n{FailureReport.Exception(exception)}{FailureReport.MutationSnippet(variant)}"));
        }

        var ours = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in reported)
        {
            if (diagnostic.Id == "AD0001")
            {
                var message = diagnostic.GetMessage(CultureInfo.InvariantCulture).ReplaceLineEndings(" ");
                outcome.Failures.Add(new Failure(
                    "AD0001 " + (message.Length > 160 ? message.Substring(0, 160) : message),
                    $"{FailureReport.Header(variant)}\n  AD0001 reported: {message}\n{FailureReport.MutationSnippet(variant)}"));
            }
            else if (CheckDiagnostic(diagnostic, compilation) is { } problem)
            {
                outcome.Failures.Add(new Failure(
                    $"{diagnostic.Id} {problem.Kind}",
                    $"{FailureReport.Header(variant)}\n  {problem.Detail}\n{FailureReport.MutationSnippet(variant)}"));
            }
            else
            {
                ours.Add(diagnostic);
            }
        }

        outcome.Diagnostics = ours.ToImmutable()
            .Sort((x, y) => CompareLocations(x, y));
        outcome.AnalysisDuration = watch.Elapsed;

        if (policy.MaxDiagnostics <= 0 || _fixers.IsEmpty)
        {
            return;
        }

        ErrorSet? before = null;
        if (policy.CheckCompiles)
        {
            var compilerDiagnostics = compilation.GetDiagnostics(cancellationToken);
            before = new ErrorSet(compilerDiagnostics);
            outcome.CompilerErrors = compilerDiagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.ToString())
                .ToImmutableArray();
        }

        var candidates = outcome.Diagnostics
            .Where(d => !policy.FocusFileOnly || variant.FocusPath is null || d.Location.SourceTree?.FilePath == variant.FocusPath)
            .ToImmutableArray();
        var keys = new SortedDictionary<string, (CodeFixProvider Fixer, Diagnostic Diagnostic)>(StringComparer.Ordinal);
        foreach (var diagnostic in Spread(candidates, policy.MaxDiagnostics))
        {
            await FixOneAsync(variant, project, diagnostic, before, keys, outcome, cancellationToken);
        }

        if (policy.RunFixAll)
        {
            foreach (var (key, (fixer, diagnostic)) in keys)
            {
                await FixAllAsync(variant, project, fixer, key, diagnostic, outcome.Diagnostics, before, outcome, cancellationToken);
            }
        }
    }

    // A diagnostic must point into a source file of the compilation, read in full, and never in generated code.
    private (string Kind, string Detail)? CheckDiagnostic(Diagnostic diagnostic, Compilation compilation)
    {
        if (!DiagnosticIds.Contains(diagnostic.Id))
        {
            return ("is not declared", $"diagnostic {diagnostic.Id} is not declared by any analyzer's SupportedDiagnostics");
        }

        string message;
        try
        {
            message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            return ("message does not format", $"{diagnostic.Id}'s message does not format: {ex.Message}");
        }

        if (UnfilledPlaceholder().IsMatch(message))
        {
            return ("message has an unfilled placeholder", $"{FailureReport.Where(diagnostic)}: message has an unfilled placeholder: {message}");
        }

        var tree = diagnostic.Location.SourceTree;
        if (!diagnostic.Location.IsInSource || tree is null || !compilation.ContainsSyntaxTree(tree))
        {
            return ("is not in a source file", $"{diagnostic.Id} is not located in a source file of the compilation ({diagnostic.Location})");
        }

        if (diagnostic.Location.SourceSpan.End > tree.Length)
        {
            return ("span runs past the end of the file", $"{diagnostic.Id} span {diagnostic.Location.SourceSpan} runs past the end of {tree.FilePath} ({tree.Length} chars)");
        }

        if (GeneratedCode.IsGenerated(tree))
        {
            return ("reported in generated code", $"{FailureReport.Where(diagnostic)} is reported in generated code ({tree.FilePath})");
        }

        return null;
    }

    private async Task FixOneAsync(
        Variant variant,
        Project project,
        Diagnostic diagnostic,
        ErrorSet? before,
        SortedDictionary<string, (CodeFixProvider, Diagnostic)> keys,
        VariantOutcome outcome,
        CancellationToken cancellationToken)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree);
        if (document is null)
        {
            outcome.Failures.Add(new Failure("diagnostic without a document", $"{FailureReport.Header(variant)}\n  no document for {FailureReport.Where(diagnostic)}"));
            return;
        }

        foreach (var fixer in _fixers)
        {
            if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                continue;
            }

            var actions = new List<CodeAction>();
            try
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                outcome.Failures.Add(new Failure(
                    $"{fixer.GetType().Name}.RegisterCodeFixesAsync({diagnostic.Id}) threw {FailureReport.Kind(ex)}",
                    $"{FailureReport.Header(variant)}\n  {fixer.GetType().Name}.RegisterCodeFixesAsync threw for {FailureReport.Where(diagnostic)}:\n"
                    + FailureReport.Exception(ex) + Snippet(diagnostic)));
                continue;
            }

            outcome.FixesRegistered += actions.Count;
            foreach (var action in actions)
            {
                if (action.EquivalenceKey is { } key && !keys.ContainsKey(key))
                {
                    keys[key] = (fixer, diagnostic);
                }

                await ApplyAsync(variant, project, fixer, action, $"fix '{action.EquivalenceKey ?? action.Title}'", $"fix '{action.Title}' for {FailureReport.Where(diagnostic)}", diagnostic, before, outcome, cancellationToken);
            }
        }
    }

    private async Task FixAllAsync(
        Variant variant,
        Project project,
        CodeFixProvider fixer,
        string equivalenceKey,
        Diagnostic representative,
        ImmutableArray<Diagnostic> diagnostics,
        ErrorSet? before,
        VariantOutcome outcome,
        CancellationToken cancellationToken)
    {
        var provider = fixer.GetFixAllProvider();
        if (provider is null)
        {
            return;
        }

        var ids = fixer.FixableDiagnosticIds.Where(DiagnosticIds.Contains).ToImmutableArray();
        var diagnosticProvider = new PrecomputedDiagnosticProvider(diagnostics);
        var document = project.GetDocument(representative.Location.SourceTree)!;
        foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project })
        {
            if (!provider.GetSupportedFixAllScopes().Contains(scope))
            {
                continue;
            }

            var kind = $"Fix All ({scope}, '{equivalenceKey}')";
            var label = $"{kind} from {FailureReport.Where(representative)}";
            CodeAction? action;
            try
            {
                var context = scope == FixAllScope.Document
                    ? new FixAllContext(document, fixer, scope, equivalenceKey, ids, diagnosticProvider, cancellationToken)
                    : new FixAllContext(project, fixer, scope, equivalenceKey, ids, diagnosticProvider, cancellationToken);
                action = await provider.GetFixAsync(context);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                outcome.Failures.Add(new Failure(
                    $"{fixer.GetType().Name} {kind} threw {FailureReport.Kind(ex)}",
                    $"{FailureReport.Header(variant)}\n  {label} of {fixer.GetType().Name} threw:\n{FailureReport.Exception(ex)}"));
                continue;
            }

            if (action is not null)
            {
                await ApplyAsync(variant, project, fixer, action, kind, label, representative, before, outcome, cancellationToken);
            }
        }
    }

    private static async Task ApplyAsync(
        Variant variant,
        Project project,
        CodeFixProvider fixer,
        CodeAction action,
        string kind,
        string label,
        Diagnostic diagnostic,
        ErrorSet? before,
        VariantOutcome outcome,
        CancellationToken cancellationToken)
    {
        Solution? changed = null;
        try
        {
            foreach (var operation in await action.GetOperationsAsync(cancellationToken))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    changed = apply.ChangedSolution;
                }
            }

            if (changed is not null)
            {
                foreach (var projectChanges in changed.GetChanges(project.Solution).GetProjectChanges())
                {
                    foreach (var id in projectChanges.GetChangedDocuments())
                    {
                        _ = await changed.GetDocument(id)!.GetSyntaxRootAsync(cancellationToken);
                    }
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            outcome.Failures.Add(new Failure(
                $"{fixer.GetType().Name} {kind} threw {FailureReport.Kind(ex)}",
                $"{FailureReport.Header(variant)}\n  {label} of {fixer.GetType().Name} threw while computing its change:\n"
                + FailureReport.Exception(ex) + Snippet(diagnostic)));
            return;
        }

        if (changed is null)
        {
            return;
        }

        outcome.FixesApplied++;
        if (before is null)
        {
            return;
        }

        var after = (await changed.GetProject(project.Id)!.GetCompilationAsync(cancellationToken))!;
        var added = before.Added(after.GetDiagnostics(cancellationToken));
        if (added.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{FailureReport.Header(variant)}\n  {label} of {fixer.GetType().Name} leaves code that does not compile:\n");
        foreach (var error in added.Take(5))
        {
            var span = error.Location.GetLineSpan();
            message.Append(CultureInfo.InvariantCulture, $"    {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {error.Id} {error.GetMessage(CultureInfo.InvariantCulture)}\n");
            if (error.Location.SourceTree is { } tree)
            {
                message.Append(FailureReport.Snippet(tree.FilePath + " (after the fix)", tree.GetText(cancellationToken).ToString(), error.Location.SourceSpan.Start, context: 2));
            }
        }

        message.Append(Snippet(diagnostic, "before the fix"));
        var errorIds = string.Join(", ", added.Select(e => e.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        outcome.Failures.Add(new Failure($"{fixer.GetType().Name} {kind} leaves {errorIds}", message.ToString()));
    }

    private static string Snippet(Diagnostic diagnostic, string note = "")
        => diagnostic.Location.SourceTree is { } tree
            ? FailureReport.Snippet(tree.FilePath + (note.Length > 0 ? $" ({note})" : string.Empty), tree.GetText().ToString(), diagnostic.Location.SourceSpan.Start, context: 2)
            : string.Empty;

    // Evenly spaced, so a capped variant still fixes diagnostics from all over the file.
    private static IEnumerable<Diagnostic> Spread(ImmutableArray<Diagnostic> diagnostics, int max)
    {
        if (diagnostics.Length <= max)
        {
            return diagnostics;
        }

        return Enumerable.Range(0, max).Select(i => diagnostics[(int)((long)i * diagnostics.Length / max)]);
    }

    private static int CompareLocations(Diagnostic x, Diagnostic y)
    {
        var byPath = string.CompareOrdinal(x.Location.SourceTree?.FilePath, y.Location.SourceTree?.FilePath);
        if (byPath != 0)
        {
            return byPath;
        }

        var byStart = x.Location.SourceSpan.Start.CompareTo(y.Location.SourceSpan.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(x.Id, y.Id);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex UnfilledPlaceholder();
}
