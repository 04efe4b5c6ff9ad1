using System;

namespace TradingEngine.Orders;

public enum OrderSide
{
    Buy,
    Sell,
}

public enum OrderStatus
{
    New,
    PendingSubmit,
    Acknowledged,
    PartiallyFilled,
    Filled,
    Cancelled,
    Expired,
    Rejected,
}

/// <summary>A limit order as the engine tracks it; the router is the only writer of its state.</summary>
public sealed class Order
{
    public Order(string clientOrderId, string symbol, OrderSide side, decimal price, decimal quantity)
    {
        ClientOrderId = clientOrderId;
        Symbol = symbol;
        Side = side;
        Price = price;
        Quantity = quantity;
    }

    public string ClientOrderId { get; }

    public string Symbol { get; }

    public OrderSide Side { get; }

    public decimal Price { get; }

    public decimal Quantity { get; }

    public decimal Notional => Price * Quantity;

    public decimal FilledQuantity { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.New;

    public string? ExchangeOrderId { get; set; }

    public string? RejectReason { get; set; }

    public DateTime CreatedAt { get; init; }

    public bool IsOpen => Status is OrderStatus.PendingSubmit or OrderStatus.Acknowledged or OrderStatus.PartiallyFilled;
}

public sealed record OrderAck(string ClientOrderId, string ExchangeOrderId, OrderStatus Status, decimal ExecutedQuantity);

public sealed record Fill(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    DateTime TimestampUtc);

/// <summary>The exchange refused the order (insufficient balance, price filter, ...).</summary>
public sealed class OrderRejectedException : Exception
{
    public OrderRejectedException(string clientOrderId, string reason)
        : base($"Order {clientOrderId} rejected: {reason}")
    {
        ClientOrderId = clientOrderId;
        Reason = reason;
    }

    public string ClientOrderId { get; }

    public string Reason { get; }
}
