using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>RDY504: <c>DateTime.Now</c>, <c>DateTime.Today</c> and <c>DateTimeOffset.Now</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WallClockAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the UTC expression the code fix writes (<c>UtcNow</c> or <c>UtcNow.Date</c>).</summary>
    public const string ReplacementProperty = "Replacement";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.LocalWallClockTime);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        if (types.DateTime is null && types.DateTimeOffset is null)
        {
            return;
        }

        var analysis = new Analysis(types, ReadinessOptions.Cache.For(context.Options));
        context.RegisterOperationAction(analysis.OnPropertyReference, OperationKind.PropertyReference);
    }

    private sealed class Analysis(WellKnownTypes types, ReadinessOptions.Cache options)
    {
        private static readonly ImmutableDictionary<string, string?> s_utcNow =
            ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, "UtcNow");
        private static readonly ImmutableDictionary<string, string?> s_utcToday =
            ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, "UtcNow.Date");

        private readonly LocalFileTimes _fileTimes = new(types);

        [MethodImpl(JitOptions.Optimized)]
        public void OnPropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            var name = property.Name;

            // Cheapest test first: almost no property in a program is called Now or Today.
            if ((name != "Now" && name != "Today") || !property.IsStatic)
            {
                return;
            }

            string typeName;
            if (WellKnownTypes.Is(property.ContainingType, types.DateTime))
            {
                typeName = "DateTime";
            }
            else if (name == "Now" && WellKnownTypes.Is(property.ContainingType, types.DateTimeOffset))
            {
                typeName = "DateTimeOffset";
            }
            else
            {
                return;
            }

            if (IsInsideNameOf(reference)
                || Namespaces.IsInAny(context.ContainingSymbol.ContainingNamespace,
                    options.Get(reference.Syntax.SyntaxTree).WallClockAllowedNamespaces)
                || _fileTimes.IsComparedWithOne(reference))
            {
                return; // nameof reads no clock; configured UI and display namespaces may show local time
            }

            var isToday = name == "Today";
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.LocalWallClockTime,
                reference.Syntax.GetLocation(),
                isToday ? s_utcToday : s_utcNow,
                typeName + "." + name,
                typeName + (isToday ? ".UtcNow.Date" : ".UtcNow")));
        }

        // DateTime.Now - TimeSpan.FromDays(1) > File.GetLastWriteTime(path), or a local computed from Now
        // and compared with FileInfo.CreationTime: the file system's times are local too, so the code is
        // right as it stands, and UtcNow alone would compare UTC with local time.
        private sealed class LocalFileTimes(WellKnownTypes types)
        {
            public bool IsComparedWithOne(IOperation now)
            {
                var value = Derived(now);
                switch (value.Parent)
                {
                    case IBinaryOperation binary when IsComparison(binary.OperatorKind):
                        return IsLocalFileTime(binary.LeftOperand == value ? binary.RightOperand : binary.LeftOperand);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } }:
                        return IsLocalComparedWithOne(local, now);
                    default:
                        return false;
                }
            }

            // Now.AddHours(-24), Now - TimeSpan.FromDays(d), (Now): the same clock, shifted.
            private IOperation Derived(IOperation value)
            {
                while (true)
                {
                    switch (value.Parent)
                    {
                        case IConversionOperation conversion:
                            value = conversion;
                            continue;
                        case IInvocationOperation invocation when invocation.Instance == value
                                                                  && invocation.TargetMethod.Name.StartsWith("Add", StringComparison.Ordinal):
                            value = invocation;
                            continue;
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } shift
                            when shift.LeftOperand == value
                                 && (WellKnownTypes.Is(shift.Type, types.DateTime) || WellKnownTypes.Is(shift.Type, types.DateTimeOffset)):
                            value = shift;
                            continue;
                        default:
                            return value;
                    }
                }
            }

            private bool IsLocalComparedWithOne(ILocalSymbol local, IOperation inside)
            {
                var root = inside;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is ILocalReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && Derived(reference).Parent is IBinaryOperation binary
                        && IsComparison(binary.OperatorKind)
                        && IsLocalFileTime(binary.LeftOperand == Derived(reference) ? binary.RightOperand : binary.LeftOperand))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals
                or BinaryOperatorKind.NotEquals or BinaryOperatorKind.Subtract;

            // File/Directory.GetLastWriteTime, GetCreationTime, GetLastAccessTime; FileSystemInfo.LastWriteTime,
            // CreationTime, LastAccessTime (not their …Utc twins).
            private bool IsLocalFileTime(IOperation operation) => Conversions.Strip(operation) switch
            {
                IInvocationOperation { TargetMethod: { Name: "GetLastWriteTime" or "GetCreationTime" or "GetLastAccessTime" } method }
                    => WellKnownTypes.Is(method.ContainingType, types.File) || WellKnownTypes.Is(method.ContainingType, types.Directory),
                IPropertyReferenceOperation { Property: { Name: "LastWriteTime" or "CreationTime" or "LastAccessTime" } property }
                    => WellKnownTypes.Is(property.ContainingType, types.FileSystemInfo),
                _ => false,
            };
        }

        private static bool IsInsideNameOf(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is INameOfOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
