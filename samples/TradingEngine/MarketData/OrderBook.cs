using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TradingEngine.MarketData;

/// <summary>
/// Local L2 book for one symbol, rebuilt from a REST snapshot and kept current by the depth stream.
/// The feed thread writes; strategies and risk read the top of book from their own threads.
/// </summary>
public sealed class OrderBook
{
    private static readonly IComparer<decimal> s_descending = Comparer<decimal>.Create((x, y) => y.CompareTo(x));

    private readonly object _gate = new();
    private readonly SortedDictionary<decimal, decimal> _bids = new(s_descending);
    private readonly SortedDictionary<decimal, decimal> _asks = new();
    private long _lastSequence;
    private long _lastUpdateTicks;
    private int _resyncing;

    public OrderBook(string symbol)
    {
        Symbol = symbol;
    }

    public string Symbol { get; }

    public bool IsSynced => Interlocked.Read(ref _lastSequence) > 0;

    public TimeSpan IdleFor => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUpdateTicks));

    public void LoadSnapshot(long lastUpdateId, IEnumerable<LevelUpdate> levels)
    {
        lock (_gate)
        {
            _bids.Clear();
            _asks.Clear();
            foreach (var level in levels)
            {
                SetLevel(level);
            }

            Interlocked.Exchange(ref _lastSequence, lastUpdateId);
            Interlocked.Exchange(ref _lastUpdateTicks, Environment.TickCount64);
        }
    }

    /// <summary>Applies a diff; false when a sequence gap means the book needs a new snapshot.</summary>
    [HotPath]
    public bool Apply(DepthUpdate update)
    {
        lock (_gate)
        {
            if (update.LastSequence <= _lastSequence)
            {
                return true; // already contained in the snapshot
            }

            if (_lastSequence == 0 || update.FirstSequence > _lastSequence + 1)
            {
                return false;
            }

            foreach (var level in update.Levels)
            {
                SetLevel(level);
            }

            Interlocked.Exchange(ref _lastSequence, update.LastSequence);
            Interlocked.Exchange(ref _lastUpdateTicks, Environment.TickCount64);
            return true;
        }
    }

    [HotPath]
    public bool TryGetQuote(out Quote quote)
    {
        lock (_gate)
        {
            if (!TryFirst(_bids, out var bid) || !TryFirst(_asks, out var ask))
            {
                quote = default;
                return false;
            }

            quote = new Quote(Symbol, bid.Key, bid.Value, ask.Key, ask.Value, DateTime.UtcNow);
            return true;
        }
    }

    public bool TryBeginResync() => Interlocked.CompareExchange(ref _resyncing, 1, 0) == 0;

    public void EndResync() => Volatile.Write(ref _resyncing, 0);

    /// <summary>Writes the book to disk so a restart can quote before the first snapshot arrives.</summary>
    public Task CheckpointAsync(string directory)
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{Symbol} {_lastSequence}").AppendLine();
            foreach (var (price, quantity) in _bids)
            {
                text.Append(CultureInfo.InvariantCulture, $"B {price} {quantity}").AppendLine();
            }

            foreach (var (price, quantity) in _asks)
            {
                text.Append(CultureInfo.InvariantCulture, $"A {price} {quantity}").AppendLine();
            }

            File.WriteAllText(Path.Combine(directory, Symbol + ".book"), text.ToString());
        }

        return Task.CompletedTask;
    }

    private void SetLevel(LevelUpdate level)
    {
        var side = level.Side == BookSide.Bid ? _bids : _asks;
        if (level.Quantity == 0m)
        {
            side.Remove(level.Price);
        }
        else
        {
            side[level.Price] = level.Quantity;
        }
    }

    private static bool TryFirst(SortedDictionary<decimal, decimal> side, out KeyValuePair<decimal, decimal> best)
    {
        foreach (var level in side)
        {
            best = level;
            return true;
        }

        best = default;
        return false;
    }
}
