using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>The options provider behind each <see cref="ConfigProfile"/>.</summary>
internal static class ConfigProfiles
{
    private static readonly AnalyzerConfigOptionsProvider s_default = Create();

    private static readonly AnalyzerConfigOptionsProvider s_malformed = Create(
        ("readiness.max_call_depth", "banana"),
        ("readiness.http_timeout_budget_ms", "-1"),
        ("readiness.hot_path_namespaces", ",,,"),
        ("readiness.money_names", "-,-price,,"),
        ("readiness.hot_path_attributes", "global::"));

    // Every value here is unusable, so the analyzers must behave exactly as with no keys at all.
    private static readonly AnalyzerConfigOptionsProvider s_malformedMeaningless = Create(
        ("readiness.max_call_depth", "banana"),
        ("readiness.http_timeout_budget_ms", "-1"),
        ("readiness.hot_path_namespaces", ",,,"),
        ("readiness.hot_path_types", " , "),
        ("readiness.money_names", "-,,"),
        ("readiness.secret_names", ","),
        ("readiness.hot_path_attributes", "global::"),
        ("readiness.blocking_methods", "M:"));

    private static readonly AnalyzerConfigOptionsProvider s_hotPathEverywhere = Create(
        ("readiness.hot_path_namespaces", "Contoso, Samples, Trading, TradingEngine, SampleEngine"),
        ("readiness.hot_path_types", "OrderPlacer, QuotePoller, Contoso.Trading.Engine.Risk.RiskEngine"),
        ("readiness.hot_path_attributes", "Obsolete, global::Contoso.Trading.Engine.LatencyCriticalAttribute"),
        ("readiness.max_call_depth", "2"),
        ("readiness.http_timeout_budget_ms", "250"));

    public static AnalyzerConfigOptionsProvider Get(ConfigProfile profile) => profile switch
    {
        ConfigProfile.Default => s_default,
        ConfigProfile.Malformed => s_malformed,
        ConfigProfile.MalformedMeaningless => s_malformedMeaningless,
        ConfigProfile.HotPathEverywhere => s_hotPathEverywhere,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    private static TestAnalyzerConfigOptionsProvider Create(params (string Key, string Value)[] values)
    {
        var pairs = new List<KeyValuePair<string, string>>(values.Length);
        foreach (var (key, value) in values)
        {
            pairs.Add(new KeyValuePair<string, string>(key, value));
        }

        return new TestAnalyzerConfigOptionsProvider(new TestAnalyzerConfigOptions(pairs));
    }
}
