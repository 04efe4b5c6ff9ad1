using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// The locals, parameters and (optionally) fields and properties in scope at a position: what
/// <c>SemanticModel.LookupSymbols(position)</c> returns of those kinds, without its cost. An unnamed
/// lookup lists every type of every imported namespace and creates a symbol for each of them; this one
/// collects the names declared in the member around the position (and in its types' primary
/// constructors and members), then asks the compiler about each name, so scoping, shadowing and
/// accessibility stay the compiler's. Used by code fixes only (the token search of the RDY101-RDY104 fixes,
/// the logger search of the RDY401 fix), never during analysis.
/// </summary>
internal static class ScopeLookup
{
    /// <summary>The locals, parameters and, with <paramref name="includeMembers"/>, fields and properties visible at <paramref name="position"/>.</summary>
    public static List<ISymbol> LocalsAndParameters(SemanticModel model, int position, bool includeMembers, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        var start = root.FindToken(position).Parent;
        for (var node = start; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case GlobalStatementSyntax when node.Parent is CompilationUnitSyntax unit:
                    // Top-level statements share one scope: an earlier statement's locals are visible.
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax statement)
                        {
                            AddDeclaredNames(statement, names);
                        }
                    }

                    break;
                case TypeDeclarationSyntax { ParameterList: { } primaryConstructor }:
                    AddDeclaredNames(primaryConstructor, names);
                    break;
                case BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax:
                    break;
                case MemberDeclarationSyntax member when node.Parent is TypeDeclarationSyntax:
                    // The outermost member around the position (a method, accessor's property, field):
                    // every local, parameter, lambda parameter and pattern variable declared in it, and
                    // an accessor's implicit 'value'.
                    AddDeclaredNames(member, names);
                    if (member is BasePropertyDeclarationSyntax)
                    {
                        names.Add("value");
                    }

                    break;
            }
        }

        if (includeMembers)
        {
            for (var type = model.GetEnclosingSymbol(position, cancellationToken)?.ContainingType; type is not null; type = type.ContainingType)
            {
                for (var declaring = type; declaring is not null; declaring = declaring.BaseType)
                {
                    foreach (var member in declaring.GetMembers())
                    {
                        if (member is IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol)
                        {
                            names.Add(member.Name);
                        }
                    }
                }
            }
        }

        var symbols = new List<ISymbol>();
        foreach (var name in names)
        {
            foreach (var symbol in model.LookupSymbols(position, name: name))
            {
                if (symbol is ILocalSymbol or IParameterSymbol || (includeMembers && symbol is IFieldSymbol or IPropertySymbol))
                {
                    symbols.Add(symbol);
                }
            }
        }

        return symbols;
    }

    /// <summary>
    /// Whether <paramref name="local"/> is declared before <paramref name="position"/>: not in its own
    /// initializer, not later in the block. A foreach variable is declared by the whole statement but is
    /// in scope in its body.
    /// </summary>
    public static bool IsDeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End <= position
                || (reference.GetSyntax() is CommonForEachStatementSyntax forEach && forEach.Statement.Span.Contains(position)))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddDeclaredNames(SyntaxNode scope, HashSet<string> names)
    {
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            var identifier = node switch
            {
                ParameterSyntax parameter => parameter.Identifier,
                VariableDeclaratorSyntax declarator => declarator.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                CatchDeclarationSyntax @catch => @catch.Identifier,
                _ => default,
            };
            if (identifier.IsKind(SyntaxKind.IdentifierToken) && identifier.ValueText.Length > 0)
            {
                names.Add(identifier.ValueText);
            }
        }
    }
}
