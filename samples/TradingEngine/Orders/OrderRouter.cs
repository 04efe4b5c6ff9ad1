using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using TradingEngine.Exchange;
using TradingEngine.Risk;

namespace TradingEngine.Orders;

/// <summary>
/// Owns every order's lifecycle: pre-trade risk, submission, acknowledgement, fills, expiry.
/// Fills arrive on the market-data thread and are handed to a single consumer through a channel.
/// </summary>
public sealed class OrderRouter
{
    private readonly ExchangeRestClient _exchange;
    private readonly PreTradeRiskCheck _risk;
    private readonly PositionBook _positions;
    private readonly string _journalPath;
    private readonly TimeSpan _orderTimeToLive;
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Channel<Fill> _fills = Channel.CreateUnbounded<Fill>(new UnboundedChannelOptions { SingleReader = true });
    private long _sequence;
    private int _pendingSubmits;

    public OrderRouter(ExchangeRestClient exchange, PreTradeRiskCheck risk, PositionBook positions, string journalPath, TimeSpan orderTimeToLive)
    {
        _exchange = exchange;
        _risk = risk;
        _positions = positions;
        _journalPath = journalPath;
        _orderTimeToLive = orderTimeToLive;
    }

    public event EventHandler<Order>? OrderUpdated;

    public int PendingSubmits => Volatile.Read(ref _pendingSubmits);

    public async Task<Order> PlaceOrderAsync(string symbol, OrderSide side, decimal price, decimal quantity, CancellationToken ct)
    {
        var order = new Order(NextClientOrderId(), symbol, side, price, quantity) { CreatedAt = DateTime.Now };

        var verdict = _risk.Check(order);
        if (!verdict.Approved)
        {
            return Reject(order, verdict.Reason ?? "risk");
        }

        if (side == OrderSide.Buy)
        {
            // Spot account: the quote currency must be there before we send.
            var available = _exchange.GetBalanceAsync(QuoteAsset(symbol), ct).Result;
            if (available < order.Notional)
            {
                return Reject(order, string.Create(CultureInfo.InvariantCulture, $"insufficient balance: {available} < {order.Notional}"));
            }
        }

        _orders[order.ClientOrderId] = order;
        order.Status = OrderStatus.PendingSubmit;
        Interlocked.Increment(ref _pendingSubmits);
        try
        {
            var ack = await _exchange.PlaceOrderAsync(order, ct);
            order.ExchangeOrderId = ack.ExchangeOrderId;
            order.FilledQuantity = ack.ExecutedQuantity;
            order.Status = ack.Status;
        }
        catch (OrderRejectedException ex)
        {
            order.Status = OrderStatus.Rejected;
            order.RejectReason = ex.Reason;
        }
        finally
        {
            Interlocked.Decrement(ref _pendingSubmits);
        }

        OrderUpdated?.Invoke(this, order);
        await File.AppendAllTextAsync(_journalPath, FormatOrder(order), ct);
        if (order.IsOpen)
        {
            ScheduleExpiry(order);
        }

        return order;
    }

    public async Task<bool> CancelAsync(Order order, CancellationToken ct)
    {
        if (!order.IsOpen)
        {
            return true;
        }

        var cancelled = await _exchange.CancelOrderAsync(order.Symbol, order.ClientOrderId, ct);
        if (cancelled)
        {
            order.Status = OrderStatus.Cancelled;
            OrderUpdated?.Invoke(this, order);
        }

        return cancelled;
    }

    public async Task CancelAllAsync(CancellationToken ct)
    {
        var open = _orders.Values.Where(order => order.IsOpen).ToArray();
        var cancels = new Task<bool>[open.Length];
        for (var i = 0; i < open.Length; i++)
        {
            cancels[i] = _exchange.CancelOrderAsync(open[i].Symbol, open[i].ClientOrderId, ct);
        }

        await Task.WhenAll(cancels);
        for (var i = 0; i < open.Length; i++)
        {
            if (cancels[i].Result)
            {
                open[i].Status = OrderStatus.Cancelled;
            }
            else
            {
                Console.Error.WriteLine($"[router] cancel of {open[i].ClientOrderId} failed; it may still be live");
            }
        }
    }

    /// <summary>Called on the market-data thread: hand off and return.</summary>
    [HotPath]
    public void OnFill(Fill fill) => _fills.Writer.TryWrite(fill);

    public async Task ProcessFillsAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var fill in _fills.Reader.ReadAllAsync(ct))
            {
                if (!_orders.TryGetValue(fill.ClientOrderId, out var order))
                {
                    Console.Error.WriteLine($"[router] fill for unknown order {fill.ClientOrderId}");
                    continue;
                }

                order.FilledQuantity += fill.Quantity;
                order.Status = order.FilledQuantity >= order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
                _positions.Apply(fill);
                File.AppendAllText(_journalPath, FormatFill(fill));
                OrderUpdated?.Invoke(this, order);
            }
        }
        catch (OperationCanceledException)
        {
            // engine shutdown
        }
    }

    // Resting quotes must not outlive their time-to-live: pull them if nobody else has.
    private void ScheduleExpiry(Order order)
    {
        ThreadPool.QueueUserWorkItem(_ =>
        {
            Thread.Sleep(_orderTimeToLive);
            if (order.IsOpen)
            {
                ExpireOrder(order);
            }
        });
    }

    private async void ExpireOrder(Order order)
    {
        if (await _exchange.CancelOrderAsync(order.Symbol, order.ClientOrderId, CancellationToken.None))
        {
            order.Status = OrderStatus.Expired;
            OrderUpdated?.Invoke(this, order);
        }
    }

    private Order Reject(Order order, string reason)
    {
        order.Status = OrderStatus.Rejected;
        order.RejectReason = reason;
        OrderUpdated?.Invoke(this, order);
        return order;
    }

    private string NextClientOrderId()
        => "te-" + Interlocked.Increment(ref _sequence).ToString("D8", CultureInfo.InvariantCulture);

    private static string QuoteAsset(string symbol)
        => symbol.EndsWith("USDT", StringComparison.Ordinal) ? "USDT" : symbol[^3..];

    private static string FormatOrder(Order order) => string.Create(CultureInfo.InvariantCulture,
        $"{order.CreatedAt:O} ORDER {order.ClientOrderId} {order.Symbol} {order.Side} {order.Quantity}@{order.Price} {order.Status} {order.RejectReason}{Environment.NewLine}");

    private static string FormatFill(Fill fill) => string.Create(CultureInfo.InvariantCulture,
        $"{fill.TimestampUtc:O} FILL {fill.ClientOrderId} {fill.Symbol} {fill.Side} {fill.Quantity}@{fill.Price} fee {fill.Fee}{Environment.NewLine}");
}
