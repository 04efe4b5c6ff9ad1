namespace ReadinessAnalyzers.Bench.Corpus;

internal static partial class UnitWriter
{
    private static void WriteCore(UnitPlan plan, CodeWriter w)
    {
        var text = plan.Index switch
        {
            0 => Primitives,
            1 => Logging,
            _ => VenueClient,
        };
        foreach (var line in text.Split('\n'))
        {
            w.Line(line);
        }
    }

    private const string Primitives = """
        using System;

        namespace Corpus.Core;

        public enum Side
        {
            Buy,
            Sell,
        }

        public enum OrderKind
        {
            Limit,
            Market,
            StopLimit,
            PostOnly,
        }

        public enum OrderState
        {
            New,
            Acknowledged,
            PartiallyFilled,
            Filled,
            Cancelled,
            Rejected,
        }

        /// <summary>Top of book for one instrument, as the venue last published it.</summary>
        public sealed record Quote(string Symbol, decimal Bid, decimal Ask, long Sequence, DateTimeOffset ReceivedAt)
        {
            public decimal Mid => (Bid + Ask) / 2m;

            public decimal Spread => Ask - Bid;

            public bool IsCrossed => Bid >= Ask;
        }

        public sealed record OrderRequest(string ClientOrderId, string Symbol, Side Side, decimal Price, decimal Quantity, OrderKind Kind)
        {
            public decimal Notional => Price * Quantity;
        }

        public sealed record OrderAck(string ClientOrderId, string VenueOrderId, OrderState State, decimal FilledQuantity);

        public sealed record Fill(string ClientOrderId, string Symbol, Side Side, decimal Price, decimal Quantity, decimal Fee);

        /// <summary>Marks code that runs on every tick: the readiness rules hold it to the async-path rules.</summary>
        [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
        public sealed class HotPathAttribute : Attribute
        {
        }

        /// <summary>The venue refused an order; the message is the venue's reason.</summary>
        public sealed class VenueRejectedException : Exception
        {
            public VenueRejectedException()
            {
            }

            public VenueRejectedException(string message)
                : base(message)
            {
            }

            public VenueRejectedException(string message, Exception innerException)
                : base(message, innerException)
            {
            }

            public string? RejectCode { get; init; }
        }
        """;

    private const string Logging = """
        using System;
        using System.Globalization;
        using System.IO;

        namespace Corpus.Core;

        /// <summary>The engine's logging seam; production wires it to the structured logger.</summary>
        public interface ILog
        {
            void Info(string message);

            void Warn(string message);

            void Error(Exception exception, string message);
        }

        public sealed class ConsoleLog : ILog
        {
            private readonly TextWriter _output;
            private readonly string _category;

            public ConsoleLog(string category)
                : this(category, Console.Out)
            {
            }

            public ConsoleLog(string category, TextWriter output)
            {
                _category = category;
                _output = output;
            }

            public void Info(string message) => Write("INF", message);

            public void Warn(string message) => Write("WRN", message);

            public void Error(Exception exception, string message)
                => Write("ERR", message + Environment.NewLine + exception);

            private void Write(string level, string message)
                => _output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{DateTimeOffset.UtcNow:O} {level} [{_category}] {message}"));
        }

        public sealed class NullLog : ILog
        {
            public static readonly NullLog Instance = new();

            public void Info(string message)
            {
            }

            public void Warn(string message)
            {
            }

            public void Error(Exception exception, string message)
            {
            }
        }
        """;

    private const string VenueClient = """
        using System;
        using System.Globalization;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Corpus.Core;

        /// <summary>What the engine needs from an exchange connection.</summary>
        public interface IVenueClient
        {
            Task<Quote> GetQuoteAsync(string symbol, CancellationToken ct);

            Task<OrderAck> SubmitAsync(OrderRequest order, CancellationToken ct);

            Task CancelAsync(string clientOrderId, CancellationToken ct);
        }

        /// <summary>A venue's REST API over one long-lived HttpClient with a tight timeout.</summary>
        public sealed class HttpVenueClient : IVenueClient, IDisposable
        {
            private readonly HttpClient _http;
            private readonly ILog _log;
            private long _sequence;

            public HttpVenueClient(Uri baseAddress, ILog log)
            {
                _log = log;
                _http = new HttpClient
                {
                    BaseAddress = baseAddress,
                    Timeout = TimeSpan.FromMilliseconds(500),
                };
            }

            public async Task<Quote> GetQuoteAsync(string symbol, CancellationToken ct)
            {
                var path = new Uri("api/v3/ticker/bookTicker?symbol=" + Uri.EscapeDataString(symbol), UriKind.Relative);
                using var response = await _http.GetAsync(path, ct).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
                var root = document.RootElement;
                var bid = decimal.Parse(root.GetProperty("bidPrice").GetString() ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture);
                var ask = decimal.Parse(root.GetProperty("askPrice").GetString() ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture);
                return new Quote(symbol, bid, ask, Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow);
            }

            public async Task<OrderAck> SubmitAsync(OrderRequest order, CancellationToken ct)
            {
                var payload = JsonSerializer.Serialize(new
                {
                    symbol = order.Symbol,
                    side = order.Side.ToString().ToUpperInvariant(),
                    type = order.Kind.ToString().ToUpperInvariant(),
                    price = order.Price.ToString(CultureInfo.InvariantCulture),
                    quantity = order.Quantity.ToString(CultureInfo.InvariantCulture),
                    newClientOrderId = order.ClientOrderId,
                });
                using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(new Uri("api/v3/order", UriKind.Relative), content, ct).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    _log.Warn($"Order {order.ClientOrderId} rejected with {(int)response.StatusCode}");
                    throw new VenueRejectedException(text) { RejectCode = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) };
                }

                using var document = JsonDocument.Parse(text);
                var venueId = document.RootElement.GetProperty("orderId").ToString();
                return new OrderAck(order.ClientOrderId, venueId, OrderState.Acknowledged, 0m);
            }

            public async Task CancelAsync(string clientOrderId, CancellationToken ct)
            {
                var path = new Uri("api/v3/order?origClientOrderId=" + Uri.EscapeDataString(clientOrderId), UriKind.Relative);
                using var response = await _http.DeleteAsync(path, ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    _log.Warn($"Cancel of {clientOrderId} answered {(int)response.StatusCode}");
                }
            }

            public void Dispose() => _http.Dispose();
        }
        """;
}
