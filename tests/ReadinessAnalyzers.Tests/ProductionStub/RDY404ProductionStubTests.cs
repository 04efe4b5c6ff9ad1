using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.ProductionStubAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.ProductionStub;

public sealed class RDY404ProductionStubTests
{
    private const string Stubs = """
        using System;

        class Order
        {
            public decimal Quantity { get; set; }
        }

        class SlippageModel
        {
            public decimal EstimateSlippage(Order order)
            {
                // TODO: walk the book for orders that cross the spread
                return 0;
            }

            public void Rebalance() => throw new NotImplementedException();
        }
        """;

    [Fact]
    public Task Message_NamesTheMemberAndTheStub()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                class Order
                {
                }

                class SlippageModel
                {
                    decimal {|#0:EstimateSlippage|}(Order order)
                    {
                        // TODO: walk the book for orders that cross the spread
                        return 0;
                    }

                    void Rebalance() => {|#1:throw new NotImplementedException()|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ProductionStub).WithLocation(0)
            .WithArguments("EstimateSlippage", "it always returns 0 and carries a TODO, so every decision built on it is silently wrong"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ProductionStub).WithLocation(1)
            .WithArguments("Rebalance", "it throws NotImplementedException, so its first call in production fails"));
        return test.RunAsync();
    }

    [Fact]
    public Task NotImplementedException_IsReportedWhereverItIsThrown() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Collections;
        using System.Collections.Generic;

        enum OrderType { Limit, Market, Iceberg }

        class OrderBookEnumerator : IEnumerator<decimal>
        {
            public decimal Current => {|RDY404:throw new NotImplementedException()|};

            object IEnumerator.Current => Current;

            void IEnumerator.Reset() { }

            public bool MoveNext()
            {
                {|RDY404:throw new NotImplementedException("level iteration")|};
            }

            public void Dispose() { }
        }

        class Router
        {
            public Router(bool smart)
            {
                if (smart)
                {
                    {|RDY404:throw new NotImplementedException()|};
                }
            }

            public string Route(OrderType type) => type switch
            {
                OrderType.Limit => "book",
                OrderType.Market => "taker",
                _ => {|RDY404:throw new NotImplementedException()|},
            };

            public T Convert<T>(object value) => {|RDY404:throw new NotImplementedException()|};
        }
        """);

    [Fact]
    public Task LambdasLocalFunctionsAndTopLevelStatements_AreReported()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System;

                    Func<decimal, decimal> hedgeRatio = delta => {|RDY404:throw new NotImplementedException()|};
                    Console.WriteLine(Fee(1m) + hedgeRatio(0.5m));
                    if (args.Length > 3)
                    {
                        {|RDY404:throw new NotImplementedException("replay mode")|};
                    }

                    // TODO: maker/taker schedule
                    static decimal {|RDY404:Fee|}(decimal notional) => 0m;

                    class Quoter
                    {
                        public decimal Skew(decimal inventory)
                        {
                            return Local(inventory);

                            decimal Local(decimal q) => {|RDY404:throw new NotImplementedException()|};
                        }
                    }
                    """,
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task VirtualMemberThatOnlyThrows_IsAnAbstractMemberWrittenLong() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;

        class Insight
        {
        }

        class AlphaModel
        {
            public virtual IEnumerable<Insight> Update(decimal price)
            {
                throw new NotImplementedException("Types deriving from 'AlphaModel' must implement Update");
            }

            public virtual decimal Weight => throw new NotImplementedException();

            public virtual void Reset() => throw new NotImplementedException();

            public virtual IEnumerable<Insight> Warmup(decimal price)
            {
                Console.WriteLine(price);
                {|RDY404:throw new NotImplementedException()|};
            }
        }

        class MomentumAlpha : AlphaModel
        {
            public override IEnumerable<Insight> Update(decimal price) => {|RDY404:throw new NotImplementedException()|};
        }
        """);

    [Fact]
    public Task AbstractClassOverrideThatOnlyThrows_ReAbstractsTheMember() => Verify.AnalyzerAsync(
        """
        using System;

        class BaseData
        {
            public virtual string GetSource(DateTime date) => "";
            public virtual decimal Price => 0m;
            public virtual string Symbol() => "";
        }

        abstract class IndexedData : BaseData
        {
            public override string GetSource(DateTime date)
            {
                throw new NotImplementedException("IndexedData types must implement GetSource");
            }

            public override decimal Price => throw new NotImplementedException();

            public sealed override string Symbol() => {|RDY404:throw new NotImplementedException()|};
        }

        sealed class FuturesIndex : IndexedData
        {
            public override string GetSource(DateTime date) => {|RDY404:throw new NotImplementedException()|};
        }
        """);

    [Fact]
    public Task MembersTheirFrameworkNeverCalls_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using Newtonsoft.Json;

        sealed class OnePassEnumerator : IEnumerator<decimal>
        {
            public decimal Current => 0m;
            object IEnumerator.Current => Current;
            public bool MoveNext() => false;
            public void Dispose() { }

            public void Reset()
            {
                throw new NotImplementedException("Single pass only.");
            }
        }

        sealed class ReadOnlyOrderConverter : JsonConverter
        {
            public override bool CanWrite { get { return false; } }
            public override bool CanConvert(Type objectType) => {|RDY404:throw new NotImplementedException()|};
            public override object ReadJson(JsonReader reader, Type objectType, object existing, JsonSerializer serializer) => reader.Value;
            public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer)
            {
                throw new NotImplementedException();
            }
        }

        sealed class WriteOnlyQuoteConverter : JsonConverter
        {
            public override bool CanRead => false;
            public override bool CanConvert(Type objectType) => true;
            public override object ReadJson(JsonReader reader, Type objectType, object existing, JsonSerializer serializer) => throw new NotImplementedException();
            public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer) { }
        }

        sealed class AttributeOnlyConverter : JsonConverter
        {
            public override bool CanRead => false;
            public override bool CanWrite { get => false; }
            public override bool CanConvert(Type objectType) => throw new NotImplementedException();
            public override object ReadJson(JsonReader reader, Type objectType, object existing, JsonSerializer serializer) => throw new NotImplementedException();
            public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer) => throw new NotImplementedException();
        }

        sealed class HalfDoneConverter : JsonConverter
        {
            private readonly bool _canWrite = true;
            public override bool CanWrite => _canWrite;
            public override bool CanConvert(Type objectType) => true;
            public override object ReadJson(JsonReader reader, Type objectType, object existing, JsonSerializer serializer) => {|RDY404:throw new NotImplementedException()|};
            public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer) => {|RDY404:throw new NotImplementedException()|};
        }

        namespace Newtonsoft.Json
        {
            public class JsonReader { public object Value => null; }
            public class JsonWriter { }
            public class JsonSerializer { }

            public abstract class JsonConverter
            {
                public virtual bool CanRead => true;
                public virtual bool CanWrite => true;
                public abstract bool CanConvert(Type objectType);
                public abstract object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer);
                public abstract void WriteJson(JsonWriter writer, object value, JsonSerializer serializer);
            }
        }
        """);

    [Fact]
    public Task MoneyLikeZeroWithATodo_IsReportedInEveryShape() => Verify.AnalyzerAsync(
        """
        class Order
        {
        }

        partial class FeeModel
        {
            public decimal {|RDY404:CalculateFee|}(Order order) => 0m; // TODO: tiered maker/taker schedule

            public double {|RDY404:EstimatePnl|}(Order order)
            {
                return 0.0; // todo: mark to market
            }

            /// <summary>TODO: the venue's commission schedule.</summary>
            public long {|RDY404:CommissionTicks|}() => (long)0;

            // FIXME returns nothing useful yet
            public decimal {|RDY404:Slippage|} => decimal.Zero;

            public decimal {|RDY404:MakerRebateAmount|}
            {
                get
                {
                    return default; // TODO
                }
            }
        }

        partial class FeeModel
        {
            /* TODO: borrow cost per day */
            public override decimal {|RDY404:BorrowCost|}(Order order) => 0;
        }

        partial class FeeModel : CostModel
        {
        }

        abstract class CostModel
        {
            public abstract decimal BorrowCost(Order order);
        }
        """);

    [Fact]
    public Task NearMissesOfTheZeroStub_AreNotReported() => Verify.AnalyzerAsync(
        """
        class Order
        {
            public decimal Quantity { get; set; }
        }

        interface IFeeModel
        {
            // TODO: every venue must implement this
            decimal CalculateFee(Order order);

            // TODO: default until venues report rebates
            decimal RebateAmount(Order order) => 0m;

            void Settle() => throw new System.NotImplementedException();
        }

        abstract class FeeModel
        {
            // TODO: tiered schedule
            public abstract decimal CalculateFee(Order order);
        }

        class ZeroFeeVenue : IFeeModel
        {
            // The venue charges no fees for market makers.
            public decimal CalculateFee(Order order) => 0m;

            // TODO: count retries per venue
            public int RetryCount() => 0;

            // TODO: a flat fee until the schedule is loaded
            public decimal FlatFee() => 0.001m;

            // TODO: apply the maker discount
            public decimal DiscountedFee(Order order)
            {
                var fee = 0m;
                return fee;
            }

            // TODO: scale with size
            public decimal FeeFor(Order order) => order.Quantity * 0m;

            // Mastodon-era schedule
            public decimal LegacyFee() => 0m;

            public void Settle() => throw new System.NotSupportedException("settlement is done by the venue");
        }
        """);

    [Fact]
    public Task ConfiguredMoneyWords_AreUsed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Order
                {
                }

                class Model
                {
                    // TODO
                    public decimal CalculateFee(Order order) => 0m;

                    // TODO
                    public decimal {|RDY404:EstimatePremium|}(Order order) => 0m;
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.money_names = premium, -fee
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_ByAssemblyName_IsNotReported()
    {
        var test = new Verify.Test { TestCode = Stubs };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "TradingEngine.Tests"));
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_ByTestFrameworkReference_IsNotReported()
    {
        var test = new Verify.Test { TestCode = Stubs };
        test.TestState.AdditionalReferences.Add(FakeAssembly("nunit.framework"));
        return test.RunAsync();
    }

    [Fact]
    public Task ProjectNamedLikeABacktester_IsReported()
    {
        var test = new Verify.Test
        {
            TestCode = Stubs
                .Replace("EstimateSlippage", "{|RDY404:EstimateSlippage|}", System.StringComparison.Ordinal)
                .Replace("throw new NotImplementedException()", "{|RDY404:throw new NotImplementedException()|}", System.StringComparison.Ordinal),
        };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "TradingEngine.Backtest"));
        return test.RunAsync();
    }

    // A reference to an assembly with the given name, as a test framework package would add.
    private static PortableExecutableReference FakeAssembly(string name)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText("namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
