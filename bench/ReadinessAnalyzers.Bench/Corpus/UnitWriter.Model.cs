namespace ReadinessAnalyzers.Bench.Corpus;

internal static partial class UnitWriter
{
    private static readonly string[] s_moneyFields = ["Fee", "Margin", "RealizedPnl", "FundingCost", "Rebate", "Collateral", "Notional"];

    private static readonly string[] s_ratioFields = ["Volatility", "FillRatio", "Sharpe", "Weight", "Score", "Percent"];

    private static void WriteModel(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        Header(w, plan, "System", "System.Globalization");
        w.Line("/// <summary>The " + Concept(plan) + " figures of one instrument, as the risk dashboard shows them.</summary>");
        w.Open("public sealed record " + name + "(string Symbol, decimal Price, decimal Quantity)");
        w.Line("public decimal Value => Price * Quantity;");
        w.Line();
        var money = rng.Pick(s_moneyFields);
        if (money == "Notional")
        {
            money = "Fee";
        }

        // RDY501: binary floating point for a money-like member.
        var moneyType = rng.Chance(DefectRate * 4) ? "double" : "decimal";
        w.Line("public " + moneyType + " " + money + " { get; init; }");
        w.Line();
        var ratio = rng.Pick(s_ratioFields);
        w.Line("public double " + ratio + " { get; init; }");
        w.Line();
        w.Line("public Side Side { get; init; }");
        w.Line();
        w.Line("public DateTimeOffset AsOf { get; init; }");
        w.Line();
        w.Line("public bool IsFlat => Quantity == 0m;");
        w.Line();
        w.Open("public " + name + " WithFill(decimal price, decimal quantity)");
        w.Line("var total = Quantity + quantity;");
        w.Open("if (total == 0m)");
        w.Line("return this with { Quantity = 0m };");
        w.Close();
        w.Line();
        w.Line("var average = ((Price * Quantity) + (price * quantity)) / total;");
        w.Line("return this with { Price = decimal.Round(average, " + rng.Next(2, 9) + "), Quantity = total };");
        w.Close();
        w.Line();
        w.Open("public string ToCsv()");
        if (rng.Chance(DefectRate))
        {
            // RDY503: culture-sensitive formatting of money.
            w.Line("return Symbol + \",\" + Price.ToString() + \",\" + Quantity.ToString(CultureInfo.InvariantCulture);");
        }
        else
        {
            w.Line("return string.Join(");
            w.Line("    ',',");
            w.Line("    Symbol,");
            w.Line("    Price.ToString(CultureInfo.InvariantCulture),");
            w.Line("    Quantity.ToString(CultureInfo.InvariantCulture),");
            w.Line("    " + money + ".ToString(CultureInfo.InvariantCulture),");
            w.Line("    AsOf.ToString(\"O\", CultureInfo.InvariantCulture));");
        }

        w.Close();
        w.Line();
        w.Open("public static " + name + " Parse(string line)");
        w.Line("ArgumentNullException.ThrowIfNull(line);");
        w.Line("var parts = line.Split(',');");
        w.Open("if (parts.Length < 3)");
        w.Line("throw new FormatException(\"Expected at least 3 fields, got \" + parts.Length.ToString(CultureInfo.InvariantCulture));");
        w.Close();
        w.Line();
        w.Line("var price = decimal.Parse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture);");
        w.Line("var quantity = decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture);");
        w.Line("return new " + name + "(parts[0], price, quantity);");
        w.Close();
        if (rng.Chance(0.5))
        {
            w.Line();
            w.Open("public " + name + " Scale(decimal factor)");
            w.Open("if (factor <= 0m)");
            w.Line("throw new ArgumentOutOfRangeException(nameof(factor), factor, \"The factor must be positive.\");");
            w.Close();
            w.Line();
            w.Line("return this with { Quantity = decimal.Round(Quantity * factor, 8, MidpointRounding.ToZero) };");
            w.Close();
        }

        w.Close();
    }

    private static void WriteSettings(UnitPlan plan, Rng rng, CodeWriter w)
    {
        var name = plan.TypeName;
        var limit = rng.Next(5, 500) * 1_000;
        var timeout = rng.Next(150, 500);
        Header(w, plan, "System", "System.Globalization");
        w.Line("/// <summary>Limits for the " + Concept(plan) + " desk, read once at start-up; a bad value stops the engine before it trades.</summary>");
        w.Open("public sealed record " + name);
        w.Line("public decimal MaxOrderNotional { get; init; } = " + limit + "m;");
        w.Line();
        w.Line("public decimal MaxPositionQuantity { get; init; } = " + rng.Next(1, 100) + "m;");
        w.Line();
        w.Line("public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMilliseconds(" + timeout + ");");
        w.Line();
        w.Line("public int MaxOrdersPerSecond { get; init; } = " + rng.Next(5, 50) + ";");
        w.Line();
        w.Open("public static " + name + " FromEnvironment(string prefix)");
        w.Line("ArgumentException.ThrowIfNullOrEmpty(prefix);");
        w.Line("var settings = new " + name + "();");
        w.Line("var notional = Environment.GetEnvironmentVariable(prefix + \"_MAX_NOTIONAL\");");
        w.Open("if (!string.IsNullOrEmpty(notional))");
        w.Open("if (!decimal.TryParse(notional, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0m)");
        w.Line("throw new InvalidOperationException(prefix + \"_MAX_NOTIONAL is not a positive number: '\" + notional + \"'\");");
        w.Close();
        w.Line();
        w.Line("settings = settings with { MaxOrderNotional = parsed };");
        w.Close();
        w.Line();
        w.Line("var quantity = Environment.GetEnvironmentVariable(prefix + \"_MAX_QTY\");");
        w.Open("if (!string.IsNullOrEmpty(quantity))");
        if (rng.Chance(DefectRate * 2))
        {
            // RDY502: the parse result decides nothing; a typo becomes a zero limit.
            w.Line("decimal.TryParse(quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out var maxQty);");
            w.Line("settings = settings with { MaxPositionQuantity = maxQty };");
        }
        else if (rng.Chance(DefectRate * 2))
        {
            // RDY503: culture-sensitive parse.
            w.Line("settings = settings with { MaxPositionQuantity = decimal.Parse(quantity) };");
        }
        else
        {
            w.Line("settings = settings with { MaxPositionQuantity = decimal.Parse(quantity, NumberStyles.Number, CultureInfo.InvariantCulture) };");
        }

        w.Close();
        w.Line();
        w.Line("var timeoutMs = Environment.GetEnvironmentVariable(prefix + \"_TIMEOUT_MS\");");
        w.Open("if (int.TryParse(timeoutMs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))");
        w.Line("settings = settings with { RequestTimeout = TimeSpan.FromMilliseconds(ms) };");
        w.Close();
        w.Line();
        w.Line("settings.Validate();");
        w.Line("return settings;");
        w.Close();
        w.Line();
        w.Open("public void Validate()");
        w.Open("if (MaxOrderNotional <= 0m || MaxPositionQuantity <= 0m)");
        w.Line("throw new InvalidOperationException(\"" + name + ": limits must be positive.\");");
        w.Close();
        w.Line();
        w.Open("if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromSeconds(1))");
        w.Line("throw new InvalidOperationException(\"" + name + ": the request timeout must be within (0, 1 s].\");");
        w.Close();
        w.Close();
        w.Line();
        w.Line("public bool Allows(decimal price, decimal quantity) => price * quantity <= MaxOrderNotional && quantity <= MaxPositionQuantity;");
        w.Close();
    }
}
