namespace ReadinessAnalyzers.Tests.Robustness.Corpus;

/// <summary>Embedded corpus: an order placer that blocks on tasks in every way the spec names (RDY102).</summary>
internal static class OrderPlacerSource
{
    public const string Path = "Engine/OrderPlacer.cs";

    public const string Text = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Trading.Engine;

        public sealed class OrderPlacer
        {
            private readonly IExchangeClient _client;
            private readonly object _gate = new();
            private readonly List<Fill> _fills = new();
            private Task<Fill>? _pending;

            public OrderPlacer(IExchangeClient client) => _client = client;

            public IReadOnlyList<Fill> Fills
            {
                get
                {
                    lock (_gate)
                    {
                        return _fills.ToArray();
                    }
                }
            }

            public async Task<Fill> PlaceAsync(Order order, CancellationToken cancellationToken)
            {
                var quote = _client.GetQuoteAsync(order.Symbol, cancellationToken).Result;
                if (order.Side == Side.Buy && order.LimitPrice < quote.Ask)
                {
                    order = order with { LimitPrice = quote.Ask };
                }

                _pending = _client.PlaceOrderAsync(order, cancellationToken);
                var fill = await _pending;
                lock (_gate)
                {
                    _fills.Add(fill);
                }

                return fill;
            }

            public async Task<decimal> AvailableAsync(string asset)
            {
                var balance = _client.GetBalanceAsync(asset).Result;
                var pending = _pending;
                if (pending is not null && pending.IsCompleted)
                {
                    balance -= pending.Result.Quantity * pending.Result.Price; // complete: reading it does not block
                }

                await Task.Yield();
                return balance;
            }

            public async Task CancelEverythingAsync(IReadOnlyList<string> symbols)
            {
                var cancels = new Task[symbols.Count];
                for (var i = 0; i < symbols.Count; i++)
                {
                    cancels[i] = _client.CancelAllAsync(symbols[i]);
                }

                Task.WaitAll(cancels);
                await Task.Yield();
            }

            public async Task<Fill> RaceAsync(Order primary, Order backup)
            {
                var first = _client.PlaceOrderAsync(primary);
                var second = _client.PlaceOrderAsync(backup);
                Task.WaitAny(first, second);
                var winner = first.IsCompleted ? first : second;
                return await winner;
            }

            public async Task FlushAsync()
            {
                _client.CancelAllAsync("*").Wait();
                _client.CancelAllAsync("BTC-USD").GetAwaiter().GetResult();
                _client.CancelAllAsync("ETH-USD").ConfigureAwait(false).GetAwaiter().GetResult();
                await Task.CompletedTask;
            }

            public async Task<decimal> NotionalAsync(Order order)
            {
                var fillTask = _client.PlaceOrderAsync(order);
                await fillTask;
                var price = fillTask.Result.Price; // awaited above
                var fee = Task.FromResult(0.1m).Result;
                return (price * order.Quantity) + fee;
            }

            public async Task<decimal> FilledNotionalAsync(Order order)
            {
                await Task.Yield();
                return _client.PlaceOrderAsync(order).Result.Price * order.Quantity;
            }

            public async Task RecordAsync(Order order)
            {
                lock (_gate)
                {
                    _fills.Add(_client.PlaceOrderAsync(order).Result);
                }

                await Task.Yield();
            }

            public Task<Fill> PlaceWithoutAwait(Order order)
            {
                var fill = _client.PlaceOrderAsync(order).Result;
                return Task.FromResult(fill);
            }

            public Fill PlaceBlocking(Order order) => _client.PlaceOrderAsync(order).Result;

            public async Task ReplayAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
            {
                var tasks = orders.Select(o => _client.PlaceOrderAsync(o, cancellationToken)).ToList();
                await Task.WhenAll(tasks);
                foreach (var task in tasks)
                {
                    _fills.Add(task.Result);
                }

                Func<Task> retry = async () =>
                {
                    var fill = _client.PlaceOrderAsync(orders[0], cancellationToken).Result;
                    _fills.Add(fill);
                    await Task.Yield();
                };
                await retry();
                _ = Task.Run(async () => await _client.CancelAllAsync(orders[0].Symbol).ContinueWith(t => t.Wait(), TaskScheduler.Default));
            }

            public async ValueTask<decimal> QuotedSpreadAsync(string symbol)
            {
                var quoteTask = _client.GetQuoteAsync(symbol);
                if (!quoteTask.IsCompleted)
                {
                    return decimal.MinusOne;
                }

                await Task.Yield();
                return quoteTask.Result.Spread; // guarded by IsCompleted above
            }
        }
        """;
}
