namespace ReadinessAnalyzers.Bench.Corpus;

internal static partial class UnitWriter
{
    private static void WriteWorker(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var service = plan.Service;
        var defect = rng.Chance(DefectRate * 5) ? rng.Next(1, 5) : 0;
        Header(w, plan, "System", "System.Threading", "System.Threading.Tasks");
        w.Line("/// <summary>Polls the " + Concept(plan) + " figures on a fixed interval until the engine stops.</summary>");
        w.Open("public sealed class " + name);
        w.Line(service is null ? "private readonly IVenueClient _venue;" : "private readonly " + service.TypeName + " _service;");
        if (plan.Book is not null)
        {
            w.Line("private readonly " + plan.Book.TypeName + " _book;");
        }

        w.Line("private readonly ILog _log;");
        w.Line("private readonly TimeSpan _interval;");
        w.Line("private readonly string[] _symbols;");
        w.Line("private int _consecutiveFailures;");
        w.Line();
        var dependency = service is null ? "IVenueClient venue" : service.TypeName + " service";
        var book = plan.Book is null ? "" : ", " + plan.Book.TypeName + " book";
        w.Open("public " + name + "(" + dependency + book + ", ILog log, TimeSpan interval, params string[] symbols)");
        w.Line(service is null ? "_venue = venue;" : "_service = service;");
        if (plan.Book is not null)
        {
            w.Line("_book = book;");
        }

        w.Line("_log = log;");
        w.Line("_interval = interval;");
        w.Line("_symbols = symbols;");
        w.Close();
        w.Line();
        w.Open("public async Task RunAsync(CancellationToken ct)");
        w.Line("_log.Info($\"" + name + " started for {_symbols.Length} symbols every {_interval.TotalMilliseconds} ms\");");
        w.Open("while (!ct.IsCancellationRequested)");
        w.Open("try");
        w.Open("foreach (var symbol in _symbols)");
        w.Line(service is null
            ? "var value = (await _venue.GetQuoteAsync(symbol, ct).ConfigureAwait(false)).Mid;"
            : "var value = await _service." + service.AsyncMethod + "(symbol, ct).ConfigureAwait(false);");
        HelperAdjustments(w, plan, "value", "value");
        if (plan.Book is not null)
        {
            w.Line("var exposure = _book.Exposure(symbol, value);");
            w.Open("if (exposure > 0m)");
            w.Line("_log.Info($\"{symbol} marked at {value}, exposure {exposure}\");");
            w.Close();
        }
        else
        {
            w.Open("if (value <= 0m)");
            w.Line("_log.Warn($\"{symbol} has no usable value\");");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("_consecutiveFailures = 0;");
        if (defect == 1)
        {
            // RDY101: the loop parks a pool thread between polls.
            w.Line("Thread.Sleep(_interval);");
        }
        else
        {
            w.Line("await Task.Delay(_interval, ct).ConfigureAwait(false);");
        }

        w.Close();
        w.Open("catch (OperationCanceledException) when (ct.IsCancellationRequested)");
        w.Line("break;");
        w.Close();
        if (defect == 2)
        {
            // RDY401/RDY402: the failure and the cancellation both vanish.
            w.Open("catch (Exception)");
            w.Line("_consecutiveFailures++;");
            w.Close();
        }
        else
        {
            w.Open("catch (Exception ex)");
            w.Line("_consecutiveFailures++;");
            w.Line("_log.Error(ex, $\"" + name + " iteration failed ({_consecutiveFailures} in a row)\");");
            w.Line("var backoff = TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * (1 << Math.Min(_consecutiveFailures, 7))));");
            w.Line("await Task.Delay(backoff, ct).ConfigureAwait(false);");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("_log.Info(\"" + name + " stopped\");");
        w.Close();
        w.Line();
        if (defect == 3)
        {
            // RDY105: an exception here takes the process down.
            w.Open("public async void Start(CancellationToken ct)");
            w.Line("await RunAsync(ct).ConfigureAwait(false);");
            w.Close();
        }
        else if (defect == 4)
        {
            // RDY106: the restarted loop's failures are never observed.
            w.Open("public async Task RestartAsync(CancellationToken ct)");
            w.Line("await Task.Delay(_interval, ct).ConfigureAwait(false);");
            w.Line("_ = RunAsync(ct);");
            w.Close();
        }
        else
        {
            w.Open("public Task StartAsync(CancellationToken ct)");
            w.Line("return Task.Run(() => RunAsync(ct), ct);");
            w.Close();
        }

        w.Close();
    }

    private static void WriteFeed(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var args = name + "TickEventArgs";
        var defect = rng.Chance(DefectRate * 3) ? rng.Next(1, 3) : 0;
        Header(w, plan, "System", "System.Threading", "System.Threading.Channels", "System.Threading.Tasks");
        w.Open("public sealed class " + args + " : EventArgs");
        w.Open("public " + args + "(Quote quote, decimal fairValue)");
        w.Line("Quote = quote;");
        w.Line("FairValue = fairValue;");
        w.Close();
        w.Line();
        w.Line("public Quote Quote { get; }");
        w.Line();
        w.Line("public decimal FairValue { get; }");
        w.Close();
        w.Line();
        w.Line("/// <summary>Fans " + Concept(plan) + " ticks out to subscribers; drops the oldest tick when a consumer lags.</summary>");
        w.Open("public sealed class " + name + " : IDisposable");
        w.Line("private readonly Channel<Quote> _channel = Channel.CreateBounded<Quote>(new BoundedChannelOptions(" + (1 << rng.Next(8, 13)) + ")");
        w.Open("");
        w.Line("FullMode = BoundedChannelFullMode.DropOldest,");
        w.Line("SingleReader = true,");
        w.Close(");");
        w.Line("private readonly CancellationTokenSource _cts = new();");
        w.Line("private readonly ILog _log;");
        if (plan.Book is not null)
        {
            w.Line("private readonly " + plan.Book.TypeName + " _book;");
        }

        w.Line("private long _published;");
        w.Line();
        w.Open("public " + name + "(ILog log" + (plan.Book is null ? "" : ", " + plan.Book.TypeName + " book") + ")");
        w.Line("_log = log;");
        if (plan.Book is not null)
        {
            w.Line("_book = book;");
        }

        w.Close();
        w.Line();
        w.Line("public event EventHandler<" + args + ">? Tick;");
        w.Line();
        w.Line("public long Published => Interlocked.Read(ref _published);");
        w.Line();
        w.Line("public bool TryPublish(Quote quote) => _channel.Writer.TryWrite(quote);");
        w.Line();
        w.Open("public async Task PumpAsync(CancellationToken ct)");
        w.Open("await foreach (var quote in _channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))");
        w.Open("if (quote.IsCrossed)");
        w.Line("_log.Warn($\"Dropping crossed {quote.Symbol} tick {quote.Sequence}\");");
        w.Line("continue;");
        w.Close();
        w.Line();
        w.Line("var fair = quote.Mid;");
        HelperAdjustments(w, plan, "fair", "quote.Spread");
        if (plan.Book is not null)
        {
            w.Line("fair -= _book.NetQuantity(quote.Symbol) * quote.Spread * 0.01m;");
        }

        w.Line("Tick?.Invoke(this, new " + args + "(quote, fair));");
        w.Line("Interlocked.Increment(ref _published);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>Wired to the socket's Reconnected event.</summary>");
        w.Open("public async void OnReconnected(object? sender, EventArgs e)");
        w.Open("try");
        w.Line("await ResubscribeAsync(_cts.Token).ConfigureAwait(false);");
        w.Close();
        w.Open("catch (Exception ex)");
        w.Line("_log.Error(ex, \"" + name + " could not resubscribe\");");
        w.Close();
        w.Close();
        w.Line();
        if (defect == 1)
        {
            // RDY105: async void outside an event handler.
            w.Open("public async void Resubscribe()");
            w.Line("await ResubscribeAsync(_cts.Token).ConfigureAwait(false);");
            w.Close();
            w.Line();
        }

        w.Open("private async Task ResubscribeAsync(CancellationToken ct)");
        w.Line("await Task.Delay(" + rng.Next(10, 200) + ", ct).ConfigureAwait(false);");
        w.Line("_log.Info(\"" + name + " resubscribed\");");
        w.Close();
        w.Line();
        w.Open("public void Dispose()");
        w.Line("_cts.Cancel();");
        w.Line("_cts.Dispose();");
        w.Line("_channel.Writer.TryComplete();");
        w.Close();
        w.Close();
    }

    private static void WriteStrategy(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var defect = rng.Chance(DefectRate * 4) ? rng.Next(1, 4) : 0;
        Header(w, plan, "System", "System.Globalization", "System.Threading");
        w.Line("/// <summary>Quotes around the " + Concept(plan) + " fair value; runs on every market data tick.</summary>");
        w.Open("public sealed class " + name);
        w.Line("private readonly decimal _baseSpread = " + Dec(rng.Next(1, 20) / 10_000m) + ";");
        w.Line("private readonly decimal _maxInventory = " + rng.Next(1, 100) + "m;");
        if (plan.Book is not null)
        {
            w.Line("private readonly " + plan.Book.TypeName + " _book;");
        }

        w.Line("private long _ticks;");
        w.Line("private DateTime _lastQuoteAt;");
        w.Line();
        if (plan.Book is not null)
        {
            w.Open("public " + name + "(" + plan.Book.TypeName + " book)");
            w.Line("_book = book;");
            w.Close();
            w.Line();
        }

        w.Line("[HotPath]");
        w.Open("public (decimal Bid, decimal Ask) OnTick(Quote quote)");
        w.Line("ArgumentNullException.ThrowIfNull(quote);");
        w.Line("Interlocked.Increment(ref _ticks);");
        w.Line("var fair = quote.Mid;");
        HelperAdjustments(w, plan, "fair", "quote.Spread");
        w.Line(plan.Book is null ? "var inventory = 0m;" : "var inventory = _book.NetQuantity(quote.Symbol);");
        w.Line("var skew = Math.Clamp(inventory / _maxInventory, -1m, 1m) * _baseSpread * fair;");
        w.Line("var half = Math.Max(quote.Spread / 2m, fair * _baseSpread);");
        switch (defect)
        {
            case 1:
                // RDY504: local wall-clock time in trading logic.
                w.Line("_lastQuoteAt = DateTime.Now;");
                break;
            case 2:
                // RDY101 on a hot path.
                w.Line("_lastQuoteAt = DateTime.UtcNow;");
                w.Open("if (half <= 0m)");
                w.Line("Thread.Sleep(1); // wait for the next tick rather than quote a zero spread");
                w.Close();
                break;
            default:
                w.Line("_lastQuoteAt = DateTime.UtcNow;");
                break;
        }

        w.Line("return (decimal.Round(fair - half - skew, 2), decimal.Round(fair + half - skew, 2));");
        w.Close();
        w.Line();
        w.Line("[HotPath]");
        w.Open("public bool ShouldRequote(Quote quote, decimal lastBid, decimal lastAsk)");
        w.Line("ArgumentNullException.ThrowIfNull(quote);");
        w.Line("var moved = Math.Abs(quote.Mid - ((lastBid + lastAsk) / 2m));");
        w.Line("return moved > quote.Mid * _baseSpread / 2m || quote.Bid >= lastAsk || quote.Ask <= lastBid;");
        w.Close();
        w.Line();
        w.Line("public string Describe() => string.Create(CultureInfo.InvariantCulture, $\"" + name + " ticks={Interlocked.Read(ref _ticks)} last={_lastQuoteAt:O}\");");
        w.Close();
    }
}
