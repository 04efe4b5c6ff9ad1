using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.SqlInjectionAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.SqlInjection;

public sealed class RDY306SqlInjectionTests
{
    // Npgsql, Microsoft.Data.SqlClient, EF Core and Dapper are not in the .NET 8 reference assemblies:
    // the members the rule matches, with their real namespaces and signatures.
    private const string DataStandIns = """
        #nullable enable
        namespace Npgsql
        {
            public sealed class NpgsqlCommand
            {
                public NpgsqlCommand(string? cmdText, System.Data.Common.DbConnection? connection) { }
                public string CommandText { get; set; } = "";
            }
        }

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlCommand
            {
                public SqlCommand() { }
                public SqlCommand(string cmdText) { }
                public string CommandText { get; set; } = "";
            }
        }

        namespace Microsoft.EntityFrameworkCore
        {
            public class DbSet<TEntity> where TEntity : class { }

            public class DatabaseFacade { }

            public static class RelationalQueryableExtensions
            {
                public static System.Linq.IQueryable<TEntity> FromSqlRaw<TEntity>(this DbSet<TEntity> source, string sql, params object[] parameters) where TEntity : class => null!;
                public static System.Linq.IQueryable<TEntity> FromSqlInterpolated<TEntity>(this DbSet<TEntity> source, System.FormattableString sql) where TEntity : class => null!;
                public static System.Linq.IQueryable<TEntity> FromSql<TEntity>(this DbSet<TEntity> source, System.FormattableString sql) where TEntity : class => null!;
            }

            public static class RelationalDatabaseFacadeExtensions
            {
                public static int ExecuteSqlRaw(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => 0;
                public static System.Threading.Tasks.Task<int> ExecuteSqlRawAsync(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => null!;
                public static int ExecuteSql(this DatabaseFacade databaseFacade, System.FormattableString sql) => 0;
            }
        }

        namespace Dapper
        {
            public static class SqlMapper
            {
                public static System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
                public static System.Threading.Tasks.Task<T> QueryFirstAsync<T>(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
                public static int Execute(this System.Data.IDbConnection cnn, string sql, object? param = null) => 0;
            }
        }
        """;

    private static Task AnalyzeAsync(string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("DataStandIns.cs", DataStandIns));
        return test.RunAsync();
    }

    [Fact]
    public Task SqlBuiltFromStrings_IsReportedAtEverySink() => AnalyzeAsync(
        """
        using System.Data;
        using System.Data.Common;
        using Dapper;
        using Microsoft.Data.SqlClient;
        using Microsoft.EntityFrameworkCore;
        using Npgsql;

        sealed record Fill(string Symbol, decimal Price);

        sealed class FillStore(DbConnection connection, DbSet<Fill> fills, DatabaseFacade database)
        {
            public void Query(string symbol, long orderId, string side)
            {
                using var command = connection.CreateCommand();
                command.CommandText = {|RDY306:$"SELECT * FROM fills WHERE symbol = '{symbol}'"|};
                command.CommandText = {|RDY306:"DELETE FROM orders WHERE id = " + orderId|};
                var update = new SqlCommand { CommandText = {|RDY306:string.Format("UPDATE orders SET side = '{0}'", side)|} };
                var insert = new NpgsqlCommand({|RDY306:"INSERT INTO audit VALUES ('" + symbol + "')"|}, connection);
                var legacy = new SqlCommand({|RDY306:string.Concat("SELECT * FROM fills WHERE side = '", side, "'")|});
                var recent = fills.FromSqlRaw({|RDY306:$"SELECT * FROM fills WHERE symbol = '{symbol}'"|});
                database.ExecuteSqlRaw({|RDY306:"DELETE FROM fills WHERE symbol = '" + symbol + "'"|});
                var rows = connection.Query<Fill>({|RDY306:$"SELECT * FROM fills WHERE id = {orderId}"|});
                connection.Execute(sql: {|RDY306:"DELETE FROM quotes WHERE symbol = '" + symbol + "'"|});
            }
        }
        """);

    [Fact]
    public Task LocalsAndBuilders_AreFollowedInTheSameMethod() => AnalyzeAsync(
        """
        using System.Data.Common;
        using System.Text;

        sealed class Reports(DbConnection connection)
        {
            public void Run(string symbol, string account, bool onlyOpen)
            {
                using var command = connection.CreateCommand();
                var sql = "SELECT * FROM orders WHERE account = '" + account + "'";
                command.CommandText = {|RDY306:sql|};

                var filter = "SELECT * FROM positions WHERE 1 = 1";
                if (onlyOpen)
                {
                    filter += " AND symbol = '" + symbol + "'";
                }

                command.CommandText = {|RDY306:filter|};

                var builder = new StringBuilder("SELECT * FROM fills WHERE symbol = '");
                builder.Append(symbol).Append('\'');
                command.CommandText = {|RDY306:builder.ToString()|};

                var query = onlyOpen ? $"SELECT * FROM orders WHERE symbol = '{symbol}'" : "SELECT * FROM orders";
                command.CommandText = {|RDY306:query|};
                command.CommandText = onlyOpen ? "SELECT * FROM orders WHERE open = 1" : "SELECT * FROM orders";
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheSink()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Data.Common;

                sealed class Orders
                {
                    public void Cancel(DbCommand command, string clientOrderId)
                        => command.CommandText = {|#0:$"UPDATE orders SET status = 'CANCELED' WHERE client_id = '{clientOrderId}'"|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.SqlInjection).WithLocation(0).WithArguments("DbCommand.CommandText"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConstantSqlParametersAndFormattableStringApis_AreNotReported() => AnalyzeAsync(
        """
        using System.Data;
        using System.Data.Common;
        using Dapper;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Data.SqlClient;

        sealed record Fill(string Symbol, decimal Price);

        sealed class SafeStore(DbConnection connection, DbSet<Fill> fills, DatabaseFacade database)
        {
            private const string Table = "fills";
            private const string SelectFills = "SELECT * FROM " + Table + " WHERE symbol = @symbol";
            private static readonly string s_auditTable = "audit";

            public void Query(string symbol, bool onlyOpen, string sqlFromCaller)
            {
                using var command = connection.CreateCommand();
                command.CommandText = SelectFills;
                command.CommandText = $"SELECT * FROM {Table} WHERE symbol = @symbol";
                command.CommandText = "SELECT * FROM " + nameof(Fill) + " WHERE id = @id";
                command.CommandText = "INSERT INTO " + s_auditTable + " VALUES (@entry)";
                var sql = "SELECT * FROM positions WHERE 1 = 1";
                if (onlyOpen)
                {
                    sql += " AND quantity <> 0";
                }

                command.CommandText = sql;
                command.CommandText = sqlFromCaller;
                var cmd = new SqlCommand("SELECT * FROM fills WHERE symbol = @symbol");
                var recent = fills.FromSqlInterpolated($"SELECT * FROM fills WHERE symbol = {symbol}");
                var viaFromSql = fills.FromSql($"SELECT * FROM fills WHERE symbol = {symbol}");
                database.ExecuteSql($"DELETE FROM fills WHERE symbol = {symbol}");
                database.ExecuteSqlRaw("DELETE FROM fills WHERE symbol = {0}", symbol);
                var rows = connection.Query<Fill>("SELECT * FROM fills WHERE symbol = @symbol", new { symbol });
                var label = $"report for {symbol}";
            }
        }
        """);

    [Fact]
    public Task NestedLocalsTopLevelStatementsAndGenerics_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Data.Common;

                static void Purge(DbCommand command, string symbol)
                {
                    var where = "symbol = '" + symbol + "'";
                    var sql = "DELETE FROM quotes WHERE " + where;
                    command.CommandText = {|RDY306:sql|};
                }

                sealed partial class Repository<TRow>(DbConnection connection)
                {
                    public System.Action<string> Delete => id =>
                    {
                        using var command = connection.CreateCommand();
                        command.CommandText = {|RDY306:$"DELETE FROM {typeof(TRow).Name} WHERE id = '{id}'"|};
                    };
                }

                sealed partial class Repository<TRow>
                {
                    private string TableName => "fills";
                    private string Filter { get; set; } = "";

                    public void Count(DbCommand command)
                    {
                        command.CommandText = $"SELECT COUNT(*) FROM {TableName}";
                        command.CommandText = {|RDY306:$"SELECT COUNT(*) FROM fills WHERE {Filter}"|};
                    }
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("DataStandIns.cs", DataStandIns));
        return test.RunAsync();
    }
}
