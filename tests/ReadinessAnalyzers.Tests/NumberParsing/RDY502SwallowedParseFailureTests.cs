using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.NumberParsingAnalyzer, ReadinessAnalyzers.CodeFixes.NumberParsingCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.NumberParsing;

public sealed class RDY502SwallowedParseFailureTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;

        """;

    [Fact]
    public Task DiscardedResults_AreReported() => Verify.AnalyzerAsync(Usings + """
        class PositionLoader
        {
            void Load(string[] parts, Dictionary<string, string> json)
            {
                {|RDY502:decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity)|};
                _ = {|RDY502:decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var averagePrice)|};
                {|RDY502:int.TryParse(parts[3], out var lotSize)|};
                {|RDY502:long.TryParse(parts[4], out var qty)|};
                {|RDY502:double.TryParse(json["price"], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)|};
                Console.WriteLine(quantity + averagePrice + lotSize + qty + (decimal)parsed);
            }
        }
        """);

    [Fact]
    public Task ConditionalsThatOnlyPickADefault_AreReported() => Verify.AnalyzerAsync(Usings + """
        class Ticker
        {
            public double LastPrice { get; set; }

            void Read(string text, string volumeText)
            {
                var px = {|RDY502:double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)|} ? p : 0;
                LastPrice = {|RDY502:double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)|} ? v : 0d;
                var volume = !{|RDY502:decimal.TryParse(volumeText, NumberStyles.Number, CultureInfo.InvariantCulture, out var vol)|} ? default : vol;
                var size = {|RDY502:decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var s)|} && s > 0 ? s : 1m;
                Console.WriteLine(px + (double)(volume + size));
            }

            decimal ParseFee(string text) => {|RDY502:decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var f)|} ? f : 0m;
        }
        """);

    [Fact]
    public Task IfStatementsThatOnlyAssignADefault_AreReported() => Verify.AnalyzerAsync(Usings + """
        class Settings
        {
            decimal _maxNotional;

            void Apply(string a, string b, string c)
            {
                if (!{|RDY502:decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out _maxNotional)|}) _maxNotional = 0;

                decimal price;
                if (!{|RDY502:decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out price)|})
                {
                    price = 0m;
                }

                int qty;
                if ({|RDY502:int.TryParse(c, out qty)|})
                {
                    Console.WriteLine(qty);
                }
                else
                {
                    qty = default;
                }

                Console.WriteLine(price + qty);
            }
        }
        """);

    [Fact]
    public Task ErrorPathsAndExplicitFallbacks_AreNotReported() => Verify.AnalyzerAsync(Usings + """
        interface ILog { void Warn(string message); }

        class Parsers(ILog log)
        {
            decimal Throws(string text)
            {
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
                {
                    throw new FormatException("unreadable price");
                }

                return price;
            }

            bool ReturnsFailure(string text, out decimal quantity)
            {
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out quantity))
                {
                    return false;
                }

                return true;
            }

            decimal Logs(string text)
            {
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
                {
                    log.Warn("unreadable price " + text);
                    price = 0m;
                }

                return price;
            }

            decimal ThrowExpression(string text)
                => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : throw new FormatException(text);

            decimal? Null(string text)
                => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null;

            double NaN(string text)
                => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) ? price : double.NaN;

            decimal LastKnown(string text, decimal lastPrice)
                => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : lastPrice;

            bool Propagates(string text, out decimal price)
                => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out price);

            void Skips(string text, List<decimal> prices)
            {
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
                {
                    prices.Add(price);
                }

                var ok = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var fee);
                Console.WriteLine(ok ? fee : 0m);

                int qty;
                while (!int.TryParse(Console.ReadLine(), out qty))
                {
                    Console.WriteLine("quantity?");
                }

                bool valid = true;
                decimal bid;
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out bid))
                {
                    valid = false;
                }

                decimal ask = 0m;
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsedAsk))
                {
                    ask = 0m;
                }

                Console.WriteLine(valid ? bid + ask + parsedAsk : 0m);

                foreach (var line in new[] { text })
                {
                    if (!decimal.TryParse(line, NumberStyles.Number, CultureInfo.InvariantCulture, out var size))
                    {
                        continue;
                    }

                    prices.Add(size);
                }
            }
        }
        """);

    [Fact]
    public Task NonMoneyTargets_AreNotReported() => Verify.AnalyzerAsync(Usings + """
        class Config
        {
            void Read(string[] parts)
            {
                int.TryParse(parts[0], out var port);
                var retries = int.TryParse(parts[1], out var r) ? r : 3;
                double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var spreadBps);
                var ratio = decimal.TryParse(parts[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var priceRatio) ? priceRatio : 0m;
                decimal.TryParse(parts[4], NumberStyles.Number, CultureInfo.InvariantCulture, out _);
                Console.WriteLine(port + retries + spreadBps + (double)ratio);
            }
        }
        """);

    [Fact]
    public Task WithoutAProvider_BothRulesReportAndTheCultureFixLeavesTheParseFailure() => Verify.CodeFixAsync(
        """
        class PositionBook
        {
            void Load(string[] parts)
            {
                {|RDY502:{|RDY503:decimal.TryParse(parts[1], out var quantity)|}|};
                System.Console.WriteLine(quantity);
            }
        }
        """,
        """
        using System.Globalization;

        class PositionBook
        {
            void Load(string[] parts)
            {
                {|RDY502:decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity)|};
                System.Console.WriteLine(quantity);
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheCallTheTargetAndTheDefault()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                class Ticker
                {
                    double Last(string text) => {|#0:double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var px)|} ? px : 0;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.SwallowedParseFailure).WithLocation(0)
            .WithArguments("double.TryParse", "used only to pick a default", "px", "0"));
        return test.RunAsync();
    }

    [Fact]
    public Task LambdasLocalFunctionsAndTopLevelStatements_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Globalization;
                using System.Linq;

                var prices = new[] { "1.5", "x" }.Select(t => {|RDY502:decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var price)|} ? price : 0m).ToArray();
                {|RDY502:int.TryParse(args[0], out var qty)|};
                decimal Fee(string t) => {|RDY502:decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var fee)|} ? fee : 0m;
                Console.WriteLine(prices.Sum() + qty + Fee("0.1"));

                partial class Quotes<T>
                {
                    public Func<string, decimal> Ask = text => {|RDY502:decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var ask)|} ? ask : default;
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
