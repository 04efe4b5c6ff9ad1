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
                    options.Get(reference.Syntax.SyntaxTree).WallClockAllowedNamespaces))
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
