using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Typed access to every <c>readiness.*</c> key of <c>.editorconfig</c> / <c>.globalconfig</c>.
/// A missing or malformed value means the default; parsing never throws.
/// </summary>
internal sealed class ReadinessOptions
{
    public const string HotPathAttributesKey = "readiness.hot_path_attributes";
    public const string HotPathNamespacesKey = "readiness.hot_path_namespaces";
    public const string HotPathTypesKey = "readiness.hot_path_types";
    public const string HttpTimeoutBudgetMsKey = "readiness.http_timeout_budget_ms";
    public const string MaxCallDepthKey = "readiness.max_call_depth";
    public const string MoneyNamesKey = "readiness.money_names";
    public const string SecretNamesKey = "readiness.secret_names";
    public const string BlockingMethodsKey = "readiness.blocking_methods";
    public const string SecretsInTestsKey = "readiness.secrets_in_tests";
    public const string MoneyExclusionsKey = "readiness.money_exclusions";
    public const string WallClockAllowedNamespacesKey = "readiness.wall_clock_allowed_namespaces";

    public const int DefaultHttpTimeoutBudgetMs = 500;
    public const int DefaultMaxCallDepth = 8;

    /// <summary>The options of a tree with no <c>readiness.*</c> keys.</summary>
    public static readonly ReadinessOptions Default = new(
        hotPathAttributes: ImmutableHashSet.Create(StringComparer.Ordinal, "HotPath", "HotPathAttribute"),
        hotPathNamespaces: ImmutableArray<string>.Empty,
        hotPathTypes: ImmutableHashSet<string>.Empty,
        httpTimeoutBudgetMs: DefaultHttpTimeoutBudgetMs,
        maxCallDepth: DefaultMaxCallDepth,
        moneyWords: Names.BuildWordList(Names.DefaultMoneyWords, null),
        secretWords: Names.BuildWordList(Names.DefaultSecretWords, null),
        blockingMethods: ImmutableArray<string>.Empty,
        secretsInTests: true,
        moneyExclusionWords: Names.BuildWordList(Names.DefaultMoneyExclusionWords, null),
        wallClockAllowedNamespaces: ImmutableArray<string>.Empty);

    private ReadinessOptions(
        ImmutableHashSet<string> hotPathAttributes,
        ImmutableArray<string> hotPathNamespaces,
        ImmutableHashSet<string> hotPathTypes,
        int httpTimeoutBudgetMs,
        int maxCallDepth,
        ImmutableArray<ImmutableArray<string>> moneyWords,
        ImmutableArray<ImmutableArray<string>> secretWords,
        ImmutableArray<string> blockingMethods,
        bool secretsInTests,
        ImmutableArray<ImmutableArray<string>> moneyExclusionWords,
        ImmutableArray<string> wallClockAllowedNamespaces)
    {
        HotPathAttributes = hotPathAttributes;
        HotPathNamespaces = hotPathNamespaces;
        HotPathTypes = hotPathTypes;
        HttpTimeoutBudgetMs = httpTimeoutBudgetMs;
        MaxCallDepth = maxCallDepth;
        MoneyWords = moneyWords;
        SecretWords = secretWords;
        BlockingMethods = blockingMethods;
        SecretsInTests = secretsInTests;
        MoneyExclusionWords = moneyExclusionWords;
        WallClockAllowedNamespaces = wallClockAllowedNamespaces;
    }

    /// <summary>Attribute simple names that mark a hot path, each with and without the <c>Attribute</c> suffix.</summary>
    public ImmutableHashSet<string> HotPathAttributes { get; }

    /// <summary>Namespaces whose members are all hot path (prefix match on whole namespace segments).</summary>
    public ImmutableArray<string> HotPathNamespaces { get; }

    /// <summary>Type names (simple or namespace-qualified) whose members are all hot path.</summary>
    public ImmutableHashSet<string> HotPathTypes { get; }

    /// <summary>RDY201: the largest acceptable <c>HttpClient.Timeout</c>, in milliseconds.</summary>
    public int HttpTimeoutBudgetMs { get; }

    /// <summary>RDY107: how many calls deep a blocking chain is followed.</summary>
    public int MaxCallDepth { get; }

    /// <summary>Money-like word entries (built-in list with the configured additions and removals).</summary>
    public ImmutableArray<ImmutableArray<string>> MoneyWords { get; }

    /// <summary>Secret-like word entries (built-in list with the configured additions and removals).</summary>
    public ImmutableArray<ImmutableArray<string>> SecretWords { get; }

    /// <summary>Extra blocking APIs: documentation ids (<c>M:Vendor.Client.PlaceOrder(System.String)</c>) or <c>Type.Method</c>.</summary>
    public ImmutableArray<string> BlockingMethods { get; }

    /// <summary>RDY301: whether hardcoded secrets are reported in test projects (<c>true</c> unless configured off).</summary>
    public bool SecretsInTests { get; }

    /// <summary>RDY501-RDY503: words that make a money-like name a ratio or statistic (built-in list with the configured additions and removals).</summary>
    public ImmutableArray<ImmutableArray<string>> MoneyExclusionWords { get; }

    /// <summary>RDY504: namespaces (prefix match on whole segments) whose code may read local wall-clock time (UI, display).</summary>
    public ImmutableArray<string> WallClockAllowedNamespaces { get; }

    /// <summary>Reads the <c>readiness.*</c> keys of one tree's options.</summary>
    public static ReadinessOptions Parse(AnalyzerConfigOptions options)
    {
        var attributes = ReadList(options, HotPathAttributesKey);
        var namespaces = ReadList(options, HotPathNamespacesKey);
        var types = ReadList(options, HotPathTypesKey);
        options.TryGetValue(MoneyNamesKey, out var moneyNames);
        options.TryGetValue(SecretNamesKey, out var secretNames);
        var blocking = ReadList(options, BlockingMethodsKey);
        options.TryGetValue(MoneyExclusionsKey, out var moneyExclusions);
        var wallClockNamespaces = ReadList(options, WallClockAllowedNamespacesKey);
        var budget = ReadPositiveInt(options, HttpTimeoutBudgetMsKey, DefaultHttpTimeoutBudgetMs);
        var depth = ReadPositiveInt(options, MaxCallDepthKey, DefaultMaxCallDepth);
        var secretsInTests = ReadBool(options, SecretsInTestsKey, fallback: true);

        if (attributes.IsEmpty && namespaces.IsEmpty && types.IsEmpty && blocking.IsEmpty
            && moneyNames is null && secretNames is null
            && moneyExclusions is null && wallClockNamespaces.IsEmpty
            && budget == DefaultHttpTimeoutBudgetMs && depth == DefaultMaxCallDepth && secretsInTests)
        {
            return Default;
        }

        var attributeSet = Default.HotPathAttributes.ToBuilder();
        foreach (var name in attributes)
        {
            var simple = name.StartsWith("global::", StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
            var dot = simple.LastIndexOf('.');
            simple = dot >= 0 ? simple.Substring(dot + 1) : simple;
            if (simple.Length == 0)
            {
                continue;
            }

            const string Suffix = "Attribute";
            var bare = simple.EndsWith(Suffix, StringComparison.Ordinal) && simple.Length > Suffix.Length
                ? simple.Substring(0, simple.Length - Suffix.Length)
                : simple;
            attributeSet.Add(bare);
            attributeSet.Add(bare + Suffix);
        }

        return new ReadinessOptions(
            attributeSet.ToImmutable(),
            namespaces,
            ImmutableHashSet.CreateRange(StringComparer.Ordinal, types),
            budget,
            depth,
            Names.BuildWordList(Names.DefaultMoneyWords, moneyNames),
            Names.BuildWordList(Names.DefaultSecretWords, secretNames),
            blocking,
            secretsInTests,
            Names.BuildWordList(Names.DefaultMoneyExclusionWords, moneyExclusions),
            wallClockNamespaces);
    }

    private static ImmutableArray<string> ReadList(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        // Items are comma separated, but a documentation id has commas of its own, between parameters
        // and inside generic and array types: M:Vendor.Client.Place(System.String,System.Decimal).
        var builder = ImmutableArray.CreateBuilder<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : ',';
            switch (c)
            {
                case '(' or '{' or '[' or '<':
                    depth++;
                    break;
                case ')' or '}' or ']' or '>' when depth > 0:
                    depth--;
                    break;
                case ',' when depth == 0 || i == value.Length:
                    var item = value.Substring(start, i - start).Trim();
                    if (item.Length > 0)
                    {
                        builder.Add(item);
                    }

                    start = i + 1;
                    depth = 0;
                    break;
            }
        }

        return builder.ToImmutable();
    }

    private static int ReadPositiveInt(AnalyzerConfigOptions options, string key, int fallback)
        => options.TryGetValue(key, out var value)
           && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
           && parsed > 0
            ? parsed
            : fallback;

    private static bool ReadBool(AnalyzerConfigOptions options, string key, bool fallback)
        => options.TryGetValue(key, out var value) && bool.TryParse(value.Trim(), out var parsed) ? parsed : fallback;

    /// <summary>Each tree's options, parsed once for every analyzer of the package.</summary>
    public sealed class Cache
    {
        // One cache per options provider (one per compilation in a build, one per project snapshot in the
        // IDE): every analyzer of the package reads the same parsed options instead of parsing each tree
        // once per analyzer. A host may also share one provider across many compilations (a tool that
        // passes new AnalyzerOptions(additionalFiles) gets the compiler's static empty provider), so the
        // trees are held weakly: a tree's options live as long as the tree.
        private static readonly ConditionalWeakTable<AnalyzerConfigOptionsProvider, Cache> s_shared = new();

        private readonly ConcurrentMemo<SyntaxTree, ReadinessOptions> _byTree;

        public Cache(AnalyzerOptions options)
            : this(options.AnalyzerConfigOptionsProvider)
        {
        }

        private Cache(AnalyzerConfigOptionsProvider provider)
            => _byTree = ConcurrentMemo<SyntaxTree, ReadinessOptions>.Weak(tree => Parse(provider.GetOptions(tree)));

        /// <summary>The cache every analyzer shares for <paramref name="options"/>.</summary>
        public static Cache For(AnalyzerOptions options)
            => s_shared.GetValue(options.AnalyzerConfigOptionsProvider, static provider => new Cache(provider));

        /// <summary>The options in force for <paramref name="tree"/>.</summary>
        [MethodImpl(JitOptions.Optimized)]
        public ReadinessOptions Get(SyntaxTree tree) => _byTree.Get(tree);
    }
}
