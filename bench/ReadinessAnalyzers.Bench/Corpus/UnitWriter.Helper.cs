using System.Collections.Generic;
using System.Linq;

namespace ReadinessAnalyzers.Bench.Corpus;

internal static partial class UnitWriter
{
    private static readonly decimal[] s_ticks = [0.01m, 0.05m, 0.1m, 0.25m, 0.5m, 0.0001m, 0.00001m];

    private static void WriteHelper(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var blocking = new HashSet<int>(plan.Methods.Select(m => m.DirectBlocking).Where(b => b != 0));
        var usings = new List<string> { "System" };
        if (blocking.Contains(1))
        {
            usings.AddRange(["System.Globalization", "System.IO"]);
        }

        if (blocking.Contains(2) || blocking.Contains(3))
        {
            usings.Add("System.Threading");
        }

        if (blocking.Contains(4))
        {
            usings.Add("System.Threading.Tasks");
        }

        Header(w, plan, [.. usings]);
        w.Line("/// <summary>");
        w.Line("/// " + char.ToUpperInvariant(Concept(plan)[0]) + Concept(plan)[1..] + " arithmetic shared by the pricing and risk paths.");
        w.Line("/// Inputs are venue prices in quote currency; results are rounded to the instrument's tick.");
        w.Line("/// </summary>");
        w.Open("public static class " + plan.TypeName);
        w.Line("private const decimal TickSize = " + Dec(rng.Pick(s_ticks)) + ";");
        w.Line();
        w.Line("private static readonly decimal[] s_tiers = [" + Dec(rng.Next(5, 20) / 10_000m) + ", " + Dec(rng.Next(3, 5) / 10_000m) + ", " + Dec(rng.Next(1, 3) / 10_000m) + "];");
        if (blocking.Contains(3))
        {
            w.Line();
            w.Line("private static readonly SemaphoreSlim s_gate = new(1, 1);");
            w.Line();
            w.Line("private static decimal s_last;");
            w.Line();
            w.Line("public static decimal LastResult => s_last;");
        }

        foreach (var method in plan.Methods)
        {
            w.Line();
            WriteHelperMethod(plan, method, rng, w);
        }

        if (blocking.Contains(1))
        {
            w.Line();
            w.Open("private static decimal LoadOverride(decimal fallback)");
            w.Line("var path = Path.Combine(AppContext.BaseDirectory, \"overrides\", \"" + plan.TypeName + ".txt\");");
            w.Open("if (!File.Exists(path))");
            w.Line("return fallback;");
            w.Close();
            w.Line();
            w.Line("var text = File.ReadAllText(path).Trim();");
            w.Line("return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;");
            w.Close();
        }

        if (blocking.Contains(4))
        {
            w.Line();
            w.Open("private static async Task<decimal> LoadMultiplierAsync()");
            w.Line("await Task.Yield();");
            w.Line("return 1m;");
            w.Close();
        }

        w.Close();
    }

    private static void WriteHelperMethod(UnitPlan plan, HelperMethod method, Rng rng, CodeWriter w)
    {
        w.Line("/// <summary>" + Summary(method.Name) + "</summary>");
        w.Open("public static decimal " + method.Name + "(decimal value, decimal reference)");
        switch (rng.Next(7))
        {
            case 0:
                w.Open("if (reference <= 0m)");
                w.Line("return value;");
                w.Close();
                w.Line();
                w.Line("var steps = decimal.Floor(value / TickSize);");
                w.Line("var result = steps * TickSize;");
                w.Open("if (value - result >= TickSize / 2m)");
                w.Line("result += TickSize;");
                w.Close();
                break;
            case 1:
                w.Line("var result = value;");
                w.Line("var threshold = Math.Abs(reference);");
                w.Open("foreach (var tier in s_tiers)");
                w.Open("if (value <= threshold)");
                w.Line("result = value * (1m - tier);");
                w.Line("break;");
                w.Close();
                w.Line();
                w.Line("threshold *= 10m;");
                w.Close();
                break;
            case 2:
                w.Line("var lower = reference * " + Dec(1m - (rng.Next(1, 10) / 100m)) + ";");
                w.Line("var upper = reference * " + Dec(1m + (rng.Next(1, 10) / 100m)) + ";");
                w.Line("var result = Math.Clamp(value, Math.Min(lower, upper), Math.Max(lower, upper));");
                break;
            case 3:
                w.Line("var weight = reference == 0m ? 0m : Math.Min(1m, Math.Abs(value / reference));");
                w.Line("var result = decimal.Round((value * weight) + (reference * (1m - weight)), 8, MidpointRounding.ToEven);");
                break;
            case 4:
                w.Open("var bucket = value switch");
                w.Line("< 0m => -1,");
                w.Line("0m => 0,");
                w.Line("_ when value < reference => 1,");
                w.Line("_ => 2,");
                w.Close(";");
                w.Open("var result = bucket switch");
                w.Line("-1 => -Math.Abs(value),");
                w.Line("0 => 0m,");
                w.Line("1 => value + ((reference - value) * " + Dec(rng.Next(1, 50) / 100m) + "),");
                w.Line("_ => value - ((value - reference) * " + Dec(rng.Next(1, 50) / 100m) + "),");
                w.Close(";");
                break;
            case 5:
                w.Line("var result = value;");
                w.Open("for (var i = 0; i < " + rng.Next(2, 6) + "; i++)");
                w.Line("result = (result * 0.7m) + (reference * 0.3m);");
                w.Open("if (Math.Abs(result - reference) < TickSize)");
                w.Line("break;");
                w.Close();
                w.Close();
                break;
            default:
                w.Open("if (value < 0m)");
                w.Line("throw new ArgumentOutOfRangeException(nameof(value), value, \"" + method.Name + " needs a non-negative input.\");");
                w.Close();
                w.Line();
                w.Line("var result = reference == 0m ? value : value * (1m + (reference / 10_000m));");
                break;
        }

        foreach (var callee in method.Callees)
        {
            w.Line("result = " + Call(callee, "result", "reference") + ";");
        }

        switch (method.DirectBlocking)
        {
            case 1:
                w.Line("result = LoadOverride(result);");
                break;
            case 2:
                w.Line("Thread.Sleep(1); // let the venue's rate limiter refill");
                break;
            case 3:
                w.Line("s_gate.Wait();");
                w.Open("try");
                w.Line("s_last = result;");
                w.Close();
                w.Open("finally");
                w.Line("s_gate.Release();");
                w.Close();
                break;
            case 4:
                w.Line("result *= LoadMultiplierAsync().GetAwaiter().GetResult();");
                break;
        }

        w.Line();
        w.Line("return result;");
        w.Close();
    }

    private static string Summary(string methodName)
    {
        var split = 1;
        while (split < methodName.Length && !char.IsUpper(methodName[split]))
        {
            split++;
        }

        return methodName[..split] + "s a " + methodName[split..].ToLowerInvariant() + " figure against its reference.";
    }
}
