namespace ReadinessAnalyzers.Tests.Robustness.Corpus;

/// <summary>Embedded corpus: the engine's data types and exchange client contract.</summary>
internal static class MarketDataSource
{
    public const string Path = "Engine/MarketData.cs";

    public const string Text = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Trading.Engine;

        public enum Side
        {
            Buy,
            Sell,
        }

        public readonly record struct Quote(string Symbol, decimal Bid, decimal Ask, DateTime TimestampUtc)
        {
            public decimal Mid => (Bid + Ask) / 2m;

            public decimal Spread => Ask - Bid;
        }

        public sealed record Order(string ClientOrderId, string Symbol, Side Side, decimal Quantity, decimal LimitPrice);

        public sealed record Fill(string ClientOrderId, decimal Quantity, decimal Price, decimal Fee);

        public interface IPosition
        {
            decimal Exposure { get; }

            bool TryReserve(decimal quantity);
        }

        public interface IExchangeClient
        {
            Task<Quote> GetQuoteAsync(string symbol, CancellationToken cancellationToken = default);

            Task<Fill> PlaceOrderAsync(Order order, CancellationToken cancellationToken = default);

            ValueTask<decimal> GetBalanceAsync(string asset, CancellationToken cancellationToken = default);

            Task CancelAllAsync(string symbol);

            IAsyncEnumerable<Quote> StreamQuotesAsync(string symbol, CancellationToken cancellationToken = default);
        }
        """;
}
