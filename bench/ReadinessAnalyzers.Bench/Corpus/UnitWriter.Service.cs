namespace ReadinessAnalyzers.Bench.Corpus;

internal static partial class UnitWriter
{
    private static void WriteService(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var upstream = plan.Service;
        var defect = rng.Chance(DefectRate * 6) ? rng.Next(1, 7) : 0;
        var placesOrders = rng.Chance(0.6);
        var fansOut = rng.Chance(0.4);
        string[] usings = defect == 3
            ? ["System", "System.Collections.Concurrent", "System.Collections.Generic", "System.IO", "System.Threading", "System.Threading.Tasks"]
            : ["System", "System.Collections.Concurrent", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks"];
        Header(w, plan, usings);
        w.Line("/// <summary>Keeps the " + Concept(plan) + " fair value of each instrument fresh for the quoting engine.</summary>");
        w.Open("public sealed class " + name);
        w.Line("private readonly IVenueClient _venue;");
        w.Line("private readonly ILog _log;");
        if (upstream is not null)
        {
            w.Line("private readonly " + upstream.TypeName + " _upstream;");
        }

        if (plan.Book is not null)
        {
            w.Line("private readonly " + plan.Book.TypeName + " _book = new();");
        }

        w.Line("private readonly ConcurrentDictionary<string, decimal> _lastValue = new(StringComparer.Ordinal);");
        if (defect == 5)
        {
            w.Line("private readonly object _gate = new();");
            w.Line("private readonly Dictionary<string, long> _hits = new(StringComparer.Ordinal);");
        }

        w.Line("private long _refreshCount;");
        w.Line();
        w.Open("public " + name + "(IVenueClient venue, ILog log)");
        w.Line("_venue = venue;");
        w.Line("_log = log;");
        if (upstream is not null)
        {
            w.Line("_upstream = new " + upstream.TypeName + "(venue, log);");
        }

        w.Close();
        w.Line();
        w.Line("public long RefreshCount => Interlocked.Read(ref _refreshCount);");
        w.Line();
        w.Open("public async Task<decimal> " + plan.AsyncMethod + "(string symbol, CancellationToken ct)");
        w.Line("ArgumentException.ThrowIfNullOrEmpty(symbol);");
        w.Line("var quote = await _venue.GetQuoteAsync(symbol, ct).ConfigureAwait(false);");
        w.Open("if (quote.Bid <= 0m || quote.IsCrossed)");
        w.Line("_log.Warn($\"Crossed or empty book for {symbol}: {quote.Bid}/{quote.Ask}\");");
        w.Line("return _lastValue.TryGetValue(symbol, out var previous) ? previous : quote.Mid;");
        w.Close();
        w.Line();
        w.Line("var value = quote.Mid;");
        HelperAdjustments(w, plan, "value", "quote.Spread");
        if (upstream is not null)
        {
            w.Line("var upstream = await _upstream." + upstream.AsyncMethod + "(symbol, ct).ConfigureAwait(false);");
            w.Line("value = (value + upstream) / 2m;");
        }

        if (plan.Book is not null)
        {
            w.Line("var exposure = _book.Exposure(symbol, value);");
            w.Open("if (exposure > " + Dec(rng.Next(10, 1000) * 1000m) + ")");
            w.Line("_log.Warn($\"{symbol} exposure {exposure} over the desk limit\");");
            w.Close();
        }

        switch (defect)
        {
            case 1:
                // RDY101: a sleep on an async path.
                w.Open("if (quote.Sequence % 100 == 0)");
                w.Line("Thread.Sleep(25); // give the venue's rate limiter a moment");
                w.Close();
                break;
            case 2:
                // RDY102: sync-over-async on an async path.
                w.Line("var confirm = _venue.GetQuoteAsync(symbol, ct).Result;");
                w.Line("value = (value + confirm.Mid) / 2m;");
                break;
            case 3:
                // RDY104: synchronous file I/O on an async path.
                w.Line("File.AppendAllText(\"" + name + ".audit\", symbol + \" \" + value + Environment.NewLine);");
                break;
            case 4:
                // RDY106: a dropped task whose failure nobody sees.
                w.Open("if (quote.Spread > value * 0.01m)");
                w.Line("_ = _venue.CancelAsync(symbol + \"-stale\", ct);");
                w.Close();
                break;
            case 5:
                // RDY108: a lock on an async path.
                w.Open("lock (_gate)");
                w.Line("_hits[symbol] = _hits.TryGetValue(symbol, out var hits) ? hits + 1 : 1;");
                w.Close();
                break;
        }

        w.Line("_lastValue[symbol] = value;");
        w.Line("Interlocked.Increment(ref _refreshCount);");
        w.Line("return value;");
        w.Close();

        if (placesOrders)
        {
            w.Line();
            w.Open("public async Task<OrderAck?> PlaceAsync(string symbol, Side side, decimal quantity, CancellationToken ct)");
            w.Line("var price = await " + plan.AsyncMethod + "(symbol, ct).ConfigureAwait(false);");
            w.Line("var request = new OrderRequest(Guid.NewGuid().ToString(\"N\"), symbol, side, price, quantity, OrderKind.Limit);");
            w.Open("try");
            w.Line("var ack = await _venue.SubmitAsync(request, ct).ConfigureAwait(false);");
            if (plan.Book is not null)
            {
                w.Line("_book.Apply(symbol, side == Side.Buy ? ack.FilledQuantity : -ack.FilledQuantity, price);");
            }

            w.Line("return ack;");
            w.Close();
            w.Open("catch (VenueRejectedException ex)");
            w.Line("_log.Error(ex, $\"Order {request.ClientOrderId} for {symbol} rejected ({ex.RejectCode})\");");
            w.Line("return null;");
            w.Close();
            if (rng.Chance(DefectRate * 2))
            {
                // RDY401: the caller learns that it failed, never why.
                w.Open("catch (Exception)");
                w.Line("return null;");
                w.Close();
            }

            w.Close();
        }

        if (fansOut)
        {
            w.Line();
            w.Open("public async Task<IReadOnlyDictionary<string, decimal>> " + plan.AsyncMethod[..^5] + "AllAsync(IReadOnlyList<string> symbols, CancellationToken ct)");
            w.Line("var tasks = new List<Task<decimal>>(symbols.Count);");
            w.Open("foreach (var symbol in symbols)");
            w.Line("tasks.Add(" + plan.AsyncMethod + "(symbol, ct));");
            w.Close();
            w.Line();
            w.Line("await Task.WhenAll(tasks).ConfigureAwait(false);");
            w.Line("var values = new Dictionary<string, decimal>(symbols.Count, StringComparer.Ordinal);");
            w.Open("for (var i = 0; i < symbols.Count; i++)");
            w.Line("values[symbols[i]] = tasks[i].Result; // complete: awaited by WhenAll above");
            w.Close();
            w.Line();
            w.Line("return values;");
            w.Close();
        }

        w.Line();
        w.Line("public decimal LastOrDefault(string symbol) => _lastValue.TryGetValue(symbol, out var value) ? value : 0m;");
        w.Close();
    }

    private static void WriteBook(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var asyncMark = rng.Chance(0.25);
        var blockingLock = asyncMark && rng.Chance(DefectRate * 4);
        string[] usings = asyncMark
            ? blockingLock
                ? ["System", "System.Collections.Generic", "System.IO", "System.Threading", "System.Threading.Tasks"]
                : ["System", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks"]
            : ["System", "System.Collections.Generic"];
        Header(w, plan, usings);
        w.Line("/// <summary>Net " + Concept(plan) + " positions per instrument; every read and write goes through one lock.</summary>");
        w.Open("public sealed class " + name);
        w.Line("private readonly object _gate = new();");
        w.Line("private readonly Dictionary<string, decimal> _quantity = new(StringComparer.Ordinal);");
        w.Line("private readonly Dictionary<string, decimal> _cost = new(StringComparer.Ordinal);");
        w.Line("private decimal _realizedPnl;");
        w.Line();
        w.Open("public decimal RealizedPnl");
        w.Open("get");
        w.Open("lock (_gate)");
        w.Line("return _realizedPnl;");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Open("public void Apply(string symbol, decimal quantity, decimal price)");
        w.Open("lock (_gate)");
        w.Line("_quantity.TryGetValue(symbol, out var current);");
        w.Line("_cost.TryGetValue(symbol, out var cost);");
        w.Line("var next = current + quantity;");
        w.Open("if (current != 0m && Math.Sign(current) != Math.Sign(quantity))");
        w.Line("var closed = Math.Min(Math.Abs(current), Math.Abs(quantity));");
        w.Line("var average = cost / current;");
        w.Line("_realizedPnl += closed * (price - average) * Math.Sign(current);");
        w.Close();
        w.Line();
        w.Line("_quantity[symbol] = next;");
        w.Line("_cost[symbol] = next == 0m ? 0m : cost + (quantity * price);");
        w.Close();
        w.Close();
        w.Line();
        w.Open("public decimal NetQuantity(string symbol)");
        w.Open("lock (_gate)");
        w.Line("return _quantity.TryGetValue(symbol, out var quantity) ? quantity : 0m;");
        w.Close();
        w.Close();
        w.Line();
        w.Open("public decimal Exposure(string symbol, decimal markPrice)");
        w.Line("var exposure = Math.Abs(NetQuantity(symbol) * markPrice);");
        HelperAdjustments(w, plan, "exposure", "markPrice");
        w.Line("return exposure;");
        w.Close();
        w.Line();
        w.Open("public IReadOnlyDictionary<string, decimal> Snapshot()");
        w.Open("lock (_gate)");
        w.Line("return new Dictionary<string, decimal>(_quantity, StringComparer.Ordinal);");
        w.Close();
        w.Close();
        if (asyncMark)
        {
            w.Line();
            w.Open("public async Task<decimal> MarkToMarketAsync(IVenueClient venue, string symbol, CancellationToken ct)");
            w.Line("ArgumentNullException.ThrowIfNull(venue);");
            w.Line("var quote = await venue.GetQuoteAsync(symbol, ct).ConfigureAwait(false);");
            w.Open("lock (_gate)");
            w.Line("_quantity.TryGetValue(symbol, out var quantity);");
            if (blockingLock)
            {
                // RDY103: I/O while holding the book lock on an async path.
                w.Line("File.AppendAllText(\"" + name + ".marks\", symbol + \" \" + quote.Mid + Environment.NewLine);");
            }

            w.Line("return quantity * quote.Mid;");
            w.Close();
            w.Close();
        }

        w.Close();
    }
}
