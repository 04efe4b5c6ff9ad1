using System.Collections.Immutable;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>The money rules' name test: money words, exclusions and the weak "value".</summary>
public sealed class MoneyNamesTests
{
    private static readonly ImmutableArray<ImmutableArray<string>> Money = Names.BuildWordList(Names.DefaultMoneyWords, null);
    private static readonly ImmutableArray<ImmutableArray<string>> Exclusions = Names.BuildWordList(Names.DefaultMoneyExclusionWords, null);

    [Theory]
    [InlineData("price")]
    [InlineData("LastPrice")]
    [InlineData("_averagePrice")]
    [InlineData("bidPx")]
    [InlineData("MaxOrderQty")]
    [InlineData("UnrealizedPnl")]
    [InlineData("fee_amount")]
    [InlineData("TickSize")]
    [InlineData("GetMarkPriceAsync")]
    [InlineData("fillPrices")]
    [InlineData("marketValue")]
    [InlineData("PortfolioValue")]
    [InlineData("volumeWeightedPrice")]
    [InlineData("MaxDailyLoss")]
    [InlineData("takeProfit")]
    [InlineData("initialCapital")]
    public void MoneyNames_AreMoneyLike(string name) => Assert.True(Names.IsMoneyLike(name, Money, Exclusions, containerName: null));

    [Theory]
    [InlineData("priceRatio")]
    [InlineData("volatility")]
    [InlineData("PriceVolatility")]
    [InlineData("sharpe")]
    [InlineData("spreadPct")]
    [InlineData("PriceChangePercent")]
    [InlineData("BaseSpreadBps")]
    [InlineData("sizeWeight")]
    [InlineData("volumeScore")]
    [InlineData("feeRate")]
    [InlineData("logPrice")]
    [InlineData("priceUpdateIntervalMs")]
    [InlineData("spreadTicks")]
    [InlineData("PriceEpsilon")]
    [InlineData("marketFeed")]
    [InlineData("latencyMs")]
    [InlineData("MaxLossPct")]
    [InlineData("ProfitFactor")]
    [InlineData("value")]
    [InlineData("maxValue")]
    [InlineData("rsiValue")]
    [InlineData("")]
    public void RatiosStatisticsAndGenericNames_AreNot(string name) => Assert.False(Names.IsMoneyLike(name, Money, Exclusions, containerName: null));

    [Theory]
    [InlineData("value", "SetPrice", true)]
    [InlineData("Value", "Price", true)]
    [InlineData("value", "Clamp", false)]
    [InlineData("Value", "Indicator", false)]
    [InlineData("value", "PriceRatio", false)]
    [InlineData("value", "Value", false)]
    [InlineData("Value", "Money", true)]
    [InlineData("value", "SetStopLoss", true)]
    [InlineData("value", "SetLimit", false)]
    [InlineData("Value", "PositionRatio", false)]
    public void BareValue_TakesItsContainersMeaning(string name, string container, bool expected)
        => Assert.Equal(expected, Names.IsMoneyLike(name, Money, Exclusions, container));

    [Fact]
    public void ConfiguredExclusions_AddAndRemoveWords()
    {
        var exclusions = Names.BuildWordList(Names.DefaultMoneyExclusionWords, "edge, -pct");
        Assert.False(Names.IsMoneyLike("priceEdge", Money, exclusions, containerName: null));
        Assert.True(Names.IsMoneyLike("spreadPct", Money, exclusions, containerName: null));
        Assert.False(Names.IsMoneyLike("spreadBps", Money, exclusions, containerName: null));
    }

    [Fact]
    public void RemovingValue_StopsEveryValueMatch()
    {
        var money = Names.BuildWordList(Names.DefaultMoneyWords, "-value");
        Assert.False(Names.IsMoneyLike("marketValue", money, Exclusions, containerName: null));
        Assert.False(Names.IsMoneyLike("value", money, Exclusions, "SetPrice"));
        Assert.True(Names.IsMoneyLike("price", money, Exclusions, containerName: null));
    }
}
