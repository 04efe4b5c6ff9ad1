using System;
using System.Collections.Generic;
using System.Globalization;
using TradingEngine.MarketData;
using TradingEngine.Orders;

namespace TradingEngine.Risk;

/// <summary>Net position and average entry price per symbol, and the day's realized PnL.</summary>
public sealed class PositionBook
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);
    private readonly decimal _maxDailyLoss;
    private decimal _realizedPnl;

    public PositionBook(decimal maxDailyLoss)
    {
        _maxDailyLoss = maxDailyLoss;
    }

    public decimal RealizedPnl
    {
        get
        {
            lock (_gate)
            {
                return _realizedPnl;
            }
        }
    }

    public decimal GrossExposure
    {
        get
        {
            lock (_gate)
            {
                var exposure = 0m;
                foreach (var position in _positions.Values)
                {
                    exposure += Math.Abs(position.Quantity) * position.AveragePrice;
                }

                return exposure;
            }
        }
    }

    public decimal GetPosition(string symbol)
    {
        lock (_gate)
        {
            return _positions.TryGetValue(symbol, out var position) ? position.Quantity : 0m;
        }
    }

    public void Apply(Fill fill)
    {
        decimal realizedPnl;
        lock (_gate)
        {
            if (!_positions.TryGetValue(fill.Symbol, out var position))
            {
                position = new Position();
                _positions[fill.Symbol] = position;
            }

            var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            if (position.Quantity == 0m || Math.Sign(position.Quantity) == Math.Sign(signed))
            {
                var total = Math.Abs(position.Quantity) + fill.Quantity;
                position.AveragePrice = ((Math.Abs(position.Quantity) * position.AveragePrice) + (fill.Quantity * fill.Price)) / total;
            }
            else
            {
                var closed = Math.Min(Math.Abs(position.Quantity), fill.Quantity);
                _realizedPnl += (fill.Price - position.AveragePrice) * closed * Math.Sign(position.Quantity);
                if (fill.Quantity > closed)
                {
                    position.AveragePrice = fill.Price; // flipped through zero
                }
            }

            position.Quantity += signed;
            _realizedPnl -= fill.Fee;
            realizedPnl = _realizedPnl;
        }

        if (realizedPnl < -_maxDailyLoss)
        {
            HaltTrading(realizedPnl);
        }
    }

    /// <summary>Overwrites a position with the exchange's figure after reconciliation finds drift.</summary>
    public void Reset(string symbol, decimal quantity)
    {
        lock (_gate)
        {
            if (!_positions.TryGetValue(symbol, out var position))
            {
                position = new Position();
                _positions[symbol] = position;
            }

            position.Quantity = quantity;
        }
    }

    /// <summary>Restores positions saved by the previous session ("symbol,quantity,averagePrice" lines).</summary>
    public void Load(IEnumerable<string> lines)
    {
        lock (_gate)
        {
            foreach (var line in lines)
            {
                var parts = line.Split(',');
                if (parts.Length != 3)
                {
                    continue;
                }

                decimal.TryParse(parts[1], out var quantity);
                decimal.TryParse(parts[2], out var averagePrice);
                _positions[parts[0]] = new Position { Quantity = quantity, AveragePrice = averagePrice };
            }
        }
    }

    /// <summary>Marked to the current mid, for the operator's PnL line.</summary>
    public double UnrealizedPnl(IReadOnlyDictionary<string, OrderBook> books)
    {
        double pnl = 0;
        lock (_gate)
        {
            foreach (var (symbol, position) in _positions)
            {
                if (books.TryGetValue(symbol, out var book) && book.TryGetQuote(out var quote))
                {
                    pnl += (double)((quote.Mid - position.AveragePrice) * position.Quantity);
                }
            }
        }

        return pnl;
    }

    private static void HaltTrading(decimal realizedPnl)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[risk] {DateTime.Now:O} daily loss limit hit (realized {realizedPnl}); halting the engine"));
        Environment.Exit(3);
    }

    private sealed class Position
    {
        public decimal Quantity { get; set; }

        public decimal AveragePrice { get; set; }
    }
}
