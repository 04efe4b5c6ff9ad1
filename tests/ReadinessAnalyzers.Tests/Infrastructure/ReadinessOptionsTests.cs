using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class ReadinessOptionsTests
{
    private static ReadinessOptions Parse(params (string Key, string Value)[] entries)
        => ReadinessOptions.Parse(new TestAnalyzerConfigOptions(entries));

    // In order, '|' between items: a readable expectation without an array literal per assertion.
    private static string Joined(IEnumerable<string> items) => string.Join("|", items);

    private static string Sorted(IEnumerable<string> items) => Joined(items.OrderBy(n => n, StringComparer.Ordinal));

    [Fact]
    public void Parse_NoKeys_IsTheDefaultSingleton()
        => Assert.Same(ReadinessOptions.Default, Parse());

    [Fact]
    public void Parse_OnlyOtherTools_Keys_IsTheDefaultSingleton()
        => Assert.Same(ReadinessOptions.Default, Parse(
            ("dotnet_diagnostic.RDY101.severity", "error"),
            ("indent_style", "space"),
            ("readiness_hot_path_types", "QuoteHandler")));

    [Fact]
    public void Parse_OnlyMalformedOrDefaultValues_IsTheDefaultSingleton()
        => Assert.Same(ReadinessOptions.Default, Parse(
            (ReadinessOptions.MaxCallDepthKey, "abc"),
            (ReadinessOptions.HttpTimeoutBudgetMsKey, "500"),
            (ReadinessOptions.HotPathTypesKey, "  "),
            (ReadinessOptions.HotPathNamespacesKey, " , ")));

    [Fact]
    public void Default_HasTheSpecDefaults()
    {
        var options = ReadinessOptions.Default;

        Assert.Equal("HotPath|HotPathAttribute", Sorted(options.HotPathAttributes));
        Assert.Empty(options.HotPathNamespaces);
        Assert.Empty(options.HotPathTypes);
        Assert.Empty(options.BlockingMethods);
        Assert.Equal(500, options.HttpTimeoutBudgetMs);
        Assert.Equal(8, options.MaxCallDepth);
        Assert.Equal(Names.DefaultMoneyWords.Length, options.MoneyWords.Length);
        Assert.Equal(Names.DefaultSecretWords.Length, options.SecretWords.Length);
    }

    [Fact]
    public void Parse_EveryKey_IsRead()
    {
        var options = Parse(
            ("readiness.hot_path_attributes", "LowLatency"),
            ("readiness.hot_path_namespaces", "Engine.Fast"),
            ("readiness.hot_path_types", "QuoteHandler"),
            ("readiness.http_timeout_budget_ms", "250"),
            ("readiness.max_call_depth", "3"),
            ("readiness.money_names", "premium"),
            ("readiness.secret_names", "signing key"),
            ("readiness.blocking_methods", "Vendor.Client.PlaceOrder"));

        Assert.Contains("LowLatency", options.HotPathAttributes);
        Assert.Equal("Engine.Fast", Joined(options.HotPathNamespaces));
        Assert.Equal("QuoteHandler", Joined(options.HotPathTypes));
        Assert.Equal(250, options.HttpTimeoutBudgetMs);
        Assert.Equal(3, options.MaxCallDepth);
        Assert.True(Names.IsMoneyLike("optionPremium", options.MoneyWords));
        Assert.True(Names.IsSecretLike("signingKey", options.SecretWords));
        Assert.Equal("Vendor.Client.PlaceOrder", Joined(options.BlockingMethods));
    }

    [Fact]
    public void Parse_KeysInAnyCase_AreRead()
        => Assert.Equal(3, Parse(("Readiness.Max_Call_Depth", "3")).MaxCallDepth);

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999999")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("+5")]
    [InlineData("0x10")]
    [InlineData("500ms")]
    [InlineData("1,000")]
    [InlineData("٣")] // an Arabic-Indic digit: invariant parsing only
    public void Parse_MalformedInt_FallsBackToTheDefault(string value)
    {
        var options = Parse(
            (ReadinessOptions.HttpTimeoutBudgetMsKey, value),
            (ReadinessOptions.MaxCallDepthKey, value));

        Assert.Equal(ReadinessOptions.DefaultHttpTimeoutBudgetMs, options.HttpTimeoutBudgetMs);
        Assert.Equal(ReadinessOptions.DefaultMaxCallDepth, options.MaxCallDepth);
    }

    [Theory]
    [InlineData("750", 750)]
    [InlineData(" 750 ", 750)]
    [InlineData("0750", 750)]
    [InlineData("1", 1)]
    [InlineData("2147483647", int.MaxValue)]
    public void Parse_PositiveInt_IsUsed(string value, int expected)
        => Assert.Equal(expected, Parse((ReadinessOptions.HttpTimeoutBudgetMsKey, value)).HttpTimeoutBudgetMs);

    [Fact]
    public void Parse_Lists_AreTrimmedAndEmptyItemsDropped()
    {
        var options = Parse(
            (ReadinessOptions.HotPathNamespacesKey, " Engine.Fast , Engine.Risk ,, "),
            (ReadinessOptions.HotPathTypesKey, "QuoteHandler,\tEngine.Book.OrderBook ,"),
            (ReadinessOptions.BlockingMethodsKey, " Vendor.Client.PlaceOrder , M:Vendor.Client.Cancel(System.String) "));

        Assert.Equal("Engine.Fast|Engine.Risk", Joined(options.HotPathNamespaces));
        Assert.Equal("Engine.Book.OrderBook|QuoteHandler", Sorted(options.HotPathTypes));
        Assert.Equal("Vendor.Client.PlaceOrder|M:Vendor.Client.Cancel(System.String)", Joined(options.BlockingMethods));
    }

    // RULES.md gives blocking methods as documentation ids, whose parameter lists (and generic and
    // array types) are themselves comma separated.
    [Fact]
    public void Parse_BlockingMethodsWithSeveralParameters_StayWhole()
    {
        var options = Parse((ReadinessOptions.BlockingMethodsKey,
            "M:Vendor.Client.PlaceOrder(System.String,System.Decimal), "
            + "M:Vendor.Book.Load(System.Collections.Generic.Dictionary{System.String,System.Decimal},System.Int32[0:,0:]), "
            + "Vendor.Client.Cancel"));

        Assert.Equal(
            "M:Vendor.Client.PlaceOrder(System.String,System.Decimal)"
            + "|M:Vendor.Book.Load(System.Collections.Generic.Dictionary{System.String,System.Decimal},System.Int32[0:,0:])"
            + "|Vendor.Client.Cancel",
            Joined(options.BlockingMethods));
    }

    [Theory]
    [InlineData("M:Vendor.Client.PlaceOrder(System.String,", "M:Vendor.Client.PlaceOrder(System.String,")]
    [InlineData("Vendor.A), Vendor.B", "Vendor.A)|Vendor.B")]
    [InlineData("((,", "((,")]
    public void Parse_BlockingMethodsWithUnbalancedBrackets_DoNotThrow(string configured, string expected)
        => Assert.Equal(expected, Joined(Parse((ReadinessOptions.BlockingMethodsKey, configured)).BlockingMethods));

    [Theory]
    [InlineData("LowLatency")]
    [InlineData("LowLatencyAttribute")]
    [InlineData(" LowLatency ")]
    [InlineData("Vendor.Perf.LowLatency")]
    [InlineData("Vendor.Perf.LowLatencyAttribute")]
    [InlineData("global::Vendor.Perf.LowLatencyAttribute")]
    public void Parse_AttributeNameSpelledAnyWay_AddsBothSimpleNames(string configured)
    {
        var attributes = Parse((ReadinessOptions.HotPathAttributesKey, configured)).HotPathAttributes;

        Assert.Equal("HotPath|HotPathAttribute|LowLatency|LowLatencyAttribute", Sorted(attributes));
    }

    [Fact]
    public void Parse_SeveralAttributeNames_KeepTheBuiltInOne()
    {
        var attributes = Parse((ReadinessOptions.HotPathAttributesKey, "LowLatency, Vendor.CriticalAttribute")).HotPathAttributes;

        Assert.Equal(6, attributes.Count);
        Assert.Contains("HotPath", attributes);
        Assert.Contains("Critical", attributes);
        Assert.Contains("CriticalAttribute", attributes);
    }

    [Theory]
    [InlineData("Vendor.")]
    [InlineData("global::")]
    public void Parse_AttributeNameWithoutSimpleName_IsIgnored(string configured)
        => Assert.Equal(2, Parse((ReadinessOptions.HotPathAttributesKey, configured)).HotPathAttributes.Count);

    [Fact]
    public void Parse_MoneyAndSecretNames_ReachTheWordLists()
    {
        var options = Parse(
            (ReadinessOptions.MoneyNamesKey, "premium, -size"),
            (ReadinessOptions.SecretNamesKey, "signing key, -token"));

        Assert.True(Names.IsMoneyLike("optionPremium", options.MoneyWords));
        Assert.False(Names.IsMoneyLike("lotSize", options.MoneyWords));
        Assert.True(Names.IsMoneyLike("limitPrice", options.MoneyWords));
        Assert.True(Names.IsSecretLike("hmacSigningKey", options.SecretWords));
        Assert.False(Names.IsSecretLike("accessToken", options.SecretWords));
        Assert.True(Names.IsSecretLike("apiSecret", options.SecretWords));
    }

    [Fact]
    public void Parse_OnlyARemoval_IsNotTheDefault()
    {
        var options = Parse((ReadinessOptions.MoneyNamesKey, "-value"));

        Assert.NotSame(ReadinessOptions.Default, options);
        Assert.False(Names.IsMoneyLike("keyValue", options.MoneyWords));
    }

    [Fact]
    public void Cache_SameTree_ParsesOnceAndReturnsTheSameInstance()
    {
        var tree = CSharpSyntaxTree.ParseText("class QuoteHandler { }", path: "Engine.cs");
        var provider = new TestAnalyzerConfigOptionsProvider(
            new TestAnalyzerConfigOptions((ReadinessOptions.HotPathTypesKey, "QuoteHandler")));
        var cache = new ReadinessOptions.Cache(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider));

        var first = cache.Get(tree);
        var second = cache.Get(tree);

        Assert.Same(first, second);
        Assert.Equal(1, provider.TreeRequests);
        Assert.Contains("QuoteHandler", first.HotPathTypes);
    }

    [Fact]
    public void Cache_AlternatingTrees_ParsesEachTreeOnce()
    {
        var a = CSharpSyntaxTree.ParseText("class A { }", path: "A.cs");
        var b = CSharpSyntaxTree.ParseText("class B { }", path: "B.cs");
        var provider = new TestAnalyzerConfigOptionsProvider();
        var cache = new ReadinessOptions.Cache(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider));

        var first = cache.Get(a);
        cache.Get(b);
        var again = cache.Get(a); // not this thread's last lookup: answered by the store behind it

        Assert.Same(first, again);
        Assert.Equal(2, provider.TreeRequests);
    }

    // A host may analyze many compilations through one options provider: new AnalyzerOptions(files)
    // gives every one of them the compiler's static empty provider, and so one shared cache.
    [Fact]
    public void Cache_OfASharedProvider_DoesNotKeepTheTreesItHasSeenAlive()
    {
        var cache = ReadinessOptions.Cache.For(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));

        var trees = ReadTheOptionsOfNewTrees(cache, 40);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // This thread's last lookup stays in front of the cache: that one tree at most.
        Assert.InRange(trees.Count(tree => tree.IsAlive), 0, 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> ReadTheOptionsOfNewTrees(ReadinessOptions.Cache cache, int count)
    {
        var trees = new List<WeakReference>();
        for (var i = 0; i < count; i++)
        {
            var tree = CSharpSyntaxTree.ParseText($"class Quote{i} {{ }}", path: $"Quote{i}.cs");
            Assert.Same(ReadinessOptions.Default, cache.Get(tree));
            trees.Add(new WeakReference(tree));
        }

        return trees;
    }

    [Fact]
    public void Cache_TreesUnderDifferentSections_GetTheirOwnOptions()
    {
        var hot = CSharpSyntaxTree.ParseText("class A { }", path: "Fast/A.cs");
        var cold = CSharpSyntaxTree.ParseText("class B { }", path: "Reports/B.cs");
        var provider = new TestAnalyzerConfigOptionsProvider()
            .With("Fast/A.cs", new TestAnalyzerConfigOptions((ReadinessOptions.MaxCallDepthKey, "2")));
        var cache = new ReadinessOptions.Cache(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider));

        Assert.Equal(2, cache.Get(hot).MaxCallDepth);
        Assert.Same(ReadinessOptions.Default, cache.Get(cold));
    }

    // The compiler's own .editorconfig parser feeds Parse: keys are lower-cased, values must keep their
    // case, or type and attribute names could never match.
    [Fact]
    public void Parse_FromARealEditorConfig_KeepsTheCaseOfValues()
    {
        var config = AnalyzerConfig.Parse(
            """
            root = true

            [*.cs]
            Readiness.Hot_Path_Types = Engine.Quotes.QuoteHandler
            readiness.hot_path_attributes = LowLatency
            readiness.http_timeout_budget_ms = 250
            """,
            "/repo/.editorconfig");
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config));
        var values = set.GetOptionsForSourcePath("/repo/src/Engine.cs").AnalyzerOptions;

        var options = ReadinessOptions.Parse(new TestAnalyzerConfigOptions(values));

        Assert.Equal("Engine.Quotes.QuoteHandler", Joined(options.HotPathTypes));
        Assert.Contains("LowLatency", options.HotPathAttributes);
        Assert.Equal(250, options.HttpTimeoutBudgetMs);
    }
}
