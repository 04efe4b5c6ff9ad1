using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ReadinessAnalyzers.CodeFixes.Shared;

/// <summary>
/// Fix All that applies every diagnostic of a document in one <c>DocumentEditor</c> pass, through the
/// same function the single fix uses. The batch fixer merges text diffs instead, and diffs of
/// neighbouring insertions that look alike (two switch arms wrapped the same way) can overlap, which
/// leaves work for a second pass.
/// </summary>
internal sealed class DocumentFixAll(
    Func<Document, ImmutableArray<Diagnostic>, string?, CancellationToken, Task<Document>> fix) : DocumentBasedFixAllProvider
{
    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        => await fix(document, diagnostics, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken).ConfigureAwait(false);
}
