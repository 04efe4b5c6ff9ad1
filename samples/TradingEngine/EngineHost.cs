using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TradingEngine.Exchange;
using TradingEngine.MarketData;
using TradingEngine.Orders;
using TradingEngine.Risk;
using TradingEngine.Strategy;

namespace TradingEngine;

/// <summary>Wires feed, books, risk, router and strategies together and owns their background loops.</summary>
public sealed class EngineHost : IDisposable
{
    public static readonly RiskLimits DefaultLimits = new(
        MaxOrderNotional: 50_000m,
        MaxPositionPerSymbol: 2m,
        MaxGrossExposure: 250_000m,
        MaxPriceDeviation: 0.05m,
        MaxOrdersPerSecond: 20,
        MaxDailyLoss: 5_000m);

    private readonly ExchangeRestClient _exchange;
    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);
    private readonly MarketDataFeed _feed;
    private readonly PositionBook _positions;
    private readonly PreTradeRiskCheck _risk;
    private readonly OrderRouter _router;
    private readonly List<MarketMaker> _makers = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _stateDirectory;
    private Task _feedTask = Task.CompletedTask;
    private Task _fillsTask = Task.CompletedTask;
    private readonly List<Task> _backgroundTasks = new();

    public EngineHost(ExchangeSettings settings, Uri marketDataEndpoint, IReadOnlyList<string> symbols, RiskLimits limits, string stateDirectory)
    {
        _stateDirectory = stateDirectory;
        _exchange = new ExchangeRestClient(settings);
        foreach (var symbol in symbols)
        {
            _books[symbol] = new OrderBook(symbol);
        }

        _positions = new PositionBook(limits.MaxDailyLoss);
        _risk = new PreTradeRiskCheck(limits, _positions, _books, _exchange);
        _router = new OrderRouter(_exchange, _risk, _positions, Path.Combine(stateDirectory, "journal.log"), TimeSpan.FromSeconds(30));
        _feed = new MarketDataFeed(marketDataEndpoint, _books, _exchange);

        foreach (var symbol in symbols)
        {
            var maker = new MarketMaker(symbol, _router, tickSize: 0.01m, quoteQuantity: 0.01m);
            _makers.Add(maker);
            _feed.QuoteReceived += (_, quote) => maker.OnQuote(quote);
        }

        _feed.FillReceived += (_, fill) => _router.OnFill(fill);
        _risk.LimitBreached += OnRiskLimitBreached;
    }

    public int BookCount => _books.Count;

    public bool Faulted { get; private set; }

    public async Task StartAsync(CancellationToken ct)
    {
        var positionsFile = Path.Combine(_stateDirectory, "positions.csv");
        if (File.Exists(positionsFile))
        {
            _positions.Load(await File.ReadAllLinesAsync(positionsFile, ct));
        }

        _feedTask = _feed.RunAsync(_stopping.Token);
        _fillsTask = _router.ProcessFillsAsync(_stopping.Token);

        // Do not quote off an empty book.
        if (!SpinWait.SpinUntil(AllBooksSynced, TimeSpan.FromSeconds(2)))
        {
            Console.Error.WriteLine("[engine] books not synced after 2 s; makers stay flat until quotes arrive");
        }

        foreach (var maker in _makers)
        {
            _backgroundTasks.Add(maker.RunAsync(_stopping.Token));
        }

        // Liveness file for the supervisor. Its own thread: it must keep ticking when the pool is starved,
        // because that is exactly when the supervisor needs to know.
        var heartbeatFile = Path.Combine(_stateDirectory, "heartbeat");
        var token = _stopping.Token;
        var heartbeat = new Thread(() =>
        {
            while (!token.IsCancellationRequested)
            {
                File.WriteAllText(heartbeatFile, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                Thread.Sleep(1_000);
            }
        })
        {
            IsBackground = true,
            Name = "engine-heartbeat",
        };
        heartbeat.Start();

        // Thread-pool starvation probe, same reasoning: it runs on a dedicated thread.
        _backgroundTasks.Add(Task.Factory.StartNew(() =>
        {
            while (!token.IsCancellationRequested)
            {
                if (ThreadPool.PendingWorkItemCount > 1_000)
                {
                    Console.Error.WriteLine($"[engine] thread pool backlog: {ThreadPool.PendingWorkItemCount} items");
                }

                Thread.Sleep(250);
            }
        }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default));

        StartBackgroundLoops(token);
        _ = Task.Run(() => ReconcileLoopAsync(token));
    }

    public async Task StopAsync()
    {
        _stopping.Cancel();
        await _feed.StopAsync();
        await _router.CancelAllAsync(CancellationToken.None);
        foreach (var book in _books.Values)
        {
            await book.CheckpointAsync(_stateDirectory);
        }

        // Let the feed and fill loops finish before the process goes away.
        Task.WaitAll(_feedTask, _fillsTask);
        Faulted = _feedTask.IsFaulted || _fillsTask.IsFaulted;
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _exchange.Dispose();
    }

    private void StartBackgroundLoops(CancellationToken ct)
    {
        // A book that has not changed for 5 s means the stream is stuck, not that the market is quiet.
        _backgroundTasks.Add(Task.Run(() =>
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var book in _books.Values)
                {
                    if (book.IsSynced && book.IdleFor > TimeSpan.FromSeconds(5))
                    {
                        Console.Error.WriteLine($"[engine] {book.Symbol} book idle for {book.IdleFor.TotalSeconds:F0} s");
                    }
                }

                Thread.Sleep(500);
            }
        }, ct));

        // PnL line for the operator.
        _backgroundTasks.Add(Task.Factory.StartNew(() =>
        {
            while (!ct.IsCancellationRequested)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[pnl] realized {_positions.RealizedPnl:F2} unrealized {_positions.UnrealizedPnl(_books):F2} messages {_feed.MessagesReceived}"));
                Thread.Sleep(TimeSpan.FromSeconds(5));
            }
        }, ct));

        // Re-centre every maker on the exchange mark price once a second.
        _backgroundTasks.Add(Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(ct))
            {
                foreach (var maker in _makers)
                {
                    var mark = _exchange.GetMarkPriceAsync(maker.Symbol, ct).Result;
                    maker.SetReferencePrice(mark);
                }
            }
        }, ct));
    }

    private async Task ReconcileLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(ct))
        {
            await ReconcileAsync(ct);
        }
    }

    // Our positions are derived from fills; the exchange's are the truth. Compare them.
    private async Task ReconcileAsync(CancellationToken ct)
    {
        var balanceTask = _exchange.GetBalanceAsync("USDT", ct);
        var positionsTask = _exchange.GetPositionsAsync(ct);
        await Task.WhenAll(balanceTask, positionsTask);

        var cash = balanceTask.Result;
        foreach (var (symbol, quantity) in positionsTask.Result)
        {
            var local = _positions.GetPosition(symbol);
            if (local != quantity)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[reconcile] {symbol}: local {local}, exchange {quantity}; taking the exchange's figure"));
                _positions.Reset(symbol, quantity);
            }
        }

        var offset = await _exchange.GetClockOffsetAsync(ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[reconcile] cash {cash:F2} USDT, clock offset {offset.TotalMilliseconds:F0} ms"));
    }

    private bool AllBooksSynced()
    {
        foreach (var book in _books.Values)
        {
            if (!book.IsSynced)
            {
                return false;
            }
        }

        return true;
    }

    private async void OnRiskLimitBreached(object? sender, RiskBreachEventArgs e)
    {
        Console.Error.WriteLine($"[risk] {e.Symbol}: {e.Reason}; pulling all quotes");
        try
        {
            await _router.CancelAllAsync(_stopping.Token);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"[risk] cancel-all failed: {ex}");
        }
    }
}
