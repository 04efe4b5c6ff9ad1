using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Tests.Robustness.Corpus;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// Deterministically broken variants of the corpus. Variant k of a family takes its file round-robin
/// (group by group, then file by file) and its randomness from <c>new Random(seed + k)</c>, so the
/// same corpus always yields the same variants and a failure names one that can be rebuilt.
/// </summary>
internal static class VariantFactory
{
    public const int LargeFileLines = 20_000;

    // Where the analyzers look: a mutation near these tokens breaks exactly the code they reason about.
    private static readonly ImmutableHashSet<string> s_anchors = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Sleep", "SpinUntil", "Result", "Wait", "WaitAll", "WaitAny", "GetAwaiter", "GetResult", "ConfigureAwait",
        "Run", "StartNew", "QueueUserWorkItem", "await", "async", "lock", "HotPath", "Task", "ValueTask",
        "CancellationToken", "Delay", "WhenAll", "IsCompleted", "FromResult");

    private static readonly string[] s_memberFragments =
    {
        "public async Task Foo(",
        "public async Task<decimal> GetPriceAsync(CancellationToken ct) =>",
        "private readonly object _gate = ",
        "[HotPath] public void OnQuote(Quote quote) { Thread.Sleep(",
        "public async Task PlaceAsync(Order order) { var fill = _client.PlaceOrderAsync(order).",
        "async",
        "public event EventHandler<Quote>",
        "public decimal Price { get => _price.Result",
        "[HotPath",
        "public async ValueTask<Fill> ReplaceAsync(Order order, CancellationToken cancellationToken) { lock (",
        "static async Task PauseAsync() { Thread.Sleep(10); await",
        "public Task Run() => Task.Run(() => { Thread.Sleep(",
    };

    private static readonly string[] s_statementFragments =
    {
        "var x = await ;",
        "Thread.Sleep(",
        "task.Result.",
        "lock (",
        "await Task.Run(() => { Thread.Sleep(",
        "Task.WaitAll(",
        ".GetAwaiter().GetResult();",
        "Thread.Sleep(10)",
        "_ = Task.Run(async () => { await",
        "var q = _client.GetQuoteAsync(symbol).Result",
        "if (task.IsCompleted) { var r = task.",
        "SpinWait.SpinUntil(() =>",
        "using (await",
        "foreach (var t in tasks) t.Wait(",
        "Thread.Sleep(cancellationToken);",
        "return Task.FromResult(",
        "await foreach (var q in",
        "Func<Task> f = async () => Thread.Sleep(1)",
    };

    private static readonly ConfigProfile[] s_optionRotation = { ConfigProfile.Default, ConfigProfile.Malformed, ConfigProfile.HotPathEverywhere };

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    private delegate Mutation? Mutator(CorpusFile file, Random random, int index);

    public static ImmutableArray<Variant> SingleTokenDeletions(IReadOnlyList<CorpusGroup> groups, int count)
        => Build(groups, "token-delete", seed: 1_000, count, DeleteToken);

    public static ImmutableArray<Variant> TokenRunDeletions(IReadOnlyList<CorpusGroup> groups, int count)
        => Build(groups, "token-run-delete", seed: 2_000, count, DeleteTokenRun);

    public static ImmutableArray<Variant> Truncations(IReadOnlyList<CorpusGroup> groups, int count)
        => Build(groups, "truncate", seed: 3_000, count, Truncate);

    public static ImmutableArray<Variant> UnbalancedBraces(IReadOnlyList<CorpusGroup> groups, int count)
        => Build(groups, "braces", seed: 4_000, count, UnbalanceBraces);

    public static ImmutableArray<Variant> HalfTypedMembers(IReadOnlyList<CorpusGroup> groups, int count)
        => Build(groups, "half-member", seed: 5_000, count, InsertMemberFragment);

    public static ImmutableArray<Variant> HalfTypedStatements(IReadOnlyList<CorpusGroup> groups, int count)
        => Build(groups, "half-statement", seed: 6_000, count, InsertStatementFragment);

    public static ImmutableArray<Variant> CutStatements(IReadOnlyList<CorpusGroup> groups, int count)
        => Build(groups, "cut-statement", seed: 7_000, count, CutStatement);

    /// <summary>Token deletions compiled against another framework, always with the default options.</summary>
    public static ImmutableArray<Variant> BrokenAgainst(IReadOnlyList<CorpusGroup> groups, ReferenceProfile references, int count)
        => Build(groups, "refs-" + references.ToString().ToLowerInvariant(), seed: 8_000 + (int)references, count, DeleteToken, references);

    /// <summary>Per group: its largest file duplicated, the whole group duplicated, and a broken duplicate.</summary>
    public static ImmutableArray<Variant> Duplicates(IReadOnlyList<CorpusGroup> groups)
    {
        var variants = ImmutableArray.CreateBuilder<Variant>();
        foreach (var group in groups)
        {
            var largest = Targets(group).OrderByDescending(f => f.Text.Length).ThenBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();
            if (largest is null)
            {
                continue;
            }

            var copyPath = "Copy/" + largest.Path;
            variants.Add(new Variant(
                $"duplicate-file/{largest.Path}", group.Files.Add(new CorpusFile(copyPath, largest.Text)), group.OutputKind,
                copyPath, $"{largest.Path} added twice", -1, ReferenceProfile.Net80, ConfigProfile.Default));

            var everything = group.Files.AddRange(group.Files.Select(f => new CorpusFile("Copy/" + f.Path, f.Text)));
            variants.Add(new Variant(
                $"duplicate-group/{group.Name}", everything, group.OutputKind,
                copyPath, "every file added twice", -1, ReferenceProfile.Net80, ConfigProfile.HotPathEverywhere));

            var broken = DeleteToken(largest, new Random(9_000), 0)!;
            variants.Add(new Variant(
                $"duplicate-broken/{largest.Path}", group.Files.Add(new CorpusFile(copyPath, broken.Text)), group.OutputKind,
                copyPath, $"{largest.Path} added twice, the copy with {broken.Description}", broken.Position,
                ReferenceProfile.Net80, ConfigProfile.Malformed));
        }

        return variants.ToImmutable();
    }

    /// <summary>The embedded group plus one file of at least <see cref="LargeFileLines"/> lines: whole, truncated, peppered, generated.</summary>
    public static ImmutableArray<Variant> LargeFile(CorpusGroup embedded)
    {
        var text = LargeFileSource.Create(LargeFileLines);
        var file = new CorpusFile(LargeFileSource.Path, text);
        var lines = SourceText.From(text).Lines.Count;

        var peppered = text;
        var random = new Random(10_000);
        var deleted = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var mutation = DeleteToken(new CorpusFile(file.Path, peppered), random, i)!;
            peppered = mutation.Text;
            deleted.Add(mutation.Description);
        }

        var half = text.Length / 2;
        return ImmutableArray.Create(
            new Variant($"large/{lines}-lines", embedded.Files.Add(file), embedded.OutputKind, file.Path, $"{lines}-line file", -1, ReferenceProfile.Net80, ConfigProfile.Default),
            new Variant($"large/{lines}-lines-truncated", embedded.Files.Add(file with { Text = text.Substring(0, half) }), embedded.OutputKind, file.Path,
                $"{lines}-line file truncated at offset {half}", half, ReferenceProfile.Net80, ConfigProfile.HotPathEverywhere),
            new Variant($"large/{lines}-lines-25-deletions", embedded.Files.Add(file with { Text = peppered }), embedded.OutputKind, file.Path,
                $"{lines}-line file with 25 token deletions", -1, ReferenceProfile.Net80, ConfigProfile.Malformed),
            new Variant($"large/{lines}-lines-generated", embedded.Files.Add(file with { Text = "// <auto-generated/>\n" + text }), embedded.OutputKind, file.Path,
                $"{lines}-line file marked <auto-generated/>", -1, ReferenceProfile.Net80, ConfigProfile.Default));
    }

    /// <summary>Each of <paramref name="paths"/> marked as generated code in every way the compiler recognises, plus broken.</summary>
    public static ImmutableArray<Variant> Generated(CorpusGroup group, IEnumerable<string> paths)
    {
        var variants = ImmutableArray.CreateBuilder<Variant>();
        foreach (var path in paths)
        {
            var file = group.Files.Single(f => f.Path == path);
            var stem = path.Substring(0, path.Length - ".cs".Length);
            Add("header", file with { Text = "// <auto-generated/>\n" + file.Text }, "// <auto-generated/> header");
            Add("header-block", file with { Text = "// <auto-generated>\n//     This code was generated by a tool.\n// </auto-generated>\n\n" + file.Text }, "tool-style <auto-generated> header");
            Add("g.cs", file with { Path = stem + ".g.cs" }, "renamed to .g.cs");
            Add("designer.cs", file with { Path = stem + ".Designer.cs" }, "renamed to .Designer.cs");
            var broken = DeleteToken(file, new Random(11_000 + variants.Count), 0)!;
            Add("header-broken", file with { Text = "// <auto-generated/>\n" + broken.Text }, "// <auto-generated/> header and " + broken.Description);

            void Add(string kind, CorpusFile changed, string description)
                => variants.Add(new Variant(
                    $"generated-{kind}/{path}",
                    group.Files.Select(f => f.Path == path ? changed : f).ToImmutableArray(),
                    group.OutputKind,
                    changed.Path,
                    description,
                    -1,
                    ReferenceProfile.Net80,
                    ConfigProfile.Default));
        }

        return variants.ToImmutable();
    }

    private static ImmutableArray<Variant> Build(
        IReadOnlyList<CorpusGroup> groups, string family, int seed, int count, Mutator mutate, ReferenceProfile? references = null)
    {
        var targets = groups.Select(g => (Group: g, Files: Targets(g).ToImmutableArray())).Where(t => !t.Files.IsEmpty).ToImmutableArray();
        var variants = ImmutableArray.CreateBuilder<Variant>(count);
        if (targets.IsEmpty)
        {
            return variants.ToImmutable();
        }

        for (var k = 0; k < count; k++)
        {
            // A file the mutation cannot apply to (no statements to cut) hands the variant to the next file.
            var (group, files) = targets[k % targets.Length];
            CorpusFile? file = null;
            Mutation? mutation = null;
            for (var attempt = 0; attempt < files.Length && mutation is null; attempt++)
            {
                file = files[((k / targets.Length) + attempt) % files.Length];
                mutation = mutate(file, new Random(seed + k), k);
            }

            if (file is null || mutation is null)
            {
                continue;
            }

            // Rotate the options so malformed and hot-path configurations meet broken code too, and analyse
            // every fourth variant whole so compilation-wide analysis meets broken code as well.
            var options = references is null ? s_optionRotation[k % s_optionRotation.Length] : ConfigProfile.Default;
            var scope = k % 4 == 0 ? AnalysisScope.Compilation : AnalysisScope.FocusFile;
            variants.Add(new Variant(
                string.Create(CultureInfo.InvariantCulture, $"{family}/{file.Path}#{k}"),
                group.Files.Select(f => f.Path == file.Path ? new CorpusFile(f.Path, mutation.Text) : f).ToImmutableArray(),
                group.OutputKind,
                file.Path,
                mutation.Description,
                mutation.Position,
                references ?? ReferenceProfile.Net80,
                options,
                scope));
        }

        return variants.ToImmutable();
    }

    private static IEnumerable<CorpusFile> Targets(CorpusGroup group)
        => group.Files.Where(f => !GeneratedCode.IsGenerated(Parse(f)));

    private static SyntaxTree Parse(CorpusFile file) => CSharpSyntaxTree.ParseText(file.Text, s_parseOptions, file.Path);

    private static List<SyntaxToken> Tokens(CorpusFile file)
        => Parse(file).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();

    // Half the picks land within a few tokens of an anchor, half anywhere in the file.
    private static int PickToken(List<SyntaxToken> tokens, Random random)
    {
        if (random.Next(2) == 0)
        {
            var anchors = new List<int>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (s_anchors.Contains(tokens[i].ValueText))
                {
                    anchors.Add(i);
                }
            }

            if (anchors.Count > 0)
            {
                return Math.Clamp(anchors[random.Next(anchors.Count)] + random.Next(-4, 5), 0, tokens.Count - 1);
            }
        }

        return random.Next(tokens.Count);
    }

    private static Mutation? DeleteToken(CorpusFile file, Random random, int index)
    {
        var tokens = Tokens(file);
        if (tokens.Count == 0)
        {
            return null;
        }

        var token = tokens[PickToken(tokens, random)];
        return new Mutation(
            file.Text.Remove(token.SpanStart, token.Span.Length),
            $"deleted token '{token.Text}' at {At(file, token.SpanStart)}",
            token.SpanStart);
    }

    private static Mutation? DeleteTokenRun(CorpusFile file, Random random, int index)
    {
        var tokens = Tokens(file);
        if (tokens.Count < 2)
        {
            return null;
        }

        var first = PickToken(tokens, random);
        var last = Math.Min(tokens.Count - 1, first + random.Next(1, 16));
        var start = tokens[first].SpanStart;
        var end = tokens[last].Span.End;
        return new Mutation(
            file.Text.Remove(start, end - start),
            $"deleted {last - first + 1} tokens '{Abbreviate(file.Text.Substring(start, end - start))}' at {At(file, start)}",
            start);
    }

    private static Mutation? Truncate(CorpusFile file, Random random, int index)
    {
        if (file.Text.Length < 2)
        {
            return null;
        }

        int offset;
        if (index % 2 == 0)
        {
            var tokens = Tokens(file);
            var token = tokens[PickToken(tokens, random)];
            offset = token.SpanStart + random.Next(0, token.Span.Length + 1);
        }
        else
        {
            offset = random.Next(1, file.Text.Length);
        }

        return new Mutation(file.Text.Substring(0, offset), $"truncated at {At(file, offset)}", offset);
    }

    private static Mutation? UnbalanceBraces(CorpusFile file, Random random, int index)
    {
        var tokens = Tokens(file);
        var closers = tokens.Where(t => t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
        var openers = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken)).ToList();
        if (tokens.Count == 0 || closers.Count == 0 || openers.Count == 0)
        {
            return null;
        }

        switch (index % 5)
        {
            case 0:
                var closer = closers[random.Next(closers.Count)];
                return new Mutation(file.Text.Remove(closer.SpanStart, 1), $"removed '}}' at {At(file, closer.SpanStart)}", closer.SpanStart);
            case 1:
                var opener = openers[random.Next(openers.Count)];
                return new Mutation(file.Text.Remove(opener.SpanStart, 1), $"removed '{{' at {At(file, opener.SpanStart)}", opener.SpanStart);
            case 2:
                var before = tokens[PickToken(tokens, random)].SpanStart;
                return new Mutation(file.Text.Insert(before, "}"), $"inserted '}}' at {At(file, before)}", before);
            case 3:
                var at = tokens[PickToken(tokens, random)].SpanStart;
                return new Mutation(file.Text.Insert(at, "{ "), $"inserted '{{' at {At(file, at)}", at);
            default:
                var from = closers[random.Next(closers.Count)].SpanStart;
                var text = string.Concat(file.Text.AsSpan(0, from), file.Text.Substring(from).Replace("}", string.Empty, StringComparison.Ordinal));
                return new Mutation(text, $"removed every '}}' from {At(file, from)} on", from);
        }
    }

    private static Mutation? InsertMemberFragment(CorpusFile file, Random random, int index)
    {
        var root = Parse(file).GetRoot();
        var fragment = s_memberFragments[random.Next(s_memberFragments.Length)];
        var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m.Parent is TypeDeclarationSyntax).ToList();
        int position;
        if (members.Count > 0)
        {
            position = members[random.Next(members.Count)].SpanStart;
        }
        else
        {
            // A type without members: type the fragment just inside its closing brace.
            var closers = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
            if (closers.Count == 0)
            {
                return null;
            }

            position = closers[random.Next(closers.Count)].SpanStart;
        }

        return new Mutation(file.Text.Insert(position, fragment + "\n        "), $"inserted half-typed member '{fragment}' at {At(file, position)}", position);
    }

    private static Mutation? InsertStatementFragment(CorpusFile file, Random random, int index)
    {
        var statements = Statements(file, random);
        if (statements.Count == 0)
        {
            return null;
        }

        var fragment = s_statementFragments[random.Next(s_statementFragments.Length)];
        var position = statements[random.Next(statements.Count)].SpanStart;
        return new Mutation(file.Text.Insert(position, fragment + "\n            "), $"inserted half-typed statement '{fragment}' at {At(file, position)}", position);
    }

    // Half-typed from the other end: a statement the author is still typing, cut mid-way.
    private static Mutation? CutStatement(CorpusFile file, Random random, int index)
    {
        var statements = Statements(file, random).Where(s => s.Span.Length >= 6 && s is not BlockSyntax).ToList();
        if (statements.Count == 0)
        {
            return null;
        }

        var withAnchor = statements.Where(s => s.DescendantTokens().Any(t => s_anchors.Contains(t.ValueText))).ToList();
        var pool = withAnchor.Count > 0 && random.Next(2) == 0 ? withAnchor : statements;
        var statement = pool[random.Next(pool.Count)];
        var cut = statement.SpanStart + random.Next(1, statement.Span.Length - 1);
        return new Mutation(
            file.Text.Remove(cut, statement.Span.End - cut),
            $"statement cut to '{Abbreviate(file.Text.Substring(statement.SpanStart, cut - statement.SpanStart))}' at {At(file, statement.SpanStart)}",
            cut);
    }

    // Statements directly in a block; half the time only those inside async functions.
    private static List<StatementSyntax> Statements(CorpusFile file, Random random)
    {
        var statements = Parse(file).GetRoot().DescendantNodes().OfType<StatementSyntax>().Where(s => s.Parent is BlockSyntax).ToList();
        if (random.Next(2) == 0)
        {
            var inAsync = statements.Where(IsInAsyncFunction).ToList();
            if (inAsync.Count > 0)
            {
                return inAsync;
            }
        }

        return statements;
    }

    private static bool IsInAsyncFunction(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MemberDeclarationSyntax member:
                    return member.Modifiers.Any(SyntaxKind.AsyncKeyword);
            }
        }

        return false;
    }

    private static string At(CorpusFile file, int position)
    {
        var line = SourceText.From(file.Text).Lines.GetLinePosition(Math.Min(position, file.Text.Length));
        return string.Create(CultureInfo.InvariantCulture, $"line {line.Line + 1}, column {line.Character + 1} (offset {position})");
    }

    private static string Abbreviate(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 60 ? flat : string.Concat(flat.AsSpan(0, 57), "...");
    }

    private sealed record Mutation(string Text, string Description, int Position);
}
