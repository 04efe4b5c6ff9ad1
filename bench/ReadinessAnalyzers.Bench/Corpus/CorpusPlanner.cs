using System;
using System.Collections.Generic;
using System.Globalization;

namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>Decides, file by file, what the corpus holds and which earlier members each file calls.</summary>
internal static class CorpusPlanner
{
    /// <summary>The files every corpus starts with: primitives, logging, the venue client.</summary>
    public const int CoreFileCount = 3;

    /// <summary>Chance that a helper method has a blocking site of its own (a leaf of a blocking chain).</summary>
    private const double DirectBlockingRate = 0.03;

    /// <summary>Chance that a call to a helper that blocks through its chain is kept when one is drawn.</summary>
    private const double KeepBlockingCalleeRate = 0.15;

    /// <summary>The same for a call from an async or hot path: a planted RDY107 site.</summary>
    private const double KeepBlockingOnAsyncPathRate = 0.3;

    private static readonly (UnitKind Kind, int Weight)[] s_weights =
    [
        (UnitKind.Helper, 26), (UnitKind.Model, 10), (UnitKind.Service, 16), (UnitKind.Book, 8),
        (UnitKind.Gateway, 8), (UnitKind.Worker, 7), (UnitKind.Repository, 7), (UnitKind.Feed, 5),
        (UnitKind.Strategy, 8), (UnitKind.Settings, 5),
    ];

    private static readonly Dictionary<UnitKind, string[]> s_roles = new()
    {
        [UnitKind.Model] = ["Snapshot", "Record", "State", "Report", "Summary"],
        [UnitKind.Helper] = ["Math", "Rules", "Calculator", "Policy", "Estimator"],
        [UnitKind.Service] = ["Service", "Engine", "Coordinator", "Monitor"],
        [UnitKind.Book] = ["Book", "Ledger", "Tracker", "Registry"],
        [UnitKind.Gateway] = ["RestGateway", "Client", "Connector"],
        [UnitKind.Worker] = ["Worker", "Poller", "Scheduler", "Loop"],
        [UnitKind.Repository] = ["Store", "Journal", "Repository", "Archive"],
        [UnitKind.Feed] = ["Feed", "Stream", "Listener"],
        [UnitKind.Strategy] = ["Strategy", "Quoter", "Signal"],
        [UnitKind.Settings] = ["Settings", "Options", "Limits"],
    };

    private static readonly string[] s_coreTypes = ["Primitives", "Logging", "VenueClient"];

    public static IReadOnlyList<UnitPlan> Create(int seed, int fileCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fileCount);
        var plans = new List<UnitPlan>(fileCount);
        var state = new State();
        for (var index = 0; index < fileCount; index++)
        {
            plans.Add(index < CoreFileCount ? CorePlan(index) : Plan(seed, index, state));
        }

        return plans;
    }

    /// <summary>The plans made so far, by kind: what later files may refer to.</summary>
    internal sealed class State
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public List<UnitPlan> Helpers { get; } = [];

        public List<UnitPlan> Services { get; } = [];

        public List<UnitPlan> Books { get; } = [];

        public List<UnitPlan> Models { get; } = [];
    }

    private static UnitPlan CorePlan(int index) => new()
    {
        Index = index,
        Kind = UnitKind.Core,
        Namespace = "Corpus.Core",
        TypeName = s_coreTypes[index],
        Path = "Core/" + s_coreTypes[index] + ".cs",
    };

    private static UnitPlan Plan(int seed, int index, State state)
    {
        var rng = Rng.ForUnit(seed, index, stream: 1);
        var kind = PickKind(rng);
        var area = rng.Pick(Vocabulary.Areas);
        var name = UniqueName(rng, kind, state);
        var plan = new UnitPlan
        {
            Index = index,
            Kind = kind,
            Namespace = "Corpus." + area,
            TypeName = name,
            Path = area + "/" + name + ".cs",
            AsyncMethod = kind == UnitKind.Service ? rng.Pick(Vocabulary.ServiceVerbs) + "Async" : "",
        };

        PlanDependencies(plan, Rng.ForUnit(seed, index, stream: 2), state);
        switch (kind)
        {
            case UnitKind.Helper:
                PlanHelperMethods(plan, rng, state);
                state.Helpers.Add(plan);
                break;
            case UnitKind.Service:
                state.Services.Add(plan);
                break;
            case UnitKind.Book:
                state.Books.Add(plan);
                break;
            case UnitKind.Model:
                state.Models.Add(plan);
                break;
        }

        return plan;
    }

    private static void PlanDependencies(UnitPlan plan, Rng rng, State state)
    {
        var (helperCalls, service, book, model) = plan.Kind switch
        {
            UnitKind.Service => (rng.Next(1, 4), 0.4, 0.2, 0.0),
            UnitKind.Strategy => (rng.Next(2, 5), 0.0, 0.6, 0.0),
            UnitKind.Worker => (rng.Next(0, 2), 1.0, 0.5, 0.0),
            UnitKind.Gateway => (rng.Next(0, 2), 0.0, 0.0, 0.0),
            UnitKind.Repository => (rng.Next(0, 2), 0.0, 0.0, 0.7),
            UnitKind.Feed => (rng.Next(0, 2), 0.0, 0.4, 0.0),
            UnitKind.Book => (rng.Next(0, 2), 0.0, 0.0, 0.0),
            _ => (0, 0.0, 0.0, 0.0),
        };

        for (var i = 0; i < helperCalls; i++)
        {
            if (PickHelper(rng, state, KeepBlockingOnAsyncPathRate) is { } call)
            {
                plan.HelperCalls.Add(call);
            }
        }

        plan.Service = state.Services.Count > 0 && rng.Chance(service) ? Recent(rng, state.Services) : null;
        plan.Book = state.Books.Count > 0 && rng.Chance(book) ? Recent(rng, state.Books) : null;
        plan.Model = state.Models.Count > 0 && rng.Chance(model) ? Recent(rng, state.Models) : null;
    }

    private static UnitPlan Recent(Rng rng, List<UnitPlan> plans)
        => plans[plans.Count - 1 - rng.Next(Math.Min(30, plans.Count))];

    private static UnitKind PickKind(Rng rng)
    {
        var total = 0;
        foreach (var (_, weight) in s_weights)
        {
            total += weight;
        }

        var draw = rng.Next(total);
        foreach (var (kind, weight) in s_weights)
        {
            if (draw < weight)
            {
                return kind;
            }

            draw -= weight;
        }

        return UnitKind.Helper;
    }

    private static string UniqueName(Rng rng, UnitKind kind, State state)
    {
        var name = rng.Pick(Vocabulary.Prefixes) + rng.Pick(Vocabulary.Concepts) + rng.Pick(s_roles[kind]);
        var unique = name;
        for (var suffix = 2; !state.Names.Add(unique); suffix++)
        {
            unique = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static void PlanHelperMethods(UnitPlan plan, Rng rng, State state)
    {
        var count = rng.Next(2, 5);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var verb = rng.Pick(Vocabulary.HelperVerbs);
            if (!used.Add(verb))
            {
                continue;
            }

            var method = new HelperMethod(verb + rng.Pick(Vocabulary.Concepts));
            if (rng.Chance(DirectBlockingRate))
            {
                method.DirectBlocking = rng.Next(1, 5);
            }

            var callees = rng.Next(100) switch { < 35 => 0, < 80 => 1, _ => 2 };
            for (var c = 0; c < callees; c++)
            {
                if (PickHelper(rng, state, KeepBlockingCalleeRate) is { } callee)
                {
                    method.Callees.Add(callee);
                }
            }

            method.Blocks = method.DirectBlocking != 0;
            foreach (var (_, callee) in method.Callees)
            {
                method.Blocks |= callee.Blocks;
                method.Depth = Math.Max(method.Depth, callee.Depth + 1);
            }

            plan.Methods.Add(method);
        }
    }

    /// <summary>
    /// An earlier helper method to call: half the time from the last few helpers (code calls its
    /// neighbours), else from anywhere. One that blocks is kept only with <paramref name="keepBlocking"/>.
    /// </summary>
    private static (UnitPlan Type, HelperMethod Method)? PickHelper(Rng rng, State state, double keepBlocking)
    {
        var helpers = state.Helpers;
        if (helpers.Count == 0)
        {
            return null;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var type = rng.Chance(0.5)
                ? helpers[helpers.Count - 1 - rng.Next(Math.Min(20, helpers.Count))]
                : rng.Pick(helpers);
            var method = rng.Pick(type.Methods);
            if (!method.Blocks || rng.Chance(keepBlocking))
            {
                return (type, method);
            }
        }

        return null;
    }
}
