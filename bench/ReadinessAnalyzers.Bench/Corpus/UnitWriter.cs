using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>
/// Writes the source of one planned file. Every template mixes ordinary code with, rarely, one of the
/// defects the rules look for, and with their near misses (the same API used correctly).
/// </summary>
internal static partial class UnitWriter
{
    /// <summary>Chance that one defect opportunity in a file is taken: a realistic low share of hits.</summary>
    private const double DefectRate = 0.025;

    public static string Write(UnitPlan plan, int seed)
    {
        var rng = Rng.ForUnit(seed, plan.Index, stream: 3);
        var w = new CodeWriter();
        switch (plan.Kind)
        {
            case UnitKind.Core:
                WriteCore(plan, w);
                break;
            case UnitKind.Model:
                WriteModel(plan, rng, w);
                break;
            case UnitKind.Helper:
                WriteHelper(plan, rng, w);
                break;
            case UnitKind.Service:
                WriteService(plan, rng, w);
                break;
            case UnitKind.Book:
                WriteBook(plan, rng, w);
                break;
            case UnitKind.Gateway:
                WriteGateway(plan, rng, w);
                break;
            case UnitKind.Worker:
                WriteWorker(plan, rng, w);
                break;
            case UnitKind.Repository:
                WriteRepository(plan, rng, w);
                break;
            case UnitKind.Feed:
                WriteFeed(plan, rng, w);
                break;
            case UnitKind.Strategy:
                WriteStrategy(plan, rng, w);
                break;
            case UnitKind.Settings:
                WriteSettings(plan, rng, w);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(plan), plan.Kind, "Unknown unit kind.");
        }

        return w.ToString();
    }

    /// <summary>Usings (System ones first), a blank line, the file-scoped namespace.</summary>
    private static void Header(CodeWriter w, UnitPlan plan, params string[] systemUsings)
    {
        var corpus = new SortedSet<string>(plan.ReferencedNamespaces(), StringComparer.Ordinal) { "Corpus.Core" };
        corpus.Remove(plan.Namespace);
        foreach (var name in systemUsings.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            w.Line("using " + name + ";");
        }

        foreach (var name in corpus)
        {
            w.Line("using " + name + ";");
        }

        w.Line();
        w.Line("namespace " + plan.Namespace + ";");
        w.Line();
    }

    private static string Dec(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    private static string Call((UnitPlan Type, HelperMethod Method) callee, string value, string reference)
        => callee.Type.TypeName + "." + callee.Method.Name + "(" + value + ", " + reference + ")";

    /// <summary>The concept word a type was named after (its second word), for comments and messages.</summary>
    private static string Concept(UnitPlan plan)
    {
        var name = plan.TypeName;
        var start = 1;
        while (start < name.Length && !char.IsUpper(name[start]))
        {
            start++;
        }

        var end = start + 1;
        while (end < name.Length && !char.IsUpper(name[end]))
        {
            end++;
        }

        return start < name.Length ? name[start..end].ToLowerInvariant() : "value";
    }

    /// <summary>Writes the helper calls of the plan as successive adjustments of <paramref name="variable"/>.</summary>
    private static void HelperAdjustments(CodeWriter w, UnitPlan plan, string variable, string reference)
    {
        foreach (var call in plan.HelperCalls)
        {
            w.Line(variable + " = " + Call(call, variable, reference) + ";");
        }
    }
}
