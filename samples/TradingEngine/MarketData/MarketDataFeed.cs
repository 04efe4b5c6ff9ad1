using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TradingEngine.Exchange;
using TradingEngine.Orders;

namespace TradingEngine.MarketData;

/// <summary>
/// Depth and execution streams over one WebSocket. Keeps every <see cref="OrderBook"/> current,
/// reconnects with backoff, and re-snapshots a book when the stream skips a sequence number.
/// </summary>
public sealed class MarketDataFeed
{
    // SHA-1 thumbprints of the stream endpoint's certificates (current and next rotation).
    private static readonly HashSet<string> s_pinnedThumbprints = new(StringComparer.OrdinalIgnoreCase)
    {
        "3B1EFD3A66EA28B16697394703A72CA340A05BD5",
        "9A6F2C1D0E4B8A7C5D3E2F1A0B9C8D7E6F5A4B3C",
    };

    private readonly Uri _endpoint;
    private readonly IReadOnlyDictionary<string, OrderBook> _books;
    private readonly ExchangeRestClient _exchange;
    private volatile bool _running;
    private ClientWebSocket? _socket;
    private CancellationToken _runToken;
    private long _messages;

    public MarketDataFeed(Uri endpoint, IReadOnlyDictionary<string, OrderBook> books, ExchangeRestClient exchange)
    {
        _endpoint = endpoint;
        _books = books;
        _exchange = exchange;
    }

    public event EventHandler<Quote>? QuoteReceived;

    public event EventHandler<Fill>? FillReceived;

    public long MessagesReceived => Interlocked.Read(ref _messages);

    public async Task RunAsync(CancellationToken ct)
    {
        _running = true;
        _runToken = ct;
        var attempt = 0;
        while (_running)
        {
            try
            {
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                socket.Options.RemoteCertificateValidationCallback = ValidateServerCertificate;
                _socket = socket;

                await socket.ConnectAsync(_endpoint, ct);
                attempt = 0;
                await SubscribeAsync(socket, ct);
                foreach (var book in _books.Values)
                {
                    await ResyncAsync(book, ct);
                }

                await ReceiveLoopAsync(socket, ct);
            }
            catch (Exception ex)
            {
                attempt++;
                var backoff = Math.Min(5_000, 250 << Math.Min(attempt, 5));
                Console.Error.WriteLine($"[feed] {DateTime.Now:HH:mm:ss.fff} disconnected ({ex.Message}); reconnecting in {backoff} ms");
                Thread.Sleep(backoff);
            }
        }
    }

    public Task StopAsync()
    {
        _running = false;
        if (_socket is { State: WebSocketState.Open } socket)
        {
            socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "engine shutdown", CancellationToken.None).Wait();
        }

        return Task.CompletedTask;
    }

    private async Task SubscribeAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var streams = _books.Keys.Select(symbol => symbol.ToLowerInvariant() + "@depth@100ms").Append("executionReport").ToArray();
        var request = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["method"] = "SUBSCRIBE",
            ["params"] = streams,
            ["id"] = 1,
        });
        await socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, ct);
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
            }
            catch
            {
                break; // the outer loop reconnects
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            HandleMessage(message.GetBuffer().AsMemory(0, (int)message.Length));
            message.SetLength(0);
        }
    }

    [HotPath]
    private void HandleMessage(ReadOnlyMemory<byte> payload)
    {
        Interlocked.Increment(ref _messages);
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (!root.TryGetProperty("e", out var eventType))
        {
            return; // subscription acks carry no event type
        }

        switch (eventType.GetString())
        {
            case "depthUpdate":
                OnDepthUpdate(root);
                break;
            case "executionReport":
                OnExecutionReport(root);
                break;
        }
    }

    [HotPath]
    private void OnDepthUpdate(JsonElement root)
    {
        var symbol = root.GetProperty("s").GetString();
        if (symbol is null || !_books.TryGetValue(symbol, out var book))
        {
            return;
        }

        var levels = new List<LevelUpdate>();
        ReadLevels(root.GetProperty("b"), BookSide.Bid, levels);
        ReadLevels(root.GetProperty("a"), BookSide.Ask, levels);
        var update = new DepthUpdate(symbol, root.GetProperty("U").GetInt64(), root.GetProperty("u").GetInt64(), levels);

        if (!book.Apply(update))
        {
            // Missed a diff: the book is wrong until a fresh snapshot is loaded.
            _ = ResyncAsync(book, _runToken);
            return;
        }

        if (book.TryGetQuote(out var quote))
        {
            QuoteReceived?.Invoke(this, quote);
        }
    }

    [HotPath]
    private void OnExecutionReport(JsonElement root)
    {
        if (root.GetProperty("x").GetString() != "TRADE")
        {
            return;
        }

        var fill = new Fill(
            ClientOrderId: root.GetProperty("c").GetString() ?? string.Empty,
            Symbol: root.GetProperty("s").GetString() ?? string.Empty,
            Side: root.GetProperty("S").GetString() == "BUY" ? OrderSide.Buy : OrderSide.Sell,
            Price: decimal.Parse(root.GetProperty("L").GetString()!),
            Quantity: ParseDecimal(root.GetProperty("l")),
            Fee: ParseDecimal(root.GetProperty("n")),
            TimestampUtc: DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("T").GetInt64()).UtcDateTime);
        FillReceived?.Invoke(this, fill);
    }

    private async Task ResyncAsync(OrderBook book, CancellationToken ct)
    {
        if (!book.TryBeginResync())
        {
            return; // already reloading
        }

        try
        {
            var snapshot = await _exchange.GetDepthSnapshotAsync(book.Symbol, ct);
            book.LoadSnapshot(snapshot.LastUpdateId, snapshot.Levels);
        }
        finally
        {
            book.EndResync();
        }
    }

    private static void ReadLevels(JsonElement levels, BookSide side, List<LevelUpdate> into)
    {
        foreach (var level in levels.EnumerateArray())
        {
            into.Add(new LevelUpdate(side, ParseDecimal(level[0]), ParseDecimal(level[1])));
        }
    }

    private static decimal ParseDecimal(JsonElement element)
    {
        var text = element.GetString();
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Unreadable decimal '{text}' in stream payload");
        }

        return value;
    }

    private static bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Some colocation sites cannot reach the CA's revocation servers; accept the pinned certificate
        // there, and nothing else.
        return errors == SslPolicyErrors.RemoteCertificateChainErrors
            && certificate is not null
            && s_pinnedThumbprints.Contains(certificate.GetCertHashString());
    }
}
