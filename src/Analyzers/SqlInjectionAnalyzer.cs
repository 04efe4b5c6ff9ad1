using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY306: SQL text built from non-constant parts (interpolation, concatenation, string.Format, a
/// StringBuilder, or a local that holds one of those) given to <c>CommandText</c>, a command
/// constructor, EF Core's raw-SQL methods or Dapper.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInjectionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.SqlInjection);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = new Analysis(WellKnownTypes.GetOrCreate(context.Compilation));
        context.RegisterOperationAction(analysis.OnAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(analysis.OnObjectCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
    }

    private sealed class Analysis(WellKnownTypes types)
    {
        private const int MaxLocalDepth = 2;

        // ADO.NET providers not referenced by this package, matched by name with a string first parameter.
        private static readonly ImmutableHashSet<string> s_commandTypes = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "SqlCommand", "NpgsqlCommand", "NpgsqlBatchCommand", "SqliteCommand", "SQLiteCommand", "MySqlCommand",
            "OracleCommand", "OleDbCommand", "OdbcCommand", "FbCommand", "DB2Command", "SqlDataAdapter",
            "NpgsqlDataAdapter", "SqliteDataAdapter", "MySqlDataAdapter", "CommandDefinition");

        // EF Core (and EF6) methods that take raw SQL as a string. Their FormattableString overloads
        // (FromSqlInterpolated, ExecuteSql, FromSql in EF Core 7+) parameterise the holes.
        private static readonly ImmutableHashSet<string> s_rawSqlMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "ExecuteSqlRaw", "ExecuteSqlRawAsync", "FromSqlRaw", "SqlQueryRaw", "ExecuteSqlCommand", "ExecuteSqlCommandAsync",
            "FromSql", "SqlQuery", "ExecuteSql", "ExecuteSqlAsync");

        [MethodImpl(JitOptions.Optimized)]
        public void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "CommandText" } property }
                || !IsCommandType(property.ContainingType))
            {
                return;
            }

            Check(context, assignment.Value, property.ContainingType.Name + ".CommandText");
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { Parameters.Length: > 0 } constructor
                || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String
                || !(s_commandTypes.Contains(constructor.ContainingType.Name) || IsCommandType(constructor.ContainingType)))
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    Check(context, argument.Value, constructor.ContainingType.Name + "(string)");
                }
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var isRawSql = s_rawSqlMethods.Contains(method.Name);
            if (!isRawSql && !IsDapper(method))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                // The SQL parameter is the first string one after `this` (Dapper names it `sql`).
                if (argument.Parameter is { } parameter && parameter.Type.SpecialType == SpecialType.System_String
                    && !(method.IsExtensionMethod && parameter.Ordinal == 0 && method.ReducedFrom is null))
                {
                    Check(context, argument.Value, isRawSql ? method.Name : "Dapper " + method.Name);
                    return;
                }
            }
        }

        private void Check(OperationAnalysisContext context, IOperation value, string sink)
        {
            if (IsBuiltFromNonConstant(value, depth: 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.SqlInjection, Conversions.Strip(value).Syntax.GetLocation(), sink));
            }
        }

        private bool IsCommandType(INamedTypeSymbol? type)
            => type is not null
               && (WellKnownTypes.IsOrDerivesFrom(type, types.DbCommand)
                   || Implements(type, types.IDbCommand)
                   || s_commandTypes.Contains(type.Name));

        private static bool IsDapper(IMethodSymbol method)
            => (method.Name.StartsWith("Query", StringComparison.Ordinal) || method.Name.StartsWith("Execute", StringComparison.Ordinal))
               && method.ContainingNamespace is { Name: "Dapper", ContainingNamespace.IsGlobalNamespace: true };

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? @interface)
        {
            if (@interface is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, @interface))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsBuiltFromNonConstant(IOperation value, int depth)
        {
            value = Conversions.Strip(value);
            if (value.ConstantValue.HasValue)
            {
                return false; // literals, const concatenation, interpolation of constants
            }

            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation && !IsEffectivelyConstant(interpolation.Expression))
                        {
                            return true;
                        }
                    }

                    return false;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return IsNonConstantPart(binary.LeftOperand, depth) || IsNonConstantPart(binary.RightOperand, depth);
                case IInvocationOperation invocation:
                    return IsBuiltByCall(invocation, depth);
                case IConditionalOperation conditional:
                    return IsBuiltFromNonConstant(conditional.WhenTrue, depth)
                           || (conditional.WhenFalse is { } whenFalse && IsBuiltFromNonConstant(whenFalse, depth));
                case ICoalesceOperation coalesce:
                    return IsBuiltFromNonConstant(coalesce.Value, depth) || IsBuiltFromNonConstant(coalesce.WhenNull, depth);
                case ILocalReferenceOperation local when depth < MaxLocalDepth:
                    return LocalIsBuilt(local, depth);
                default:
                    return false; // a parameter, field or call result: where it comes from is not known here
            }
        }

        private bool IsNonConstantPart(IOperation part, int depth)
        {
            part = Conversions.Strip(part);
            return part switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } or IInterpolatedStringOperation => IsBuiltFromNonConstant(part, depth),
                ILocalReferenceOperation local => !IsEffectivelyConstant(local) && (depth >= MaxLocalDepth || !LocalIsConstant(local, depth)),
                _ => !IsEffectivelyConstant(part),
            };
        }

        // string.Format/Concat/Join with a non-constant argument, and StringBuilder.ToString() on a local
        // builder that appends one.
        private bool IsBuiltByCall(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String
                && method.Name is "Format" or "Concat" or "Join")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (IsNonConstantArgument(argument.Value))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (method.Name == "ToString" && WellKnownTypes.Is(method.ContainingType, types.StringBuilder)
                && Conversions.Strip(invocation.Instance!) is ILocalReferenceOperation builder)
            {
                foreach (var operation in RootOf(builder).Descendants())
                {
                    if (operation is IInvocationOperation { TargetMethod.Name: "Append" or "AppendLine" or "AppendFormat" or "Insert" } append
                        && Conversions.Strip(append.Instance!) is ILocalReferenceOperation target
                        && SymbolEqualityComparer.Default.Equals(target.Local, builder.Local))
                    {
                        foreach (var argument in append.Arguments)
                        {
                            if (argument.Value.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object
                                && IsNonConstantArgument(argument.Value))
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

        private bool IsNonConstantArgument(IOperation value)
        {
            value = Conversions.Strip(value);
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (!IsEffectivelyConstant(element))
                    {
                        return true;
                    }
                }

                return false;
            }

            return !IsEffectivelyConstant(value) || IsBuiltFromNonConstant(value, MaxLocalDepth);
        }

        // `var sql = "… " + id; cmd.CommandText = sql;`: every value written to the local in its method
        // (initializer, =, +=) is examined; one non-constant piece is enough.
        private bool LocalIsBuilt(ILocalReferenceOperation local, int depth)
        {
            foreach (var operation in RootOf(local).Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                        if (declarator.Initializer?.Value is { } initial && IsBuiltFromNonConstant(initial, depth + 1))
                        {
                            return true;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                        if (IsBuiltFromNonConstant(assignment.Value, depth + 1))
                        {
                            return true;
                        }

                        break;
                    case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target } compound
                        when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                        if (IsNonConstantPart(compound.Value, depth + 1))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        // A local part of a concatenation counts as constant when every value written to it is.
        private bool LocalIsConstant(ILocalReferenceOperation local, int depth)
        {
            foreach (var operation in RootOf(local).Descendants())
            {
                var written = operation switch
                {
                    IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local)
                        => declarator.Initializer?.Value,
                    IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => assignment.Value,
                    _ => null,
                };
                if (written is not null && !IsEffectivelyConstant(written) && (depth + 1 >= MaxLocalDepth || IsNonConstantPart(written, depth + 1)))
                {
                    return false;
                }
            }

            return true;
        }

        // Constants, nameof, and static readonly strings initialised with a constant (table names kept in a field).
        private static bool IsEffectivelyConstant(IOperation value)
        {
            value = Conversions.Strip(value);
            if (value.ConstantValue.HasValue || value is INameOfOperation)
            {
                return true;
            }

            return value switch
            {
                IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }
                    => field.DeclaringSyntaxReferences.Length == 1
                       && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax },
                // `string TableName => "fills";` or `string TableName { get; } = "fills";`
                IPropertyReferenceOperation { Property: { SetMethod: null, IsVirtual: false, IsAbstract: false, IsOverride: false } property }
                    => property.DeclaringSyntaxReferences.Length == 1
                       && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax declaration
                       && (declaration.ExpressionBody?.Expression is LiteralExpressionSyntax
                           || (declaration.Initializer?.Value is LiteralExpressionSyntax && declaration.AccessorList?.Accessors.Count == 1)),
                _ => false,
            };
        }

        private static IOperation RootOf(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
