using System;
using System.Collections.Generic;

namespace TradingEngine.MarketData;

public enum BookSide
{
    Bid,
    Ask,
}

/// <summary>One price level change from the depth stream; a quantity of zero removes the level.</summary>
public readonly record struct LevelUpdate(BookSide Side, decimal Price, decimal Quantity);

/// <summary>
/// A depth diff as the exchange publishes it. <see cref="FirstSequence"/>..<see cref="LastSequence"/>
/// must follow on from the last update applied, or the local book has missed something.
/// </summary>
public sealed record DepthUpdate(string Symbol, long FirstSequence, long LastSequence, IReadOnlyList<LevelUpdate> Levels);

/// <summary>Top of book, handed to strategies on every change.</summary>
public readonly record struct Quote(
    string Symbol,
    decimal BidPrice,
    decimal BidQuantity,
    decimal AskPrice,
    decimal AskQuantity,
    DateTime TimestampUtc)
{
    public decimal Mid => (BidPrice + AskPrice) / 2m;

    public decimal Spread => AskPrice - BidPrice;
}

/// <summary>24-hour statistics shown on the operator dashboard.</summary>
public sealed class TickerStats
{
    public required string Symbol { get; init; }

    public double LastPrice { get; init; }

    public double Volume { get; init; }

    public double PriceChangePercent { get; init; }
}
