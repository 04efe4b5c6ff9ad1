using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using TradingEngine.MarketData;
using TradingEngine.Orders;

namespace TradingEngine.Strategy;

/// <summary>
/// Quotes one bid and one ask around the mid, widening with short-term volatility. Quote handling
/// runs on the feed thread and only computes prices; a single consumer talks to the router.
/// </summary>
public sealed class MarketMaker
{
    private const int MaxPendingSubmits = 4;
    private const double BaseSpreadBps = 4.0;
    private const double VolatilityMultiplier = 2.5;
    private const double VolatilityDecay = 0.94;

    private readonly OrderRouter _router;
    private readonly decimal _tickSize;
    private readonly decimal _quoteQuantity;
    private readonly Channel<QuoteIntent> _intents = Channel.CreateBounded<QuoteIntent>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private volatile Reference? _reference;
    private double _volatility;
    private double _lastLogMid;
    private Order[] _live = [];

    public MarketMaker(string symbol, OrderRouter router, decimal tickSize, decimal quoteQuantity)
    {
        Symbol = symbol;
        _router = router;
        _tickSize = tickSize;
        _quoteQuantity = quoteQuantity;
    }

    public string Symbol { get; }

    public void SetReferencePrice(decimal markPrice) => _reference = new Reference(markPrice);

    [HotPath]
    public void OnQuote(Quote quote)
    {
        if (quote.Symbol != Symbol || quote.Spread <= 0m)
        {
            return;
        }

        UpdateVolatility(quote.Mid);
        if (_router.PendingSubmits >= MaxPendingSubmits)
        {
            // Let the router drain its acks before we requote.
            Thread.Sleep(2);
            if (_router.PendingSubmits >= MaxPendingSubmits)
            {
                return;
            }
        }

        double spreadBps = BaseSpreadBps + (VolatilityMultiplier * _volatility * 10_000);
        var halfSpread = quote.Mid * (decimal)(spreadBps / 20_000);

        // Lean towards the mark price when it is close; ignore it when the two disagree by > 1 %.
        var center = quote.Mid;
        if (_reference is { } reference && Math.Abs(reference.Price - quote.Mid) / quote.Mid < 0.01m)
        {
            center = (reference.Price + quote.Mid) / 2m;
        }

        var bid = Math.Min(RoundDown(center - halfSpread), quote.AskPrice - _tickSize);
        var ask = Math.Max(RoundUp(center + halfSpread), quote.BidPrice + _tickSize);
        _intents.Writer.TryWrite(new QuoteIntent(bid, ask));
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var intent = await _intents.Reader.ReadAsync(ct);
                try
                {
                    if (_live.Length > 0)
                    {
                        await Task.WhenAll(Array.ConvertAll(_live, order => _router.CancelAsync(order, ct)));
                    }

                    var bidTask = _router.PlaceOrderAsync(Symbol, OrderSide.Buy, intent.Bid, _quoteQuantity, ct);
                    var askTask = _router.PlaceOrderAsync(Symbol, OrderSide.Sell, intent.Ask, _quoteQuantity, ct);
                    _live = await Task.WhenAll(bidTask, askTask);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    Console.Error.WriteLine($"[mm {Symbol}] requote failed: {ex.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // engine shutdown
        }
    }

    [HotPath]
    private void UpdateVolatility(decimal mid)
    {
        var logMid = Math.Log((double)mid);
        if (_lastLogMid != 0)
        {
            var logReturn = logMid - _lastLogMid;
            _volatility = Math.Sqrt((VolatilityDecay * _volatility * _volatility) + ((1 - VolatilityDecay) * logReturn * logReturn));
        }

        _lastLogMid = logMid;
    }

    private decimal RoundDown(decimal price) => Math.Floor(price / _tickSize) * _tickSize;

    private decimal RoundUp(decimal price) => Math.Ceiling(price / _tickSize) * _tickSize;

    private sealed record Reference(decimal Price);

    private readonly record struct QuoteIntent(decimal Bid, decimal Ask);
}
