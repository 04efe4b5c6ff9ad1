using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.NumberParsingAnalyzer, ReadinessAnalyzers.CodeFixes.NumberParsingCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.NumberParsing;

public sealed class RDY503CultureSensitiveNumberConversionTests
{
    [Fact]
    public Task ParsesWithoutProvider_GetInvariantCultureAndTheImport() => Verify.CodeFixAsync(
        """
        using System;
        using System.Globalization;
        using System.Text.Json;

        record Fill(decimal Price, double Quantity);

        class ExecutionParser
        {
            Fill Parse(JsonElement root)
            {
                var price = {|RDY503:decimal.Parse(root.GetProperty("L").GetString()!)|}; // last fill price
                var quantity = {|RDY503:double.Parse(root.GetProperty("l").GetString()!, NumberStyles.Float)|};
                var fee = {|RDY503:float.Parse("0.1")|};
                return new Fill(price + (decimal)fee, quantity);
            }
        }
        """,
        """
        using System;
        using System.Globalization;
        using System.Text.Json;

        record Fill(decimal Price, double Quantity);

        class ExecutionParser
        {
            Fill Parse(JsonElement root)
            {
                var price = decimal.Parse(root.GetProperty("L").GetString()!, CultureInfo.InvariantCulture); // last fill price
                var quantity = double.Parse(root.GetProperty("l").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
                var fee = float.Parse("0.1", CultureInfo.InvariantCulture);
                return new Fill(price + (decimal)fee, quantity);
            }
        }
        """);

    [Fact]
    public Task TryParse_GetsTheOverloadsDefaultStyleAndInvariantCulture() => Verify.CodeFixAsync(
        """
        using System;

        class Ticker
        {
            decimal Mark(string text)
            {
                if (!{|RDY503:decimal.TryParse(text, out var mark)|})
                {
                    throw new FormatException("unreadable mark price");
                }

                return mark;
            }

            double Last(string text)
                => {|RDY503:double.TryParse(text, out var last)|} ? last : throw new FormatException(text);

            float Size(string text)
                => {|RDY503:float.TryParse(text, System.Globalization.NumberStyles.Float, null, out var size)|} ? size : throw new FormatException(text);
        }
        """,
        """
        using System;
        using System.Globalization;

        class Ticker
        {
            decimal Mark(string text)
            {
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var mark))
                {
                    throw new FormatException("unreadable mark price");
                }

                return mark;
            }

            double Last(string text)
                => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var last) ? last : throw new FormatException(text);

            float Size(string text)
                => float.TryParse(text, System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out var size) ? size : throw new FormatException(text);
        }
        """);

    [Fact]
    public Task ConvertFromString_GetsInvariantCulture() => Verify.CodeFixAsync(
        """
        using System;

        class Row
        {
            decimal Price(string cell) => {|RDY503:Convert.ToDecimal(cell)|};
            double Volume(string cell) => {|RDY503:Convert.ToDouble(cell)|};
            float Fee(string cell) => {|RDY503:Convert.ToSingle(cell)|};
        }
        """,
        """
        using System;
        using System.Globalization;

        class Row
        {
            decimal Price(string cell) => Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
            double Volume(string cell) => Convert.ToDouble(cell, CultureInfo.InvariantCulture);
            float Fee(string cell) => Convert.ToSingle(cell, CultureInfo.InvariantCulture);
        }
        """);

    [Fact]
    public Task MoneyLikeToString_GetsInvariantCulture() => Verify.CodeFixAsync(
        """
        using System.Text;

        class Order
        {
            public decimal Price { get; init; }
            public decimal? StopPrice { get; init; }
            public double Notional { get; init; }
        }

        class OrderSigner
        {
            double[] _fees = new double[4];

            string Query(Order order, double bidPx)
                => new StringBuilder()
                    .Append("&price=").Append({|RDY503:order.Price.ToString()|})
                    .Append("&stopPrice=").Append(order.StopPrice?{|RDY503:.ToString()|})
                    .Append("&notional=").Append({|RDY503:order.Notional.ToString("F2")|})
                    .Append("&bid=").Append({|RDY503:bidPx.ToString()|})
                    .Append("&fee=").Append({|RDY503:_fees[0].ToString()|})
                    .Append("&pnl=").Append({|RDY503:GetPnl().ToString("0.00")|})
                    .ToString();

            double GetPnl() => 0;
        }
        """,
        """
        using System.Globalization;
        using System.Text;

        class Order
        {
            public decimal Price { get; init; }
            public decimal? StopPrice { get; init; }
            public double Notional { get; init; }
        }

        class OrderSigner
        {
            double[] _fees = new double[4];

            string Query(Order order, double bidPx)
                => new StringBuilder()
                    .Append("&price=").Append(order.Price.ToString(CultureInfo.InvariantCulture))
                    .Append("&stopPrice=").Append(order.StopPrice?.ToString(CultureInfo.InvariantCulture))
                    .Append("&notional=").Append(order.Notional.ToString("F2", CultureInfo.InvariantCulture))
                    .Append("&bid=").Append(bidPx.ToString(CultureInfo.InvariantCulture))
                    .Append("&fee=").Append(_fees[0].ToString(CultureInfo.InvariantCulture))
                    .Append("&pnl=").Append(GetPnl().ToString("0.00", CultureInfo.InvariantCulture))
                    .ToString();

            double GetPnl() => 0;
        }
        """);

    [Fact]
    public Task AnyDecimalToString_IsMoney() => Verify.CodeFixAsync(
        """
        class Book
        {
            decimal Mid(decimal bid, decimal ask) => (bid + ask) / 2m;

            string Line(decimal center) => {|RDY503:center.ToString()|} + " " + {|RDY503:Mid(1m, 2m).ToString("F4")|};
        }
        """,
        """
        using System.Globalization;

        class Book
        {
            decimal Mid(decimal bid, decimal ask) => (bid + ask) / 2m;

            string Line(decimal center) => center.ToString(CultureInfo.InvariantCulture) + " " + Mid(1m, 2m).ToString("F4", CultureInfo.InvariantCulture);
        }
        """);

    [Fact]
    public Task SpanParseWithOmittedProvider_GetsANamedProvider() => Verify.CodeFixAsync(
        """
        using System;

        class Frame
        {
            decimal Price(ReadOnlySpan<char> field) => {|RDY503:decimal.Parse(field)|};
        }
        """,
        """
        using System;
        using System.Globalization;

        class Frame
        {
            decimal Price(ReadOnlySpan<char> field) => decimal.Parse(field, provider: CultureInfo.InvariantCulture);
        }
        """);

    [Fact]
    public Task ExplicitNullProvider_IsReplaced() => Verify.CodeFixAsync(
        """
        using System.Globalization;

        class Csv
        {
            decimal Qty(string cell) => {|RDY503:decimal.Parse(cell, NumberStyles.Number, null)|};
            string Fee(decimal fee) => {|RDY503:fee.ToString("F8", null)|};
        }
        """,
        """
        using System.Globalization;

        class Csv
        {
            decimal Qty(string cell) => decimal.Parse(cell, NumberStyles.Number, CultureInfo.InvariantCulture);
            string Fee(decimal fee) => fee.ToString("F8", CultureInfo.InvariantCulture);
        }
        """);

    [Fact]
    public Task Message_NamesTheCall()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Balance
                {
                    decimal Free(string text) => {|#0:decimal.Parse(text)|};
                }
                """,
            FixedCode = """
                using System.Globalization;

                class Balance
                {
                    decimal Free(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.CultureSensitiveNumberConversion).WithLocation(0).WithArguments("decimal.Parse"));
        return test.RunAsync();
    }

    [Fact]
    public Task LambdasLocalFunctionsAndTopLevelStatements_AreFixed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Linq;

                var prices = new[] { "1.5", "2.25" }.Select(p => {|RDY503:decimal.Parse(p)|}).ToArray();
                decimal Total() => prices.Sum();
                Console.WriteLine({|RDY503:Total().ToString()|});

                partial class Quotes<T>
                {
                    public Func<string, double> ParseAsk = text => {|RDY503:double.Parse(text)|};
                }
                """,
            FixedCode = """
                using System;
                using System.Globalization;
                using System.Linq;

                var prices = new[] { "1.5", "2.25" }.Select(p => decimal.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                decimal Total() => prices.Sum();
                Console.WriteLine(Total().ToString(CultureInfo.InvariantCulture));

                partial class Quotes<T>
                {
                    public Func<string, double> ParseAsk = text => double.Parse(text, CultureInfo.InvariantCulture);
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task CallsThatPassAProvider_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Globalization;

        class Parsers
        {
            static readonly CultureInfo German = new("de-DE");

            void Parse(string s, decimal price, double ask)
            {
                var a = decimal.Parse(s, CultureInfo.InvariantCulture);
                var b = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
                var c = decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var p);
                var d = Convert.ToDecimal(s, CultureInfo.InvariantCulture);
                var e = price.ToString(CultureInfo.InvariantCulture);
                var f = price.ToString("N2", German); // UI with an explicit culture
                var g = ask.ToString("F2", CultureInfo.CurrentCulture);
                var h = double.Parse(s, NumberFormatInfo.InvariantInfo);
                var i = decimal.TryParse(s, CultureInfo.InvariantCulture, out var q);
            }
        }
        """);

    [Fact]
    public Task ParsesNamedAsRatiosOrDurations_AreNotReportedUnlessMoneyIsNamedToo() => Verify.CodeFixAsync(
        """
        using System;
        using System.Collections.Generic;

        class Settings
        {
            public double TimeoutSeconds { get; set; }
            public decimal MaxSpreadPct { get; set; }

            void Load(Dictionary<string, string> cfg, decimal changePct, decimal lastPrice)
            {
                TimeoutSeconds = double.Parse(cfg["timeoutSeconds"]);
                var leveragePct = decimal.Parse(cfg["leverage"]);
                double.TryParse(cfg["retryDelayMs"], out var retryDelayMs);
                MaxSpreadPct = Convert.ToDecimal(cfg["maxSpreadPct"]);
                var label = changePct.ToString("P2");

                var intervalMs = {|RDY503:double.Parse(cfg["priceTickSize"])|};
                var unknown = {|RDY503:decimal.Parse(cfg["x"])|};
                var last = {|RDY503:lastPrice.ToString()|};
                Console.WriteLine($"{leveragePct} {retryDelayMs} {label} {intervalMs} {unknown} {last}");
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Globalization;

        class Settings
        {
            public double TimeoutSeconds { get; set; }
            public decimal MaxSpreadPct { get; set; }

            void Load(Dictionary<string, string> cfg, decimal changePct, decimal lastPrice)
            {
                TimeoutSeconds = double.Parse(cfg["timeoutSeconds"]);
                var leveragePct = decimal.Parse(cfg["leverage"]);
                double.TryParse(cfg["retryDelayMs"], out var retryDelayMs);
                MaxSpreadPct = Convert.ToDecimal(cfg["maxSpreadPct"]);
                var label = changePct.ToString("P2");

                var intervalMs = double.Parse(cfg["priceTickSize"], CultureInfo.InvariantCulture);
                var unknown = decimal.Parse(cfg["x"], CultureInfo.InvariantCulture);
                var last = lastPrice.ToString(CultureInfo.InvariantCulture);
                Console.WriteLine($"{leveragePct} {retryDelayMs} {label} {intervalMs} {unknown} {last}");
            }
        }
        """);

    [Fact]
    public Task IntegersNonMoneyDoublesAndOtherConversions_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;

        class Telemetry
        {
            void Write(string s, double latencyMs, double spreadBps, double volatility, int qty, long orderId, object cell, double value)
            {
                var a = int.Parse(s);
                var b = long.Parse(s);
                var c = qty.ToString();
                var d = orderId.ToString();
                var e = latencyMs.ToString();
                var f = spreadBps.ToString("F1");
                var g = volatility.ToString();
                var h = Convert.ToDecimal(cell);
                var i = Convert.ToDecimal(3.5);
                var j = DateTime.Parse(s);
                var k = $"{latencyMs} ms";
                var l = value.ToString();
                var m = TimeSpan.FromSeconds(latencyMs).TotalMilliseconds.ToString();
                var n = int.TryParse(s, out var count) ? count : -1;
            }
        }
        """);
}
