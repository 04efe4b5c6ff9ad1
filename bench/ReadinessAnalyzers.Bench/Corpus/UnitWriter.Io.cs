namespace ReadinessAnalyzers.Bench.Corpus;

internal static partial class UnitWriter
{
    private static void WriteGateway(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var concept = Concept(plan);
        var defect = rng.Chance(DefectRate * 5) ? rng.Next(1, 6) : 0;
        Header(w, plan, "System", "System.Globalization", "System.Net.Http", "System.Text", "System.Threading", "System.Threading.Tasks");
        w.Line("/// <summary>REST access to the venue's " + concept + " endpoints; one client for the life of the process.</summary>");
        w.Open("public sealed class " + name + " : IDisposable");
        w.Line("private readonly HttpClient _http;");
        w.Line("private readonly ILog _log;");
        w.Line();
        w.Open("public " + name + "(Uri baseAddress, ILog log)");
        w.Line("_log = log;");
        w.Open("_http = new HttpClient");
        w.Line("BaseAddress = baseAddress,");
        if (defect != 1)
        {
            w.Line("Timeout = TimeSpan.FromMilliseconds(" + rng.Next(200, 500) + "),");
        }

        // RDY201 when the timeout is missing: the default is 100 s.
        w.Close(";");
        w.Line("_http.DefaultRequestHeaders.Add(\"X-Client\", \"" + name + "\");");
        w.Close();
        w.Line();
        w.Open("public async Task<decimal> Fetch" + char.ToUpperInvariant(concept[0]) + concept[1..] + "Async(string symbol, CancellationToken ct)");
        w.Line("var path = new Uri(\"api/v3/" + concept + "?symbol=\" + Uri.EscapeDataString(symbol), UriKind.Relative);");
        w.Line("using var response = await _http.GetAsync(path, ct).ConfigureAwait(false);");
        w.Open("if (!response.IsSuccessStatusCode)");
        w.Line("_log.Warn($\"{(int)response.StatusCode} from {path}\");");
        w.Line("throw new HttpRequestException($\"" + name + " {path} answered {(int)response.StatusCode}\");");
        w.Close();
        w.Line();
        w.Line("var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);");
        w.Line("var price = ReadDecimal(body, \"price\");");
        HelperAdjustments(w, plan, "price", "price");
        w.Line("return price;");
        w.Close();
        w.Line();
        w.Open("public async Task<bool> PostOrderAsync(OrderRequest order, CancellationToken ct)");
        w.Line("ArgumentNullException.ThrowIfNull(order);");
        w.Line("var payload = \"{\\\"symbol\\\":\\\"\" + order.Symbol");
        w.Line("    + \"\\\",\\\"side\\\":\\\"\" + order.Side.ToString().ToUpperInvariant()");
        w.Line("    + \"\\\",\\\"price\\\":\\\"\" + order.Price.ToString(CultureInfo.InvariantCulture)");
        w.Line("    + \"\\\",\\\"quantity\\\":\\\"\" + order.Quantity.ToString(CultureInfo.InvariantCulture) + \"\\\"}\";");
        w.Line("using var content = new StringContent(payload, Encoding.UTF8, \"application/json\");");
        w.Open("try");
        if (defect == 2)
        {
            // RDY202: a client (and a TLS handshake) per order.
            w.Line("using var client = new HttpClient { BaseAddress = _http.BaseAddress, Timeout = _http.Timeout };");
            w.Line("using var response = await client.PostAsync(new Uri(\"api/v3/order\", UriKind.Relative), content, ct).ConfigureAwait(false);");
        }
        else
        {
            w.Line("using var response = await _http.PostAsync(new Uri(\"api/v3/order\", UriKind.Relative), content, ct).ConfigureAwait(false);");
        }

        w.Open("if (!response.IsSuccessStatusCode)");
        w.Line("var reason = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);");
        w.Line("_log.Warn($\"Order {order.ClientOrderId} refused: {reason}\");");
        w.Close();
        w.Line();
        w.Line("return response.IsSuccessStatusCode;");
        w.Close();
        w.Open("catch (HttpRequestException ex)");
        w.Line("_log.Error(ex, $\"POST order {order.ClientOrderId} failed\");");
        w.Line("return false;");
        w.Close();
        if (defect == 3)
        {
            // RDY401: swallowed without a trace.
            w.Open("catch (Exception)");
            w.Line("return false;");
            w.Close();
        }

        w.Close();
        w.Line();
        if (defect == 4)
        {
            // RDY102: sync-over-async on an async path.
            w.Open("public async Task<string> StatusAsync(CancellationToken ct)");
            w.Line("var text = _http.GetStringAsync(new Uri(\"api/v3/status\", UriKind.Relative), ct).Result;");
            w.Line("await Task.Yield();");
            w.Line("return text.Trim();");
            w.Close();
        }
        else
        {
            w.Open("public async Task<string> StatusAsync(CancellationToken ct)");
            w.Line("var text = await _http.GetStringAsync(new Uri(\"api/v3/status\", UriKind.Relative), ct).ConfigureAwait(false);");
            w.Line("return text.Trim();");
            w.Close();
        }

        w.Line();
        w.Line("/// <summary>For the operator console, which has no async context.</summary>");
        w.Line("public string StatusBlocking() => StatusAsync(CancellationToken.None).GetAwaiter().GetResult();");
        w.Line();
        w.Open("private static decimal ReadDecimal(string json, string field)");
        w.Line("var key = \"\\\"\" + field + \"\\\":\\\"\";");
        w.Line("var start = json.IndexOf(key, StringComparison.Ordinal);");
        w.Open("if (start < 0)");
        w.Line("throw new FormatException(\"'\" + field + \"' is missing from the venue payload.\");");
        w.Close();
        w.Line();
        w.Line("start += key.Length;");
        w.Line("var end = json.IndexOf('\"', start);");
        if (defect == 5)
        {
            // RDY503: culture-sensitive parse of a venue price.
            w.Line("return decimal.Parse(json.Substring(start, end - start));");
        }
        else
        {
            w.Line("return decimal.Parse(json.AsSpan(start, end - start), NumberStyles.Number, CultureInfo.InvariantCulture);");
        }

        w.Close();
        w.Line();
        w.Line("public void Dispose() => _http.Dispose();");
        w.Close();
    }

    private static void WriteRepository(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var model = plan.Model;
        var defect = rng.Chance(DefectRate * 3) ? rng.Next(1, 4) : 0;
        Header(w, plan, "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Threading", "System.Threading.Tasks");
        w.Line("/// <summary>An append-only " + Concept(plan) + " journal, one CSV file per instrument; writes are serialised.</summary>");
        w.Open("public sealed class " + name + " : IDisposable");
        w.Line("private readonly string _directory;");
        w.Line("private readonly SemaphoreSlim _writeGate = new(1, 1);");
        w.Line();
        w.Open("public " + name + "(string directory)");
        w.Line("_directory = directory;");
        w.Line("Directory.CreateDirectory(directory);");
        w.Close();
        w.Line();
        var item = model is null ? "string symbol, decimal price, decimal quantity" : model.TypeName + " item";
        var symbol = model is null ? "symbol" : "item.Symbol";
        var line = model is null
            ? "symbol + \",\" + price.ToString(CultureInfo.InvariantCulture) + \",\" + quantity.ToString(CultureInfo.InvariantCulture)"
            : "item.ToCsv()";
        w.Open("public async Task AppendAsync(" + item + ", CancellationToken ct)");
        if (model is not null)
        {
            w.Line("ArgumentNullException.ThrowIfNull(item);");
        }

        w.Line("var path = PathFor(" + symbol + ");");
        w.Line("await _writeGate.WaitAsync(ct).ConfigureAwait(false);");
        w.Open("try");
        if (defect == 1)
        {
            // RDY104: synchronous file I/O on an async path.
            w.Line("File.AppendAllText(path, " + line + " + \"\\n\");");
        }
        else
        {
            w.Line("await File.AppendAllTextAsync(path, " + line + " + \"\\n\", ct).ConfigureAwait(false);");
        }

        w.Close();
        w.Open("finally");
        w.Line("_writeGate.Release();");
        w.Close();
        w.Close();
        w.Line();
        var element = model is null ? "string" : model.TypeName;
        w.Open("public async Task<IReadOnlyList<" + element + ">> LoadAsync(string symbol, CancellationToken ct)");
        w.Line("var path = PathFor(symbol);");
        w.Open("if (!File.Exists(path))");
        w.Line("return Array.Empty<" + element + ">();");
        w.Close();
        w.Line();
        w.Line("var lines = await File.ReadAllLinesAsync(path, ct).ConfigureAwait(false);");
        w.Line("var items = new List<" + element + ">(lines.Length);");
        w.Open("foreach (var line in lines)");
        w.Open("if (string.IsNullOrWhiteSpace(line))");
        w.Line("continue;");
        w.Close();
        w.Line();
        if (model is null)
        {
            w.Line("items.Add(line);");
        }
        else
        {
            w.Open("try");
            w.Line("items.Add(" + model.TypeName + ".Parse(line));");
            w.Close();
            w.Open("catch (FormatException ex)");
            w.Line("throw new InvalidDataException(\"Corrupt journal line in \" + path, ex);");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("return items;");
        w.Close();
        w.Line();
        w.Open("public async Task<long> CompactAsync(CancellationToken ct)");
        w.Line("long bytes = 0;");
        w.Open("foreach (var file in Directory.EnumerateFiles(_directory, \"*.csv\"))");
        w.Line("await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);");
        w.Line("using var reader = new StreamReader(stream);");
        if (defect == 2)
        {
            // RDY104: a blocking read on an async path.
            w.Line("var text = reader.ReadToEnd();");
        }
        else
        {
            w.Line("var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);");
        }

        w.Line("bytes += text.Length;");
        w.Close();
        w.Line();
        w.Line("return bytes;");
        w.Close();
        w.Line();
        w.Open("private string PathFor(string symbol)");
        w.Line("ArgumentException.ThrowIfNullOrEmpty(symbol);");
        w.Line("return Path.Combine(_directory, symbol.Replace('/', '_') + \".csv\");");
        w.Close();
        w.Line();
        w.Line("public void Dispose() => _writeGate.Dispose();");
        w.Close();
    }
}
