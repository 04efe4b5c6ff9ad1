using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using TradingEngine.Exchange;
using TradingEngine.MarketData;
using TradingEngine.Orders;

namespace TradingEngine.Risk;

public sealed record RiskLimits(
    decimal MaxOrderNotional,
    decimal MaxPositionPerSymbol,
    decimal MaxGrossExposure,
    decimal MaxPriceDeviation,
    int MaxOrdersPerSecond,
    decimal MaxDailyLoss);

public readonly record struct RiskVerdict(bool Approved, string? Reason)
{
    public static RiskVerdict Approve => new(true, null);

    public static RiskVerdict Reject(string reason) => new(false, reason);
}

public sealed class RiskBreachEventArgs : EventArgs
{
    public RiskBreachEventArgs(string symbol, string reason)
    {
        Symbol = symbol;
        Reason = reason;
    }

    public string Symbol { get; }

    public string Reason { get; }
}

/// <summary>
/// Runs synchronously in front of every order: fat-finger band, notional, position and exposure
/// limits, and an order-rate throttle. A rejection here costs microseconds; a bad order costs money.
/// </summary>
public sealed class PreTradeRiskCheck
{
    private readonly RiskLimits _limits;
    private readonly PositionBook _positions;
    private readonly IReadOnlyDictionary<string, OrderBook> _books;
    private readonly ExchangeRestClient _exchange;
    private long _rateWindowStart = Environment.TickCount64;
    private int _ordersInWindow;

    public PreTradeRiskCheck(RiskLimits limits, PositionBook positions, IReadOnlyDictionary<string, OrderBook> books, ExchangeRestClient exchange)
    {
        _limits = limits;
        _positions = positions;
        _books = books;
        _exchange = exchange;
    }

    public event EventHandler<RiskBreachEventArgs>? LimitBreached;

    [HotPath]
    public RiskVerdict Check(Order order)
    {
        if (order.Quantity <= 0m || order.Price <= 0m)
        {
            return RiskVerdict.Reject("price and quantity must be positive");
        }

        var notional = order.Notional + EstimateSlippage(order);
        if (notional > _limits.MaxOrderNotional)
        {
            return RiskVerdict.Reject(Format($"notional {notional} above {_limits.MaxOrderNotional}"));
        }

        var reference = ReferencePrice(order.Symbol);
        if (reference > 0m && Math.Abs(order.Price - reference) / reference > _limits.MaxPriceDeviation)
        {
            return RiskVerdict.Reject(Format($"price {order.Price} outside the band around {reference}"));
        }

        var signedQuantity = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        var projected = _positions.GetPosition(order.Symbol) + signedQuantity;
        if (Math.Abs(projected) > _limits.MaxPositionPerSymbol)
        {
            var reason = Format($"position would reach {projected}, limit {_limits.MaxPositionPerSymbol}");
            LimitBreached?.Invoke(this, new RiskBreachEventArgs(order.Symbol, reason));
            return RiskVerdict.Reject(reason);
        }

        if (_positions.GrossExposure + order.Notional > _limits.MaxGrossExposure)
        {
            return RiskVerdict.Reject("gross exposure limit");
        }

        return TryTakeRateSlot() ? RiskVerdict.Approve : RiskVerdict.Reject("order rate limit");
    }

    [HotPath]
    private decimal ReferencePrice(string symbol)
    {
        if (_books.TryGetValue(symbol, out var book) && book.TryGetQuote(out var quote))
        {
            return quote.Mid;
        }

        // Book not warmed up yet: fall back to the exchange's mark price.
        return _exchange.GetMarkPriceAsync(symbol, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static decimal EstimateSlippage(Order order)
    {
        // TODO: walk the book for orders that cross the spread
        return 0;
    }

    // Lock-free fixed window: good enough for a per-second cap, and never blocks the caller.
    private bool TryTakeRateSlot()
    {
        var now = Environment.TickCount64;
        var windowStart = Interlocked.Read(ref _rateWindowStart);
        if (now - windowStart >= 1_000 && Interlocked.CompareExchange(ref _rateWindowStart, now, windowStart) == windowStart)
        {
            Interlocked.Exchange(ref _ordersInWindow, 0);
        }

        return Interlocked.Increment(ref _ordersInWindow) <= _limits.MaxOrdersPerSecond;
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
