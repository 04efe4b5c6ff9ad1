namespace ReadinessAnalyzers.Tests.Robustness.Corpus;

/// <summary>Embedded corpus: the console entry point and a simulated exchange.</summary>
internal static class ProgramSource
{
    public const string Path = "Engine/Program.cs";

    public const string Text = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Trading.Engine.Risk;

        namespace Contoso.Trading.Engine;

        public static class Program
        {
            public static async Task<int> Main(string[] args)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var exchange = new SimulatedExchange();
                var poller = new QuotePoller(exchange);
                var placer = new OrderPlacer(exchange);
                var risk = new RiskEngine<Position>(exchange) { MaxNotional = 250_000m };

                var polling = poller.PollAsync(args.Length > 0 ? args[0] : "BTC-USD", cts.Token);
                Thread.Sleep(100); // let the first quote arrive
                var order = new Order(Guid.NewGuid().ToString("N"), "BTC-USD", Side.Buy, 0.5m, 64_000m);
                if (await risk.CheckAsync(order, cts.Token))
                {
                    var fill = await placer.PlaceAsync(order, cts.Token);
                    Console.WriteLine($"filled {fill.Quantity} @ {fill.Price}");
                }

                cts.Cancel();
                try
                {
                    polling.Wait();
                }
                catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
                {
                    return 1;
                }

                return 0;
            }
        }

        public sealed class Position : IPosition
        {
            private decimal _reserved;

            public decimal Exposure { get; set; }

            public bool TryReserve(decimal quantity)
            {
                if (quantity <= 0m)
                {
                    return false;
                }

                _reserved += quantity;
                return true;
            }
        }

        public sealed class SimulatedExchange : IExchangeClient
        {
            private readonly Random _random = new(42);

            public async Task<Quote> GetQuoteAsync(string symbol, CancellationToken cancellationToken = default)
            {
                await Task.Delay(1, cancellationToken);
                var mid = 64_000m + _random.Next(-50, 50);
                return new Quote(symbol, mid - 0.5m, mid + 0.5m, DateTime.UtcNow);
            }

            public async Task<Fill> PlaceOrderAsync(Order order, CancellationToken cancellationToken = default)
            {
                var quote = await GetQuoteAsync(order.Symbol, cancellationToken);
                var price = order.Side == Side.Buy ? quote.Ask : quote.Bid;
                return new Fill(order.ClientOrderId, order.Quantity, price, price * order.Quantity * 0.0004m);
            }

            public ValueTask<decimal> GetBalanceAsync(string asset, CancellationToken cancellationToken = default)
                => new(asset == "USD" ? 1_000_000m : 10m);

            public Task CancelAllAsync(string symbol) => Task.CompletedTask;

            public async IAsyncEnumerable<Quote> StreamQuotesAsync(string symbol, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    yield return await GetQuoteAsync(symbol, cancellationToken);
                }
            }
        }
        """;
}
