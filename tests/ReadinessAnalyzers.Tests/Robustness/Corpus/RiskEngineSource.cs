namespace ReadinessAnalyzers.Tests.Robustness.Corpus;

/// <summary>Embedded corpus: a generic, partial risk engine with hot-path members, locks and async lambdas.</summary>
internal static class RiskEngineSource
{
    public const string Path = "Engine/RiskEngine.cs";

    public const string Text = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Trading.Engine.Risk;

        public sealed partial class RiskEngine<TPosition>
            where TPosition : class, IPosition
        {
            private readonly Dictionary<string, TPosition> _positions = new(StringComparer.Ordinal);
            private readonly SemaphoreSlim _mutex = new(1, 1);
            private readonly IExchangeClient _client;

            public RiskEngine(IExchangeClient client) => _client = client;

            public decimal MaxNotional { get; init; } = 1_000_000m;

            public Exception? LastError { get; private set; }

            // A synchronous getter is not an async path.
            public decimal CurrentBalance => _client.GetBalanceAsync("USD").Result;

            public async Task<bool> CheckAsync(Order order, CancellationToken cancellationToken)
            {
                await _mutex.WaitAsync(cancellationToken);
                try
                {
                    var notional = order.Quantity * order.LimitPrice;
                    return notional switch
                    {
                        <= 0m => false,
                        _ when notional > MaxNotional => false,
                        _ => await WithinLimitsAsync(order.Symbol, notional),
                    };
                }
                finally
                {
                    _mutex.Release();
                }
            }

            public async void OnFill(object? sender, Fill fill)
            {
                try
                {
                    await RebalanceAsync(fill.ClientOrderId);
                }
                catch (InvalidOperationException ex)
                {
                    LastError = ex;
                }
            }

            [HotPath]
            public bool TryReserve(string symbol, decimal quantity)
            {
                lock (_positions)
                {
                    if (_positions.TryGetValue(symbol, out var position))
                    {
                        return position.TryReserve(quantity);
                    }
                }

                return false;
            }

            private async ValueTask<bool> WithinLimitsAsync(string symbol, decimal notional)
            {
                if (!_positions.TryGetValue(symbol, out var position))
                {
                    return true;
                }

                var balance = await _client.GetBalanceAsync("USD");
                return position.Exposure + notional <= balance;
            }

            private Task RebalanceAsync(string clientOrderId)
            {
                Thread.Sleep(10);
                return clientOrderId.Length == 0 ? Task.CompletedTask : _client.CancelAllAsync(clientOrderId);
            }
        }

        public sealed partial class RiskEngine<TPosition>
        {
            public async Task<int> CountOpenAsync(Func<TPosition, Task<bool>> isOpen)
            {
                var count = 0;
                foreach (var position in _positions.Values)
                {
                    if (isOpen(position).GetAwaiter().GetResult())
                    {
                        count++;
                    }
                }

                await Task.Yield();
                return count;
            }

            public Task<decimal> TotalExposureAsync() => Task.Run(async () =>
            {
                var total = 0m;
                foreach (var position in _positions.Values)
                {
                    total += position.Exposure;
                    Thread.Sleep(1);
                }

                await Task.Yield();
                return total;
            });

            [HotPath]
            public decimal Headroom
            {
                get
                {
                    var balance = _client.GetBalanceAsync("USD");
                    return balance.IsCompleted ? balance.Result - MaxNotional : 0m;
                }
            }
        }
        """;
}
