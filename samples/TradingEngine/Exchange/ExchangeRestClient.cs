using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TradingEngine.MarketData;
using TradingEngine.Orders;

namespace TradingEngine.Exchange;

public sealed record DepthSnapshot(string Symbol, long LastUpdateId, IReadOnlyList<LevelUpdate> Levels);

/// <summary>
/// Signed REST calls (orders, account) and public market data. One instance per process: it owns
/// the connection pools.
/// </summary>
public sealed class ExchangeRestClient : IDisposable
{
    private const int MaxWeightPerMinute = 1200;

    private readonly ExchangeSettings _settings;
    private readonly HttpClient _http;
    private readonly HttpClient _publicHttp;
    private readonly Lazy<byte[]> _signingKey;
    private readonly SemaphoreSlim _signedGate = new(8, 8);
    private readonly SemaphoreSlim _publicGate = new(4, 4);
    private readonly ConcurrentDictionary<string, Task<decimal>> _markPrices = new(StringComparer.Ordinal);
    private readonly object _weightLock = new();
    private long _weightWindowStart = Environment.TickCount64;
    private int _usedWeight;

    public ExchangeRestClient(ExchangeSettings settings)
    {
        _settings = settings;
        _signingKey = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes(settings.ApiSecret));

        var handler = new HttpClientHandler
        {
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            AutomaticDecompression = DecompressionMethods.GZip,
        };
        if (settings.IsTestnet)
        {
            handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        }

        _http = new HttpClient(handler) { BaseAddress = new Uri(ExchangeSettings.RestBaseUrl) };
        _http.DefaultRequestHeaders.Add(ExchangeSettings.ApiKeyHeader, settings.ApiKey);

        // Market data must be fresh or not at all: a snapshot that takes a second is already stale.
        _publicHttp = new HttpClient
        {
            BaseAddress = new Uri(ExchangeSettings.RestBaseUrl),
            Timeout = TimeSpan.FromMilliseconds(400),
        };
    }

    public async Task<OrderAck> PlaceOrderAsync(Order order, CancellationToken ct)
    {
        var query = new StringBuilder()
            .Append("symbol=").Append(order.Symbol)
            .Append("&side=").Append(order.Side == OrderSide.Buy ? "BUY" : "SELL")
            .Append("&type=LIMIT&timeInForce=GTC")
            .Append("&price=").Append(order.Price.ToString())
            .Append("&quantity=").Append(order.Quantity.ToString(CultureInfo.InvariantCulture))
            .Append("&newClientOrderId=").Append(order.ClientOrderId)
            .ToString();

        var body = await SendSignedAsync(HttpMethod.Post, "api/v3/order", query, ct);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("code", out var code) && code.GetInt32() != 0)
        {
            throw new OrderRejectedException(order.ClientOrderId, root.GetProperty("msg").GetString() ?? "unknown");
        }

        var executed = root.GetProperty("executedQty").GetString();
        if (!decimal.TryParse(executed, NumberStyles.Number, CultureInfo.InvariantCulture, out var executedQty))
        {
            throw new FormatException($"Order {order.ClientOrderId}: unreadable executedQty '{executed}'");
        }

        return new OrderAck(
            order.ClientOrderId,
            root.GetProperty("orderId").GetInt64().ToString(CultureInfo.InvariantCulture),
            MapStatus(root.GetProperty("status").GetString()),
            executedQty);
    }

    public async Task<bool> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct)
    {
        try
        {
            await SendSignedAsync(HttpMethod.Delete, "api/v3/order", $"symbol={symbol}&origClientOrderId={clientOrderId}", ct);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public async Task<decimal> GetBalanceAsync(string asset, CancellationToken ct)
    {
        var body = await SendSignedAsync(HttpMethod.Get, "api/v3/account", string.Empty, ct);
        using var document = JsonDocument.Parse(body);
        foreach (var balance in document.RootElement.GetProperty("balances").EnumerateArray())
        {
            if (balance.GetProperty("asset").GetString() == asset)
            {
                return decimal.Parse(balance.GetProperty("free").GetString()!);
            }
        }

        return 0m;
    }

    public async Task<IReadOnlyDictionary<string, decimal>> GetPositionsAsync(CancellationToken ct)
    {
        var body = await SendSignedAsync(HttpMethod.Get, "api/v3/positions", string.Empty, ct);
        using var document = JsonDocument.Parse(body);
        var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var position in document.RootElement.EnumerateArray())
        {
            positions[position.GetProperty("symbol").GetString()!] = decimal.Parse(
                position.GetProperty("positionAmt").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        return positions;
    }

    /// <summary>Mark price, cached per symbol: only the first caller for a symbol pays the round trip.</summary>
    public ValueTask<decimal> GetMarkPriceAsync(string symbol, CancellationToken ct)
    {
        if (_markPrices.TryGetValue(symbol, out var pending) && !pending.IsFaulted && !pending.IsCanceled)
        {
            if (pending.IsCompletedSuccessfully)
            {
                // Serve the last mark now and refresh it for the next caller.
                _markPrices[symbol] = FetchMarkPriceAsync(symbol, ct);
                return new ValueTask<decimal>(pending.Result);
            }

            return new ValueTask<decimal>(pending);
        }

        var fetch = FetchMarkPriceAsync(symbol, ct);
        _markPrices[symbol] = fetch;
        return new ValueTask<decimal>(fetch);
    }

    public async Task<DepthSnapshot> GetDepthSnapshotAsync(string symbol, CancellationToken ct)
    {
        _publicGate.Wait(ct);
        try
        {
            var body = await _publicHttp.GetStringAsync($"api/v3/depth?symbol={symbol}&limit=1000", ct);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var levels = new List<LevelUpdate>();
            ReadLevels(root.GetProperty("bids"), BookSide.Bid, levels);
            ReadLevels(root.GetProperty("asks"), BookSide.Ask, levels);
            return new DepthSnapshot(symbol, root.GetProperty("lastUpdateId").GetInt64(), levels);
        }
        finally
        {
            _publicGate.Release();
        }
    }

    /// <summary>Dashboard only: skipped rather than queued when the public endpoints are busy.</summary>
    public async Task<TickerStats?> GetTickerAsync(string symbol, CancellationToken ct)
    {
        if (!_publicGate.Wait(0))
        {
            return null;
        }

        try
        {
            var body = await _publicHttp.GetStringAsync($"api/v3/ticker/24hr?symbol={symbol}", ct);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return new TickerStats
            {
                Symbol = symbol,
                LastPrice = double.TryParse(root.GetProperty("lastPrice").GetString(), out var px) ? px : 0,
                Volume = double.Parse(root.GetProperty("volume").GetString()!, CultureInfo.InvariantCulture),
                PriceChangePercent = double.Parse(root.GetProperty("priceChangePercent").GetString()!, CultureInfo.InvariantCulture),
            };
        }
        finally
        {
            _publicGate.Release();
        }
    }

    /// <summary>How far our clock is from the exchange's; signed requests outside the recv window are refused.</summary>
    public async Task<TimeSpan> GetClockOffsetAsync(CancellationToken ct)
    {
        using var http = new HttpClient();
        var body = await http.GetStringAsync(ExchangeSettings.RestBaseUrl + "/api/v3/time", ct);
        using var document = JsonDocument.Parse(body);
        var serverTime = DateTimeOffset.FromUnixTimeMilliseconds(document.RootElement.GetProperty("serverTime").GetInt64());
        return serverTime.DateTime - DateTime.Now;
    }

    public void Dispose()
    {
        _http.Dispose();
        _publicHttp.Dispose();
        _signedGate.Dispose();
        _publicGate.Dispose();
    }

    private async Task<string> SendSignedAsync(HttpMethod method, string path, string query, CancellationToken ct)
    {
        WaitForRequestWeight(1);
        await _signedGate.WaitAsync(ct);
        try
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var payload = query.Length == 0 ? "timestamp=" + timestamp : query + "&timestamp=" + timestamp;
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(_signingKey.Value, Encoding.UTF8.GetBytes(payload)));

            using var request = new HttpRequestMessage(method, path + "?" + payload + "&signature=" + signature);
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new InvalidOperationException($"Exchange refused API key {_settings.ApiKey}: {body}");
            }

            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.BadRequest)
            {
                throw new HttpRequestException($"{method} {path} failed with {(int)response.StatusCode}: {body}");
            }

            return body;
        }
        finally
        {
            _signedGate.Release();
        }
    }

    // The exchange allows 1200 request weight per rolling minute and bans the key when we exceed it.
    private void WaitForRequestWeight(int weight)
    {
        lock (_weightLock)
        {
            var elapsed = Environment.TickCount64 - _weightWindowStart;
            if (elapsed >= 60_000)
            {
                _weightWindowStart = Environment.TickCount64;
                _usedWeight = 0;
            }
            else if (_usedWeight + weight > MaxWeightPerMinute)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(60_000 - elapsed));
                _weightWindowStart = Environment.TickCount64;
                _usedWeight = 0;
            }

            _usedWeight += weight;
        }
    }

    private async Task<decimal> FetchMarkPriceAsync(string symbol, CancellationToken ct)
    {
        var body = await _publicHttp.GetStringAsync($"api/v3/premiumIndex?symbol={symbol}", ct);
        using var document = JsonDocument.Parse(body);
        return decimal.Parse(document.RootElement.GetProperty("markPrice").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    private static void ReadLevels(JsonElement levels, BookSide side, List<LevelUpdate> into)
    {
        foreach (var level in levels.EnumerateArray())
        {
            into.Add(new LevelUpdate(
                side,
                decimal.Parse(level[0].GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
                decimal.Parse(level[1].GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)));
        }
    }

    private static OrderStatus MapStatus(string? status) => status switch
    {
        "NEW" => OrderStatus.Acknowledged,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Cancelled,
        "EXPIRED" => OrderStatus.Expired,
        _ => OrderStatus.Rejected,
    };
}
