using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Recognises logging calls and finds the logger a fix can call. "Logging" is what RULES.md says it is
/// for RDY401: any call on an <c>ILogger</c> or a logger-named receiver, or a method named <c>Log*</c>.
/// </summary>
internal static class Loggers
{
    /// <summary>
    /// True when <paramref name="invocation"/> logs: the method is named <c>Log</c> or <c>Log…</c>
    /// (<c>LogError</c>, not <c>Login</c>), or it is called on a logger — a Microsoft.Extensions.Logging
    /// <c>ILogger</c>, a type or symbol whose last word is <c>log</c>/<c>logger</c> (<c>_log</c>,
    /// <c>Serilog.Log</c>, <c>NLog.Logger</c>, <c>ILog</c>).
    /// </summary>
    public static bool IsLoggingCall(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (IsLogMethodName(method.Name))
        {
            return true;
        }

        var receiver = invocation.Instance;
        if (receiver is null && method.IsExtensionMethod && !invocation.Arguments.IsEmpty)
        {
            receiver = invocation.Arguments[0].Value;
        }

        while (receiver is IConversionOperation { IsImplicit: true } conversion)
        {
            receiver = conversion.Operand;
        }

        if (receiver is null)
        {
            // A static call: Log.Error(...) on Serilog's static Log class.
            return !method.IsExtensionMethod && IsLoggerName(method.ContainingType?.Name);
        }

        if (IsLoggerType(receiver.Type, types))
        {
            return true;
        }

        var name = receiver switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        return IsLoggerName(name);
    }

    /// <summary>True when <paramref name="type"/> is or implements Microsoft.Extensions.Logging's <c>ILogger</c>
    /// (so <c>ILogger&lt;T&gt;</c> too), or its name's last word is <c>log</c>/<c>logger</c>.</summary>
    public static bool IsLoggerType(ITypeSymbol? type, WellKnownTypes types)
        => type is not null && (ImplementsILogger(type, types) || IsLoggerName(type.Name));

    /// <summary>
    /// The name of the one Microsoft.Extensions.Logging logger (<c>ILogger</c>, <c>ILogger&lt;T&gt;</c>) a
    /// statement at <paramref name="position"/> can call: a local or parameter of the enclosing functions
    /// first, then a field or property, then a primary-constructor parameter. <see langword="null"/> when
    /// there is none, or more than one of the same kind (which one is the author's call). Instance members
    /// are skipped in static code. Called only when a diagnostic is reported.
    /// </summary>
    public static string? FindInScope(SemanticModel model, int position, WellKnownTypes types, CancellationToken cancellationToken = default)
    {
        if (types.ILogger is null)
        {
            return null;
        }

        // The innermost function, the static function (lambda or local function) around the position if
        // any, and the member: instance state is out of reach from static code.
        var function = model.GetEnclosingSymbol(position, cancellationToken) as IMethodSymbol;
        IMethodSymbol? staticFunction = null;
        var member = function;
        while (member is { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            if (member.IsStatic && staticFunction is null)
            {
                staticFunction = member;
            }

            member = member.ContainingSymbol as IMethodSymbol;
        }

        var staticContext = staticFunction is not null || member is null || member.IsStatic;

        string? best = null;
        var bestTier = int.MaxValue;
        var ambiguous = false;
        foreach (var symbol in ScopeLookup.LocalsAndParameters(model, position, includeMembers: true, cancellationToken))
        {
            var tier = symbol switch
            {
                ILocalSymbol local when ImplementsILogger(local.Type, types)
                                        && ScopeLookup.IsDeclaredBefore(local, position)
                                        && IsInside(local.ContainingSymbol, staticFunction) => 0,
                IParameterSymbol parameter when ImplementsILogger(parameter.Type, types) => ParameterTier(parameter, member, staticFunction),
                IFieldSymbol field when ImplementsILogger(field.Type, types) && (field.IsStatic || !staticContext) => 1,
                IPropertySymbol property when ImplementsILogger(property.Type, types) && property.GetMethod is not null
                                              && (property.IsStatic || !staticContext) => 1,
                _ => int.MaxValue,
            };

            if (tier < bestTier)
            {
                best = symbol.Name;
                bestTier = tier;
                ambiguous = false;
            }
            else if (tier == bestTier && tier != int.MaxValue)
            {
                ambiguous = true;
            }
        }

        return ambiguous ? null : best;
    }

    private static int ParameterTier(IParameterSymbol parameter, IMethodSymbol? member, IMethodSymbol? staticFunction)
    {
        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && !SymbolEqualityComparer.Default.Equals(constructor, member))
        {
            // A primary-constructor parameter seen from a member: usable, but a field that holds the same
            // logger is the better choice (capturing both draws CS9124).
            return staticFunction is null && member is { IsStatic: false } ? 2 : int.MaxValue;
        }

        return IsInside(parameter.ContainingSymbol, staticFunction) ? 0 : int.MaxValue;
    }

    // A symbol declared outside a static lambda or local function cannot be used inside it.
    private static bool IsInside(ISymbol? container, IMethodSymbol? staticFunction)
    {
        if (staticFunction is null)
        {
            return true;
        }

        for (var current = container; current is not null; current = current.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(current, staticFunction))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsILogger(ITypeSymbol? type, WellKnownTypes types)
    {
        if (type is null || types.ILogger is null)
        {
            return false;
        }

        if (WellKnownTypes.Is(type, types.ILogger))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (WellKnownTypes.Is(@interface, types.ILogger))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Log, LogError, LogWarning — but not Login, Logout, Logistics.</summary>
    public static bool IsLogMethodName(string name)
        => name.StartsWith("Log", StringComparison.Ordinal) && (name.Length == 3 || !char.IsLower(name[3]));

    /// <summary>The last word is <c>log</c> or <c>logger</c>: <c>_log</c>, <c>Logger</c>, <c>ILog</c>,
    /// <c>_auditLogger</c>; not <c>Catalog</c>, <c>Backlog</c>.</summary>
    public static bool IsLoggerName(string? name)
    {
        if (name is null
            || !(name.EndsWith("og", StringComparison.OrdinalIgnoreCase) || name.EndsWith("ogger", StringComparison.OrdinalIgnoreCase)))
        {
            return false; // the cheap test rejects almost every receiver without splitting the name
        }

        var words = Names.SplitWords(name);
        return words.Length > 0 && words[words.Length - 1] is "log" or "logger";
    }
}
