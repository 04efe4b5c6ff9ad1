using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.MoneyTypeAnalyzer, ReadinessAnalyzers.CodeFixes.MoneyTypeCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.MoneyType;

public sealed class RDY501FloatingPointMoneyTests
{
    [Fact]
    public Task Locals_BecomeDecimalAndTheirLiteralsGainM() => Verify.CodeFixAsync(
        """
        class Quoter
        {
            decimal Quote()
            {
                double {|RDY501:price|} = 101.25; // last trade
                float {|RDY501:tickSize|} = 0.01f;
                var {|RDY501:pnl|} = -0.5;
                double {|RDY501:fee|} = 2d, {|RDY501:cost|} = 1e-4;
                return (decimal)0 + 0m;
            }
        }
        """,
        """
        class Quoter
        {
            decimal Quote()
            {
                decimal price = 101.25m; // last trade
                decimal tickSize = 0.01m;
                var pnl = -0.5m;
                decimal fee = 2m, cost = 1e-4m;
                return (decimal)0 + 0m;
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheDeclarationItsKindAndItsType()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class Account
                {
                    Task<double> {|#0:GetBalanceAsync|}() => Task.FromResult(0.0);
                    double? {|#1:_limitPrice|};
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;

                class Account
                {
                    Task<decimal> GetBalanceAsync() => Task.FromResult(0.0m);
                    decimal? _limitPrice;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.FloatingPointMoney).WithLocation(0)
            .WithArguments("GetBalanceAsync", "method result", "Task<double>"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.FloatingPointMoney).WithLocation(1)
            .WithArguments("_limitPrice", "field", "double?"));
        return test.RunAsync();
    }

    [Fact]
    public Task FieldPropertyParameterAndResult_AreEachReportedOnce() => Verify.AnalyzerAsync(
        """
        using System.Collections.Generic;

        public class Position
        {
            public double {|RDY501:Quantity|} { get; set; }
            public double {|RDY501:AveragePrice|};
            public float[] {|RDY501:FillPrices|} = new float[0];
            public List<double> {|RDY501:Fees|} { get; } = new();
            public double {|RDY501:UnrealizedPnl|}(double {|RDY501:markPrice|}, int lots) => (markPrice - AveragePrice) * Quantity * lots;
            public Position(double {|RDY501:quantity|}) => Quantity = quantity;
            public static Position operator +(Position position, double {|RDY501:qty|}) => new(position.Quantity + qty);
        }
        """);

    [Fact]
    public Task PropertyAndItsBackingField_AreOneDeclaration() => Verify.CodeFixAsync(
        """
        class Order
        {
            private double _price; // limit
            private double _stop;

            internal double {|RDY501:Price|}
            {
                get => _price;
                set => _price = value;
            }

            internal double {|RDY501:StopPrice|}
            {
                get { return _stop; }
                set { _stop = value; }
            }
        }
        """,
        """
        class Order
        {
            private decimal _price; // limit
            private decimal _stop;

            internal decimal Price
            {
                get => _price;
                set => _price = value;
            }

            internal decimal StopPrice
            {
                get { return _stop; }
                set { _stop = value; }
            }
        }
        """);

    [Fact]
    public Task ConnectedDeclarations_ChangeTogether() => Verify.CodeFixAsync(
        """
        class Order
        {
            private readonly double _price;

            public Order(double {|RDY501:price|}, double {|RDY501:quantity|})
            {
                _price = price;
                Quantity = quantity;
            }

            internal double {|RDY501:Price|} => _price;

            internal double {|RDY501:Quantity|} { get; }

            internal double {|RDY501:Notional|}() => Price * Quantity;

            private static double {|RDY501:Fee|}(double {|RDY501:notional|}) => notional * 0.001;

            internal double {|RDY501:TotalCost|}() => Notional() + Fee(Notional());
        }
        """,
        """
        class Order
        {
            private readonly decimal _price;

            public Order(decimal price, decimal quantity)
            {
                _price = price;
                Quantity = quantity;
            }

            internal decimal Price => _price;

            internal decimal Quantity { get; }

            internal decimal Notional() => Price * Quantity;

            private static decimal Fee(decimal notional) => notional * 0.001m;

            internal decimal TotalCost() => Notional() + Fee(Notional());
        }
        """);

    [Fact]
    public Task ValueFlowingIntoADoubleOnlyApi_IsReportedWithoutFix()
    {
        const string Source = """
            using System;
            using System.Threading;

            class Risk
            {
                private double {|RDY501:_lastPrice|};

                long Bits(double {|RDY501:price|}) => BitConverter.DoubleToInt64Bits(price);

                bool IsQuoted(double {|RDY501:bid|}, double {|RDY501:ask|}) => !double.IsNaN(bid) && !double.IsNaN(ask);

                void Publish(double {|RDY501:markPrice|}) => Interlocked.Exchange(ref _lastPrice, markPrice);

                double Peek() => _lastPrice;
            }
            """;
        return Verify.CodeFixAsync(Source, Source);
    }

    [Fact]
    public Task FixAll_LeavesOutOnlyWhatCannotChange()
    {
        // The testing library ignores markup of a fixable id in the fixed code unless told otherwise;
        // here one such diagnostic must stay after the fix and after Fix All.
        const string Fixed = """
            using System;

            class Pricer
            {
                private decimal _lastPrice = 100.5m;
                private decimal _tickSize = 0.01m;

                decimal RoundToTick(decimal price) => Math.Round(price / _tickSize) * _tickSize;

                long Bits(double {|RDY501:markPrice|}) => BitConverter.DoubleToInt64Bits(markPrice);

                decimal Last() => _lastPrice;
            }
            """;
        var test = new Verify.Test
        {
            TestCode = """
            using System;

            class Pricer
            {
                private double {|RDY501:_lastPrice|} = 100.5;
                private double {|RDY501:_tickSize|} = 0.01;

                double RoundToTick(double {|RDY501:price|}) => Math.Round(price / _tickSize) * _tickSize;

                long Bits(double {|RDY501:markPrice|}) => BitConverter.DoubleToInt64Bits(markPrice);

                double Last() => _lastPrice;
            }
            """,
            FixedCode = Fixed,
            BatchFixedCode = Fixed,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task PublicApiOfALibrary_IsReportedWithoutFix()
    {
        const string Source = """
            public sealed class TickerStats
            {
                public double {|RDY501:LastPrice|} { get; init; }

                public double {|RDY501:Volume|} { get; init; }

                public static double {|RDY501:Spread|}(double {|RDY501:bid|}, double {|RDY501:ask|}) => ask - bid;

                protected internal double {|RDY501:_fee|};
            }
            """;
        return Verify.CodeFixAsync(Source, Source);
    }

    [Fact]
    public Task PublicMembersOfAnExecutable_AreFixed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                var stats = new TickerStats { LastPrice = 64000.5 };
                System.Console.WriteLine(stats.LastPrice);

                public sealed class TickerStats
                {
                    public double {|RDY501:LastPrice|} { get; init; }
                }
                """,
            FixedCode = """
                var stats = new TickerStats { LastPrice = 64000.5m };
                System.Console.WriteLine(stats.LastPrice);

                public sealed class TickerStats
                {
                    public decimal LastPrice { get; init; }
                }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task ReferencesInOtherDocuments_AreCheckedAndRepaired()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/Book.cs", """
            class Book
            {
                internal double {|RDY501:BestBid|} { get; set; }
            }
            """));
        test.TestState.Sources.Add(("/0/Feed.cs", """
            class Feed
            {
                void OnTick(Book book) => book.BestBid = 64000.5;
            }
            """));
        test.FixedState.Sources.Add(("/0/Book.cs", """
            class Book
            {
                internal decimal BestBid { get; set; }
            }
            """));
        test.FixedState.Sources.Add(("/0/Feed.cs", """
            class Feed
            {
                void OnTick(Book book) => book.BestBid = 64000.5m;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task RecordDeconstructionSitesInOtherDocuments_AreCheckedAndRepaired()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/Quote.cs", """
            record Quote(double {|RDY501:Bid|}, decimal Ask);
            """));
        test.TestState.Sources.Add(("/0/Spreads.cs", """
            class Spreads
            {
                double Width(Quote quote)
                {
                    var (b, _) = quote;
                    double {|RDY501:bid|} = b;
                    return bid;
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Quote.cs", """
            record Quote(decimal Bid, decimal Ask);
            """));
        test.FixedState.Sources.Add(("/0/Spreads.cs", """
            class Spreads
            {
                decimal Width(Quote quote)
                {
                    var (b, _) = quote;
                    decimal bid = b;
                    return bid;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task RecordsLocalFunctionsAsyncAndGenerics_AreFixed() => Verify.CodeFixAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        record Quote(double {|RDY501:Bid|}, decimal Ask);

        partial class Strategy<T>
        {
            private readonly List<double> {|RDY501:_fillPrices|} = new List<double> { 1.5, 2.5 };

            Quote Make() => new Quote(100.25, 100.5m);

            async Task<double> {|RDY501:GetMarkPriceAsync|}()
            {
                await Task.Yield();
                return 101.5;
            }

            decimal Sum()
            {
                double {|RDY501:TotalCost|}(double {|RDY501:cost|}) => cost + 0.5;
                return (decimal)0;
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        record Quote(decimal Bid, decimal Ask);

        partial class Strategy<T>
        {
            private readonly List<decimal> _fillPrices = new List<decimal> { 1.5m, 2.5m };

            Quote Make() => new Quote(100.25m, 100.5m);

            async Task<decimal> GetMarkPriceAsync()
            {
                await Task.Yield();
                return 101.5m;
            }

            decimal Sum()
            {
                decimal TotalCost(decimal cost) => cost + 0.5m;
                return (decimal)0;
            }
        }
        """);

    [Fact]
    public Task PrimaryConstructorsCollectionExpressionsAndNullableContexts_AreFixed() => Verify.CodeFixAsync(
        """
        #nullable enable
        using System.Collections.Generic;

        sealed class Pricer(double {|RDY501:basePrice|})
        {
            private readonly double[] {|RDY501:_levelPrices|} = [1.5, 2.5];
            private List<double>? {|RDY501:_fillPrices|};

            decimal Mid() => (decimal)0;

            double Quote(int level) => basePrice + _levelPrices[level] + (_fillPrices?.Count ?? 0);
        }
        """,
        """
        #nullable enable
        using System.Collections.Generic;

        sealed class Pricer(decimal basePrice)
        {
            private readonly decimal[] _levelPrices = [1.5m, 2.5m];
            private List<decimal>? _fillPrices;

            decimal Mid() => (decimal)0;

            decimal Quote(int level) => basePrice + _levelPrices[level] + (_fillPrices?.Count ?? 0);
        }
        """);

    [Fact]
    public Task ConstantsAndDefaultValues_GainM() => Verify.CodeFixAsync(
        """
        static class Limits
        {
            private const double {|RDY501:TickSize|} = 0.01;

            static decimal Round(decimal price) => price;

            static double {|RDY501:MaxNotional|}(double {|RDY501:equity|} = 1_000.5) => equity * 2 + TickSize;
        }
        """,
        """
        static class Limits
        {
            private const decimal TickSize = 0.01m;

            static decimal Round(decimal price) => price;

            static decimal MaxNotional(decimal equity = 1_000.5m) => equity * 2 + TickSize;
        }
        """);

    [Fact]
    public Task DeclarationsThatCannotBeRetyped_AreReportedWithoutFix()
    {
        const string Source = """
            using System;
            using System.Globalization;

            class Parser
            {
                double Parse(string text)
                {
                    var {|RDY501:px|} = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var last) ? last : throw new FormatException();
                    var ({|RDY501:bid|}, {|RDY501:askPrice|}) = (1.0, 2.0);
                    if ((object)px is double {|RDY501:markPrice|})
                    {
                        return markPrice + bid + askPrice;
                    }

                    Func<double, double> halve = price => price / 2;
                    return halve(px);
                }
            }
            """;
        return Verify.CodeFixAsync(Source, Source);
    }

    [Fact]
    public Task LocalsDeclaredInsideExpressions_AreEachReportedOnce() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Globalization;

        class Quotes
        {
            double Mid(string text, (double, double) quote, List<(double, double)> levels)
            {
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var {|RDY501:lastPrice|});
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double {|RDY501:fee|});
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio);
                (var {|RDY501:bid|}, double {|RDY501:askPrice|}) = quote;
                (double {|RDY501:openPrice|}, var ({|RDY501:highPrice|}, _)) = (1.0, quote);
                var total = 0.0;
                foreach (var ({|RDY501:levelPrice|}, weight) in levels)
                {
                    total += levelPrice * weight + ratio;
                }

                Func<string, double> parse = s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var {|RDY501:px|}) ? px : 0;
                var width = askPrice - bid;
                return lastPrice + fee + openPrice + highPrice + total + parse(text) + width;
            }
        }
        """);

    [Fact]
    public Task ForEachVariablesAndCollections_AreFixedTogether() => Verify.CodeFixAsync(
        """
        using System.Collections.Generic;

        class Book
        {
            decimal Depth()
            {
                var {|RDY501:levelPrices|} = new List<double> { 100.5, 100.25 };
                double total = 0;
                foreach (double {|RDY501:price|} in levelPrices)
                {
                    total += price;
                }

                return (decimal)total;
            }
        }
        """,
        """
        using System.Collections.Generic;

        class Book
        {
            decimal Depth()
            {
                var levelPrices = new List<decimal> { 100.5m, 100.25m };
                decimal total = 0;
                foreach (decimal price in levelPrices)
                {
                    total += price;
                }

                return (decimal)total;
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_AreFixed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                double {|RDY501:balance|} = 1000.0;
                balance -= 12.5;
                System.Console.WriteLine(balance);
                """,
            FixedCode = """
                decimal balance = 1000.0m;
                balance -= 12.5m;
                System.Console.WriteLine(balance);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task RatiosStatisticsAndUnits_AreNotReported() => Verify.AnalyzerAsync(
        """
        class Stats
        {
            double priceRatio;
            double _volatility;
            double sharpe;
            double spreadPct;
            double PriceChangePercent;
            const double BaseSpreadBps = 4.0;
            double sizeWeight;
            double volumeScore;
            double feeRate;
            double logPrice;
            double spreadTicks;
            double VolatilityMultiplier;
            double _lastLogMid;
            double latencyMs;
            double priceUpdateIntervalMs;
            double quoteAgeSeconds;
            double bidAskImbalance;
            const double PriceEpsilon = 1e-9;
            double askIv;
            double BookValueYield;
            System.Action<double> onPrice;
            System.Func<double, double> priceModel;
            decimal price;
            int qty;
            long volume;
            double {|RDY501:spread|};
        }
        """);

    [Fact]
    public Task PricingModelsThatMustComputeInDouble_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;

        static class Black
        {
            public static double TheoreticalPrice(double spotPrice, double strikePrice, double vol, double years)
            {
                var d1 = (Math.Log(spotPrice / strikePrice) + vol * vol / 2 * years) / (vol * Math.Sqrt(years));
                double optionPrice = spotPrice * d1 - strikePrice * System.Math.Exp(-years);
                return optionPrice;
            }

            static float Discounted(float price, float years) => price * MathF.Exp(-years);
        }

        class Greek
        {
            decimal _underlying = 100m, _strike = 95m;
            double {|RDY501:_lastPrice|}; // state: reported wherever it is

            decimal Vega()
            {
                var underlyingPrice = (double)_underlying;
                var strikePrice = Convert.ToDouble(_strike);
                var price = 0d;
                var bumpedPrice = Black.TheoreticalPrice(underlyingPrice, strikePrice, 0.21, 1) - price;
                return (decimal)bumpedPrice;
            }

            double Payoff(double {|RDY501:underlyingPrice|}, double {|RDY501:strikePrice|}) => Math.Max(underlyingPrice - strikePrice, 0);

            double {|RDY501:Spread|}(double {|RDY501:bidPrice|}, double {|RDY501:askPrice|})
            {
                double {|RDY501:midPrice|} = (bidPrice + askPrice) / 2;
                return askPrice - midPrice;
            }

            decimal Notional(decimal qty)
            {
                double {|RDY501:fillPrice|} = 101.5; // no decimal converted here: money held in double
                return qty * (decimal)fillPrice;
            }
        }
        """);

    [Fact]
    public Task ConvenienceOverloadsBesideTheirDecimalTwin_AreNotReported() => Verify.AnalyzerAsync(
        """
        class Algorithm
        {
            public void Buy(string symbol, decimal quantity) { }
            public void Buy(string symbol, double quantity) => Buy(symbol, (decimal)quantity);
            public void Buy(string symbol, float quantity) => Buy(symbol, (decimal)quantity);

            public void Limit(string symbol, decimal quantity, decimal limitPrice) { }
            public void Limit(string symbol, double quantity, double limitPrice) => Limit(symbol, (decimal)quantity, (decimal)limitPrice);

            public Algorithm(decimal startingCash) { }
            public Algorithm(double startingCash) : this((decimal)startingCash) { }

            public void Sell(string symbol, double {|RDY501:quantity|}) { }

            public void Hedge(int legs, double {|RDY501:notional|}) { }
            public void Hedge(long legs, decimal notional) { }

            public double[] GetPriceRelatives() => new double[0];
        }
        """);

    [Fact]
    public Task BareValue_IsMoneyOnlyInAMoneyContext() => Verify.AnalyzerAsync(
        """
        static class MathHelpers
        {
            public static double Clamp(double value, double min, double max) => value < min ? min : value > max ? max : value;
            public static double Sigmoid(double value) => value;
        }

        class Indicator
        {
            public double Value { get; set; }
            public double rsiValue;
            public double maxValue;
        }

        struct Price
        {
            public double {|RDY501:Value|};
        }

        class Portfolio
        {
            public double {|RDY501:MarketValue|} { get; set; }
            public void SetPrice(double {|RDY501:value|}) { }
            public void SetLimit(double value) { }
        }
        """);

    [Fact]
    public Task OverridesAndImplementations_AreReportedOnlyAtTheirBase() => Verify.AnalyzerAsync(
        """
        interface IPriced
        {
            double {|RDY501:Price|} { get; }
            double {|RDY501:FeeFor|}(double {|RDY501:notional|});
        }

        abstract class Instrument : IPriced
        {
            public double Price => 1.0;
            public double FeeFor(double notional) => notional;
            public abstract double {|RDY501:Margin|}(double {|RDY501:exposure|});
        }

        sealed class Future : Instrument, IPriced
        {
            double IPriced.Price => 2.0;
            public override double Margin(double exposure) => exposure;
        }
        """);

    [Fact]
    public Task LambdaParametersAndDelegates_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Linq;

        delegate double Pricer(double price);

        class Pipeline
        {
            void Run(double[] ticks)
            {
                Func<double, double> mid = (double price) => price;
                var scaled = ticks.Select(price => price * 2).ToArray();
                Pricer p = price => price;
            }
        }
        """);

    [Fact]
    public Task ConfiguredMoneyWordsAndExclusions_AreHonoured()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Options
                {
                    double {|RDY501:premium|};
                    double size;
                    double edgeCost;
                    double priceEdge;
                    double {|RDY501:spreadPct|};
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.money_names = premium, -size
            readiness.money_exclusions = edge, -pct
            """));
        test.FixedCode = """
            class Options
            {
                decimal premium;
                double size;
                double edgeCost;
                double priceEdge;
                decimal spreadPct;
            }
            """;
        return test.RunAsync();
    }
}
