using System.Globalization;
using System.Text;

namespace ReadinessAnalyzers.Tests.Robustness.Corpus;

/// <summary>
/// Embedded corpus: one file of at least the requested number of lines, made by repeating realistic
/// strategy methods (each with an RDY101 and RDY102 positive and a negative) against the engine's types.
/// </summary>
internal static class LargeFileSource
{
    public const string Path = "Engine/Generated/StrategyBook.cs";

    private const string Header = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Trading.Engine.Strategies;

        public sealed class StrategyBook
        {
            private readonly object _gate = new();
            private readonly IExchangeClient _client;
            private decimal _total;

            public StrategyBook(IExchangeClient client) => _client = client;

        """;

    private const string Method = """
            public async Task<decimal> Strategy__N__Async(Order order, CancellationToken cancellationToken)
            {
                var quote = await _client.GetQuoteAsync(order.Symbol, cancellationToken);
                if (quote.Spread > 0.5m)
                {
                    Thread.Sleep(1);
                }

                var fill = _client.PlaceOrderAsync(order, cancellationToken).Result;
                lock (_gate)
                {
                    _total += fill.Quantity * fill.Price;
                }

                return fill.Price - quote.Mid;
            }

            public decimal Strategy__N__Sync(Order order)
            {
                var fill = _client.PlaceOrderAsync(order).Result;
                Thread.Sleep(1);
                return fill.Price * order.Quantity;
            }

        """;

    public static string Create(int minimumLines)
    {
        var methodLines = Method.Split('\n').Length - 1;
        var count = (minimumLines / methodLines) + 1;
        var builder = new StringBuilder(Header, Header.Length + (count * (Method.Length + 8)) + 8);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Method.Replace("__N__", i.ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal));
        }

        builder.Append("}\n");
        return builder.ToString();
    }
}
