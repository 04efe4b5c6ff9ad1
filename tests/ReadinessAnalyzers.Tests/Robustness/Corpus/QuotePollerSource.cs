namespace ReadinessAnalyzers.Tests.Robustness.Corpus;

/// <summary>Embedded corpus: an async quote poller that sleeps where it should await (RDY101).</summary>
internal static class QuotePollerSource
{
    public const string Path = "Engine/QuotePoller.cs";

    public const string Text = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Trading.Engine;

        public sealed class QuotePoller
        {
            private readonly IExchangeClient _client;
            private readonly ConcurrentDictionary<string, Quote> _latest = new(StringComparer.Ordinal);
            private volatile bool _connected;
            private volatile bool _stopped;

            public QuotePoller(IExchangeClient client) => _client = client;

            public event EventHandler<Quote>? QuoteReceived;

            public async Task PollAsync(string symbol, CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    try
                    {
                        var quote = await _client.GetQuoteAsync(symbol, cancellationToken).ConfigureAwait(false);
                        _latest[symbol] = quote;
                        _connected = true;
                        QuoteReceived?.Invoke(this, quote);
                    }
                    catch (TimeoutException)
                    {
                        _connected = false;
                        Thread.Sleep(500); // back off before the next request
                    }

                    Thread.Sleep(250);
                }
            }

            public async Task WaitForConnectionAsync()
            {
                SpinWait.SpinUntil(() => _connected, 1_000);
                await Task.Yield();
                Thread.Sleep(0); // gives up the rest of the time slice; not a delay
            }

            public Task StartBackgroundRefresh(string symbol)
                => Task.Run(() =>
                {
                    while (!_stopped)
                    {
                        _latest[symbol] = _client.GetQuoteAsync(symbol).GetAwaiter().GetResult();
                        Thread.Sleep(100);
                    }
                });

            public Thread StartDedicatedPoller(string symbol)
            {
                var thread = new Thread(() =>
                {
                    while (!_stopped)
                    {
                        Thread.Sleep(50); // a dedicated thread may sleep
                    }
                })
                {
                    IsBackground = true,
                    Name = "poller-" + symbol,
                };
                thread.Start();
                return thread;
            }

            public Task StartLongRunningPoller(CancellationToken cancellationToken)
                => Task.Factory.StartNew(
                    () =>
                    {
                        while (!cancellationToken.IsCancellationRequested)
                        {
                            Thread.Sleep(20);
                        }
                    },
                    cancellationToken,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);

            public async Task<decimal> AwaitSpreadAsync(string symbol, decimal maxSpread, CancellationToken cancellationToken)
            {
                var watch = Stopwatch.StartNew();
                while (watch.ElapsedMilliseconds < 5_000)
                {
                    if (_latest.TryGetValue(symbol, out var quote) && quote.Spread <= maxSpread)
                    {
                        return quote.Mid;
                    }

                    Thread.Sleep(TimeSpan.FromMilliseconds(10));
                    await Task.Yield();
                }

                return 0m;
            }

            public async Task WarmUpAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
            {
                foreach (var symbol in symbols)
                {
                    await RefreshAsync(symbol);
                }

                Func<Task> settle = static async () =>
                {
                    Thread.Sleep(5);
                    await Task.Yield();
                };
                await settle();

                async Task RefreshAsync(string symbol)
                {
                    _latest[symbol] = await _client.GetQuoteAsync(symbol, cancellationToken);
                    await PauseAsync();
                }

                static async Task PauseAsync()
                {
                    Thread.Sleep(25);
                    await Task.Yield();
                }
            }

            public void Poll(string symbol)
            {
                _stopped = false;
                Thread.Sleep(100); // a synchronous method is not an async path
                _latest.TryRemove(symbol, out _);
            }

            [HotPath]
            public Quote? LatestOrDefault(string symbol)
            {
                if (!_latest.TryGetValue(symbol, out var quote))
                {
                    Thread.Sleep(1);
                    return null;
                }

                return quote;
            }

            public async IAsyncEnumerable<Quote> StreamAsync(string symbol, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await foreach (var quote in _client.StreamQuotesAsync(symbol, cancellationToken).ConfigureAwait(false))
                {
                    if (quote.Spread < 0m)
                    {
                        Thread.Sleep(5); // crossed book: wait for the venue to catch up
                        continue;
                    }

                    yield return quote;
                }
            }

            public void Stop() => _stopped = true;
        }
        """;
}
