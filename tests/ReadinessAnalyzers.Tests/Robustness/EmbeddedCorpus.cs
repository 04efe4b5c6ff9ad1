using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Tests.Robustness.Corpus;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>The trading-engine corpus that ships with the tests, so the sweep never depends on the sample engine.</summary>
internal static class EmbeddedCorpus
{
    public const string GroupName = "embedded";

    /// <summary>Compiles without errors against .NET 8 (the unbroken test asserts it).</summary>
    public static CorpusGroup Group { get; } = new(
        GroupName,
        ImmutableArray.Create(
            new CorpusFile(MarketDataSource.Path, MarketDataSource.Text),
            new CorpusFile(HotPathAttributeSource.Path, HotPathAttributeSource.Text),
            new CorpusFile(QuotePollerSource.Path, QuotePollerSource.Text),
            new CorpusFile(OrderPlacerSource.Path, OrderPlacerSource.Text),
            new CorpusFile(RiskEngineSource.Path, RiskEngineSource.Text),
            new CorpusFile(ProgramSource.Path, ProgramSource.Text)),
        OutputKind.ConsoleApplication);
}
