using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.CodeFixes;

/// <summary>
/// RDY501: changes a money-like declaration from <c>double</c>/<c>float</c> to <c>decimal</c> and gives the
/// real literals of its own initializer, default value or returned expression the <c>m</c> suffix. When the
/// change alone does not compile because the value flows to or from another <c>double</c> declaration of
/// the same solution (<c>Price = price</c>, <c>notional * 0.001</c>), those declarations and literals change
/// with it. The fix is offered only when the changed solution has no compiler error in any document that
/// declares or references what changed; never across a library's public API, an override, an interface
/// implementation, a lambda's parameters or into a <c>double</c>-only API (<c>Math.Sqrt(price)</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoneyTypeCodeFixProvider)), Shared]
public sealed class MoneyTypeCodeFixProvider : CodeFixProvider
{
    private const string UseDecimal = RuleIds.FloatingPointMoney + ".UseDecimal";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.FloatingPointMoney);

    public override FixAllProvider GetFixAllProvider() => MoneyFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var retyper = new Retyper(context.Document.Project.Solution, context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            var seed = await retyper.DeclaredSymbolAtAsync(diagnostic.Location).ConfigureAwait(false);
            if (seed is null || await retyper.CloseAsync(seed).ConfigureAwait(false) is not { Result: { } solution } set)
            {
                continue; // it would not compile: a double-only API, a public signature, an override
            }

            var title = set.Symbols.Count == 1
                ? $"Use 'decimal' for '{seed.Name}'"
                : string.Format(CultureInfo.InvariantCulture, "Use 'decimal' for '{0}' and {1} related declaration{2}",
                    seed.Name, set.Symbols.Count - 1, set.Symbols.Count == 2 ? string.Empty : "s");
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(solution), equivalenceKey: UseDecimal), diagnostic);
        }
    }

    // Fix All: one change set for every diagnostic, leaving out what no change can repair; then, for
    // each diagnostic left over, its own change set as the single fix computes it against the original
    // solution. The sets are applied together and checked again; if that does not compile, they are
    // added one by one, each kept only when the result still compiles.
    private sealed class MoneyFixAllProvider : FixAllProvider
    {
        public static readonly MoneyFixAllProvider Instance = new();

        private const int MaxUnionAttempts = 6;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is { } document:
                    diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
                default:
                    return null;
            }

            var solution = fixAllContext.Solution;
            return CodeAction.Create("Use 'decimal' for money-like declarations",
                ct => FixAllAsync(solution, diagnostics, ct), equivalenceKey: fixAllContext.CodeActionEquivalenceKey);
        }

        private static async Task<Solution> FixAllAsync(Solution solution, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var retyper = new Retyper(solution, cancellationToken);
            var seeds = new List<ISymbol>();
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var diagnostic in diagnostics)
            {
                if (await retyper.DeclaredSymbolAtAsync(diagnostic.Location).ConfigureAwait(false) is { } seed && seen.Add(seed))
                {
                    seeds.Add(seed);
                }
            }

            // Usually nearly everything changes together: one change set, a few compiler passes. A
            // declaration involved in an error no change repairs (Math.Sqrt(price)) is left out and the
            // rest tried again; what is left out then gets its own change set, as the single fix would.
            var covered = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var sets = new List<ChangeSet>();
            var forbidden = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            for (var attempt = 0; seeds.Count > 1 && attempt < MaxUnionAttempts; attempt++)
            {
                var blamed = new List<ISymbol>();
                if (await retyper.CloseAsync(seeds, forbidden, blamed).ConfigureAwait(false) is { Result: not null } together)
                {
                    sets.Add(together);
                    covered.UnionWith(together.Symbols);
                    break;
                }

                var before = forbidden.Count;
                forbidden.UnionWith(blamed);
                if (forbidden.Count == before)
                {
                    break;
                }
            }

            foreach (var seed in seeds)
            {
                if (covered.Contains(seed))
                {
                    continue;
                }

                if (await retyper.CloseAsync(seed).ConfigureAwait(false) is { } set)
                {
                    sets.Add(set);
                    covered.UnionWith(set.Symbols);
                }
            }

            if (sets.Count == 0)
            {
                return solution;
            }

            if (sets.Count == 1)
            {
                return sets[0].Result ?? solution;
            }

            var union = new ChangeSet();
            foreach (var set in sets)
            {
                union.UnionWith(set);
            }

            if (await retyper.CheckAsync(union).ConfigureAwait(false) is { } all)
            {
                return all;
            }

            var accepted = new ChangeSet();
            Solution? result = null;
            foreach (var set in sets)
            {
                var candidate = accepted.Copy();
                candidate.UnionWith(set);
                if (await retyper.CheckAsync(candidate).ConfigureAwait(false) is { } checkedSolution)
                {
                    accepted = candidate;
                    result = checkedSolution;
                }
            }

            return result ?? solution;
        }
    }

    /// <summary>What one fix changes: declarations retyped, plus literal and creation-type edits.</summary>
    private sealed class ChangeSet
    {
        public HashSet<ISymbol> Symbols { get; } = new(SymbolEqualityComparer.Default);

        /// <summary><c>var</c> locals whose keyword becomes <c>decimal</c> (their initializer stays double otherwise).</summary>
        public HashSet<ISymbol> VarToDecimal { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Edits outside declaration types: literals gaining <c>m</c>, <c>new List&lt;double&gt;()</c> element types.</summary>
        public Dictionary<(DocumentId Document, TextSpan Span), string> Edits { get; } = new();

        public Solution? Result { get; set; }

        public ChangeSet Copy()
        {
            var copy = new ChangeSet();
            copy.UnionWith(this);
            return copy;
        }

        public void UnionWith(ChangeSet other)
        {
            Symbols.UnionWith(other.Symbols);
            VarToDecimal.UnionWith(other.VarToDecimal);
            foreach (var edit in other.Edits)
            {
                Edits[edit.Key] = edit.Value;
            }
        }
    }

    /// <summary>The original-to-new position map of one document's edits.</summary>
    private sealed class DocumentEdits(List<TextChange> changes)
    {
        public List<TextChange> Changes { get; } = changes;

        public int ToOriginal(int position)
        {
            var delta = 0;
            foreach (var change in Changes)
            {
                var newStart = change.Span.Start + delta;
                if (position < newStart)
                {
                    break;
                }

                if (position < newStart + change.NewText!.Length)
                {
                    return change.Span.Start;
                }

                delta += change.NewText.Length - change.Span.Length;
            }

            return position - delta;
        }

        public int ToNew(int position)
        {
            var delta = 0;
            foreach (var change in Changes)
            {
                if (change.Span.End > position)
                {
                    break;
                }

                delta += change.NewText!.Length - change.Span.Length;
            }

            return position + delta;
        }
    }

    private sealed class Retyper(Solution solution, CancellationToken cancellationToken)
    {
        private const int MaxIterations = 8;
        private const int MaxDeclarations = 24;

        private readonly Dictionary<DocumentId, SemanticModel> _models = new();
        private HashSet<ISymbol>? _forbidden;
        private readonly Dictionary<(DocumentId, TextSpan), bool> _compiles = new();
        private readonly Dictionary<ISymbol, List<(DocumentId Document, int Position)>> _affected = new(SymbolEqualityComparer.Default);

        public async Task<ISymbol?> DeclaredSymbolAtAsync(Location location)
        {
            if (location.SourceTree is not { } tree || solution.GetDocument(tree) is not { } document
                || await ModelAsync(document).ConfigureAwait(false) is not { } model)
            {
                return null;
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root.FindToken(location.SourceSpan.Start).Parent;
            return node is null ? null : model.GetDeclaredSymbol(node, cancellationToken);
        }

        /// <summary>The change set that retypes <paramref name="seed"/> and everything it needs to compile, or null.</summary>
        public Task<ChangeSet?> CloseAsync(ISymbol seed) => CloseAsync(new[] { seed }, forbidden: null, blamed: null);

        /// <summary>
        /// One change set for several seeds (Fix All's fast path): seeds that cannot change are left out,
        /// and so is every symbol in <paramref name="forbidden"/>; null when the rest does not compile
        /// together, with the changed symbols the unrepairable errors involve added to <paramref name="blamed"/>.
        /// </summary>
        public async Task<ChangeSet?> CloseAsync(IReadOnlyCollection<ISymbol> seeds, HashSet<ISymbol>? forbidden, List<ISymbol>? blamed)
        {
            _forbidden = forbidden;
            var set = new ChangeSet();
            foreach (var seed in seeds)
            {
                if (!await TryAddAsync(set, seed).ConfigureAwait(false) && seeds.Count == 1)
                {
                    return null;
                }
            }

            if (set.Symbols.Count == 0)
            {
                return null;
            }

            var maxDeclarations = set.Symbols.Count + MaxDeclarations;

            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var applied = await ApplyAsync(set).ConfigureAwait(false);
                if (applied is null)
                {
                    return null;
                }

                var (newSolution, edits) = applied.Value;
                var errors = await NewErrorsAsync(newSolution, set, edits).ConfigureAwait(false);
                if (errors is null)
                {
                    return null; // code that did not compile before: no fix can be proven safe
                }

                var progressed = false;
                var retypedAll = true;
                foreach (var symbol in new List<ISymbol>(set.Symbols))
                {
                    switch (await StillBinaryAsync(newSolution, edits, symbol).ConfigureAwait(false))
                    {
                        case null:
                            break;
                        case true when symbol is ILocalSymbol && !set.VarToDecimal.Contains(symbol) && IsVarOfFloatingType(symbol):
                            set.VarToDecimal.Add(symbol);
                            progressed = true;
                            retypedAll = false;
                            break;
                        default:
                            return null;
                    }
                }

                if (errors.Count == 0 && retypedAll)
                {
                    set.Result = newSolution;
                    return set;
                }

                foreach (var (documentId, span) in errors)
                {
                    var start = span.Start;
                    var end = span.End;
                    if (edits.TryGetValue(documentId, out var documentEdits))
                    {
                        start = documentEdits.ToOriginal(start);
                        end = documentEdits.ToOriginal(end);
                    }

                    progressed |= await RepairAsync(set, documentId, start, end, blamed).ConfigureAwait(false);
                }

                if (!progressed || set.Symbols.Count > maxDeclarations)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The changed solution when <paramref name="set"/> compiles as it is, or null.</summary>
        public async Task<Solution?> CheckAsync(ChangeSet set)
        {
            var applied = await ApplyAsync(set).ConfigureAwait(false);
            if (applied is null)
            {
                return null;
            }

            var (newSolution, edits) = applied.Value;
            var errors = await NewErrorsAsync(newSolution, set, edits).ConfigureAwait(false);
            if (errors is not { Count: 0 })
            {
                return null;
            }

            foreach (var symbol in set.Symbols)
            {
                if (await StillBinaryAsync(newSolution, edits, symbol).ConfigureAwait(false) is not null)
                {
                    return null;
                }
            }

            return newSolution;
        }

        private async Task<SemanticModel?> ModelAsync(Document document)
        {
            if (!_models.TryGetValue(document.Id, out var model))
            {
                model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (model is null)
                {
                    return null;
                }

                _models[document.Id] = model;
            }

            return model;
        }

        // Adds a declaration, the declarators that share its type and the property or field it is paired
        // with; false when any of them cannot change.
        private async Task<bool> TryAddAsync(ChangeSet set, ISymbol candidate)
        {
            if (await CanonicalAsync(candidate).ConfigureAwait(false) is not { } symbol || set.Symbols.Contains(symbol)
                || _forbidden?.Contains(symbol) == true)
            {
                return false;
            }

            var group = new List<ISymbol> { symbol };
            await AddSiblingsAndPairAsync(symbol, group).ConfigureAwait(false);
            foreach (var member in group)
            {
                if (!set.Symbols.Contains(member) && !await IsChangeableAsync(member).ConfigureAwait(false))
                {
                    return false;
                }
            }

            foreach (var member in group)
            {
                if (set.Symbols.Add(member))
                {
                    await AddOwnValueEditsAsync(set, member).ConfigureAwait(false);
                }
            }

            return true;
        }

        private async Task<ISymbol?> CanonicalAsync(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (symbol is IMethodSymbol { ReducedFrom: { } reduced })
            {
                symbol = reduced;
            }

            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null; // partial methods, metadata
            }

            var syntax = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (solution.GetDocument(syntax.SyntaxTree) is not { } document
                || await ModelAsync(document).ConfigureAwait(false) is not { } model)
            {
                return null;
            }

            return model.GetDeclaredSymbol(syntax, cancellationToken);
        }

        private async Task AddSiblingsAndPairAsync(ISymbol symbol, List<ISymbol> group)
        {
            var syntax = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (syntax is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: > 1 } declaration }
                && solution.GetDocument(syntax.SyntaxTree) is { } document
                && await ModelAsync(document).ConfigureAwait(false) is { } model)
            {
                foreach (var variable in declaration.Variables)
                {
                    if (variable != syntax && model.GetDeclaredSymbol(variable, cancellationToken) is { } sibling)
                    {
                        group.Add(sibling);
                    }
                }
            }

            switch (symbol)
            {
                case IPropertySymbol property when MoneyTypeAnalyzer.BackingField(property) is { } field:
                    group.Add(field);
                    break;
                case IFieldSymbol field:
                    foreach (var member in field.ContainingType.GetMembers())
                    {
                        if (member is IPropertySymbol property
                            && SymbolEqualityComparer.Default.Equals(MoneyTypeAnalyzer.BackingField(property), field))
                        {
                            group.Add(property);
                        }
                    }

                    break;
            }
        }

        private async Task<bool> IsChangeableAsync(ISymbol symbol)
        {
            if (symbol.IsImplicitlyDeclared || !MoneyTypeAnalyzer.HoldsBinaryFloatingPoint(TypeOf(symbol))
                || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var syntax = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (solution.GetDocument(syntax.SyntaxTree) is not { } document || TypeSyntaxOf(syntax) is null)
            {
                return false;
            }

            var isLibrary = document.Project.CompilationOptions?.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule;
            switch (symbol)
            {
                case ILocalSymbol:
                    return syntax is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax }
                        || syntax is ForEachStatementSyntax { Type.IsVar: false };
                case IParameterSymbol parameter:
                    return parameter.ContainingSymbol is IMethodSymbol owner
                        && owner.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction
                            or MethodKind.UserDefinedOperator or MethodKind.Conversion
                        && syntax.Parent?.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax
                        && HasOwnSignature(owner)
                        && !(isLibrary && IsExternallyVisible(owner));
                case IFieldSymbol field:
                    return syntax is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax }
                        && !(isLibrary && IsExternallyVisible(field));
                case IPropertySymbol property:
                    return syntax is PropertyDeclarationSyntax && !property.IsIndexer && HasOwnSignature(property)
                        && !(isLibrary && IsExternallyVisible(property));
                case IMethodSymbol method:
                    return syntax is MethodDeclarationSyntax or LocalFunctionStatementSyntax
                        && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                        && HasOwnSignature(method)
                        && !(isLibrary && IsExternallyVisible(method));
                default:
                    return false;
            }
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IMethodSymbol method => method.ReturnType,
            _ => null,
        };

        private static TypeSyntax? TypeSyntaxOf(SyntaxNode declaration) => declaration switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variables } => variables.Type,
            ForEachStatementSyntax forEach => forEach.Type,
            ParameterSyntax parameter => parameter.Type,
            PropertyDeclarationSyntax property => property.Type,
            MethodDeclarationSyntax method => method.ReturnType,
            LocalFunctionStatementSyntax local => local.ReturnType,
            _ => null,
        };

        private static bool IsVarOfFloatingType(ISymbol symbol)
            => symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single } local
               && local.DeclaringSyntaxReferences.Length == 1
               && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } };

        // Members whose signature is theirs to change: not virtual, abstract, an override, an interface
        // member or implementation, extern or partial.
        private static bool HasOwnSignature(ISymbol member)
        {
            if (member.IsVirtual || member.IsAbstract || member.IsOverride || member.IsExtern
                || member.ContainingType is null || member.ContainingType.TypeKind == TypeKind.Interface)
            {
                return false;
            }

            switch (member)
            {
                case IMethodSymbol method when !method.ExplicitInterfaceImplementations.IsEmpty
                                               || method.PartialDefinitionPart is not null
                                               || method.PartialImplementationPart is not null:
                case IPropertySymbol property when !property.ExplicitInterfaceImplementations.IsEmpty:
                    return false;
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction } || member.IsStatic)
            {
                return true;
            }

            foreach (var @interface in member.ContainingType.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(member.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(member.ContainingType.FindImplementationForInterfaceMember(candidate), member))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        // A public or protected member of a library is an API whose callers this solution may not hold.
        private static bool IsExternallyVisible(ISymbol symbol)
        {
            if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                return false;
            }

            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

        // The literals and creation types of the declaration's own value: its initializer, default
        // value, expression body or returned expressions (not those of nested lambdas or local functions).
        private async Task AddOwnValueEditsAsync(ChangeSet set, ISymbol symbol)
        {
            var syntax = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (solution.GetDocument(syntax.SyntaxTree) is not { } document
                || await ModelAsync(document).ConfigureAwait(false) is not { } model)
            {
                return;
            }

            foreach (var value in OwnValues(syntax))
            {
                AddValueEdits(set, document.Id, model, value);
            }
        }

        private static IEnumerable<ExpressionSyntax> OwnValues(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initializer }:
                    yield return initializer;
                    break;
                case ParameterSyntax { Default.Value: { } defaultValue }:
                    yield return defaultValue;
                    break;
                case PropertyDeclarationSyntax property:
                    if (property.Initializer?.Value is { } propertyInitializer)
                    {
                        yield return propertyInitializer;
                    }

                    if (property.ExpressionBody?.Expression is { } propertyBody)
                    {
                        yield return propertyBody;
                    }

                    if (property.AccessorList is { } accessors)
                    {
                        foreach (var accessor in accessors.Accessors)
                        {
                            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                            {
                                continue;
                            }

                            foreach (var returned in Returned(accessor.ExpressionBody, accessor.Body))
                            {
                                yield return returned;
                            }
                        }
                    }

                    break;
                case MethodDeclarationSyntax method:
                    foreach (var returned in Returned(method.ExpressionBody, method.Body))
                    {
                        yield return returned;
                    }

                    break;
                case LocalFunctionStatementSyntax local:
                    foreach (var returned in Returned(local.ExpressionBody, local.Body))
                    {
                        yield return returned;
                    }

                    break;
            }
        }

        private static IEnumerable<ExpressionSyntax> Returned(ArrowExpressionClauseSyntax? arrow, BlockSyntax? body)
        {
            if (arrow is not null)
            {
                yield return arrow.Expression;
            }

            if (body is null)
            {
                yield break;
            }

            foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax { Expression: { } returned })
                {
                    yield return returned;
                }
            }
        }

        // Literals in value position gain 'm' (1.5 → 1.5m, 2d → 2m); array and collection creations
        // of double get decimal element types. Casts, calls and conditions stop the walk.
        private static bool AddValueEdits(ChangeSet set, DocumentId document, SemanticModel model, ExpressionSyntax? expression)
        {
            var added = false;
            var pending = new Stack<ExpressionSyntax>();
            if (expression is not null)
            {
                pending.Push(expression);
            }

            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case LiteralExpressionSyntax { Token.Value: double or float } literal:
                        added |= AddEdit(set, document, literal.Token.Span, DecimalLiteral(literal.Token.Text));
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        pending.Push(parenthesized.Expression);
                        break;
                    case AssignmentExpressionSyntax assignment:
                        pending.Push(assignment.Right); // balance -= 12.5
                        break;
                    case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                        pending.Push(unary.Operand);
                        break;
                    case BinaryExpressionSyntax binary when IsArithmetic(binary):
                        pending.Push(binary.Left);
                        pending.Push(binary.Right);
                        break;
                    case ConditionalExpressionSyntax conditional:
                        pending.Push(conditional.WhenTrue);
                        pending.Push(conditional.WhenFalse);
                        break;
                    case SwitchExpressionSyntax switchExpression:
                        foreach (var arm in switchExpression.Arms)
                        {
                            pending.Push(arm.Expression);
                        }

                        break;
                    case InitializerExpressionSyntax initializer when !initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                        foreach (var element in initializer.Expressions)
                        {
                            pending.Push(element);
                        }

                        break;
                    case ArrayCreationExpressionSyntax array:
                        added |= AddTypeEdits(set, document, model, array.Type.ElementType);
                        if (array.Initializer is { } arrayInitializer)
                        {
                            pending.Push(arrayInitializer);
                        }

                        break;
                    case ImplicitArrayCreationExpressionSyntax implicitArray:
                        pending.Push(implicitArray.Initializer);
                        break;
                    case ObjectCreationExpressionSyntax creation:
                        added |= AddTypeEdits(set, document, model, creation.Type);
                        if (creation.Initializer is { } collection)
                        {
                            pending.Push(collection);
                        }

                        break;
                    case ImplicitObjectCreationExpressionSyntax { Initializer: { } implicitInitializer }:
                        pending.Push(implicitInitializer);
                        break;
                    case CollectionExpressionSyntax collectionExpression:
                        foreach (var element in collectionExpression.Elements)
                        {
                            if (element is ExpressionElementSyntax { Expression: { } item })
                            {
                                pending.Push(item);
                            }
                        }

                        break;
                }
            }

            return added;
        }

        private static bool IsArithmetic(BinaryExpressionSyntax binary)
            => binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression
                or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression or SyntaxKind.CoalesceExpression;

        private static string DecimalLiteral(string text)
        {
            var last = text[text.Length - 1];
            return (last is 'd' or 'D' or 'f' or 'F' ? text.Substring(0, text.Length - 1) : text) + "m";
        }

        private static bool AddEdit(ChangeSet set, DocumentId document, TextSpan span, string text)
        {
            if (set.Edits.ContainsKey((document, span)))
            {
                return false;
            }

            set.Edits[(document, span)] = text;
            return true;
        }

        private static bool AddTypeEdits(ChangeSet set, DocumentId document, SemanticModel model, TypeSyntax type)
        {
            var added = false;
            foreach (var span in FloatingTypeSpans(model, type))
            {
                added |= AddEdit(set, document, span, "decimal");
            }

            return added;
        }

        // double, float, Double, System.Double and aliases of them inside a type: the spans to replace.
        private static List<TextSpan> FloatingTypeSpans(SemanticModel model, TypeSyntax type)
        {
            var spans = new List<TextSpan>();
            foreach (var node in type.DescendantNodesAndSelf(static n => n is not QualifiedNameSyntax and not AliasQualifiedNameSyntax))
            {
                switch (node)
                {
                    case PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.DoubleKeyword) || predefined.Keyword.IsKind(SyntaxKind.FloatKeyword):
                        spans.Add(predefined.Span);
                        break;
                    case NameSyntax name when node is not GenericNameSyntax
                                              && !(name is IdentifierNameSyntax { IsVar: true })
                                              && model.GetSymbolInfo(name).Symbol is ITypeSymbol { SpecialType: SpecialType.System_Double or SpecialType.System_Single }:
                        spans.Add(name.Span);
                        break;
                }
            }

            return spans;
        }

        private async Task<(Solution Solution, Dictionary<DocumentId, DocumentEdits> Edits)?> ApplyAsync(ChangeSet set)
        {
            var changes = new Dictionary<DocumentId, Dictionary<TextSpan, string>>();
            void Add(DocumentId document, TextSpan span, string text)
            {
                if (!changes.TryGetValue(document, out var byDocument))
                {
                    byDocument = new Dictionary<TextSpan, string>();
                    changes[document] = byDocument;
                }

                byDocument[span] = text;
            }

            foreach (var symbol in set.Symbols)
            {
                var syntax = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
                if (solution.GetDocument(syntax.SyntaxTree) is not { } document
                    || await ModelAsync(document).ConfigureAwait(false) is not { } model
                    || TypeSyntaxOf(syntax) is not { } type)
                {
                    return null;
                }

                if (type.IsVar)
                {
                    if (set.VarToDecimal.Contains(symbol))
                    {
                        Add(document.Id, type.Span, "decimal");
                    }

                    continue; // var with a decimal initializer stays var
                }

                foreach (var span in FloatingTypeSpans(model, type))
                {
                    Add(document.Id, span, "decimal");
                }
            }

            foreach (var edit in set.Edits)
            {
                Add(edit.Key.Document, edit.Key.Span, edit.Value);
            }

            var newSolution = solution;
            var edits = new Dictionary<DocumentId, DocumentEdits>();
            foreach (var byDocument in changes)
            {
                var document = solution.GetDocument(byDocument.Key);
                if (document is null)
                {
                    return null;
                }

                var list = new List<TextChange>();
                foreach (var change in byDocument.Value)
                {
                    list.Add(new TextChange(change.Key, change.Value));
                }

                list.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
                for (var i = 1; i < list.Count; i++)
                {
                    if (list[i].Span.Start < list[i - 1].Span.End)
                    {
                        return null; // overlapping edits: never expected, never applied
                    }
                }

                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                newSolution = newSolution.WithDocumentText(document.Id, text.WithChanges(list));
                edits[document.Id] = new DocumentEdits(list);
            }

            return (newSolution, edits);
        }

        // Errors in every member that declares or references a changed symbol (for a parameter, also
        // the calls to its method); null when one of those members had errors before the change.
        private async Task<List<(DocumentId Document, TextSpan Span)>?> NewErrorsAsync(Solution newSolution, ChangeSet set, Dictionary<DocumentId, DocumentEdits> edits)
        {
            var sites = new Dictionary<DocumentId, HashSet<int>>();
            void AddSite(DocumentId document, int position)
            {
                if (!sites.TryGetValue(document, out var positions))
                {
                    positions = new HashSet<int>();
                    sites[document] = positions;
                }

                positions.Add(position);
            }

            foreach (var symbol in set.Symbols)
            {
                foreach (var (document, position) in await AffectedSitesAsync(symbol).ConfigureAwait(false))
                {
                    AddSite(document, position);
                }
            }

            foreach (var edit in set.Edits)
            {
                AddSite(edit.Key.Document, edit.Key.Span.Start);
            }

            var errors = new List<(DocumentId, TextSpan)>();
            foreach (var site in sites)
            {
                var id = site.Key;
                if (solution.GetDocument(id) is not { } original
                    || await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } originalRoot
                    || await ModelAsync(original).ConfigureAwait(false) is not { } originalModel
                    || newSolution.GetDocument(id) is not { } changed
                    || await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } changedRoot
                    || await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } changedModel)
                {
                    return null;
                }

                edits.TryGetValue(id, out var documentEdits);
                var originalSpans = new HashSet<TextSpan>();
                var changedSpans = new HashSet<TextSpan>();
                foreach (var position in site.Value)
                {
                    originalSpans.Add(EnclosingMember(originalRoot, position));
                    changedSpans.Add(EnclosingMember(changedRoot, documentEdits?.ToNew(position) ?? position));
                }

                foreach (var span in originalSpans)
                {
                    if (!Compiles(id, originalModel, span))
                    {
                        return null;
                    }
                }

                foreach (var span in changedSpans)
                {
                    foreach (var diagnostic in changedModel.GetDiagnostics(span, cancellationToken))
                    {
                        if (diagnostic.Severity == DiagnosticSeverity.Error)
                        {
                            errors.Add((id, diagnostic.Location.SourceSpan));
                        }
                    }
                }
            }

            return errors;
        }

        // The member whose binding an edit or a reference at this position can change: a method,
        // property, field, constructor, operator or type header; every top-level statement at once.
        private static TextSpan EnclosingMember(SyntaxNode root, int position)
        {
            if (position >= root.FullSpan.End)
            {
                return root.FullSpan;
            }

            for (var node = root.FindToken(position).Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case GlobalStatementSyntax:
                        return root.FullSpan;
                    case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax
                        or DelegateDeclarationSyntax or EnumMemberDeclarationSyntax:
                        return node.FullSpan;
                    case BaseTypeDeclarationSyntax type:
                        return type.FullSpan; // a record's or primary constructor's parameter list, a base list
                }
            }

            return root.FullSpan;
        }

        private bool Compiles(DocumentId id, SemanticModel model, TextSpan span)
        {
            if (_compiles.TryGetValue((id, span), out var compiles))
            {
                return compiles;
            }

            compiles = true;
            foreach (var diagnostic in model.GetDiagnostics(span, cancellationToken))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    compiles = false;
                    break;
                }
            }

            _compiles[(id, span)] = compiles;
            return compiles;
        }

        // Where a change to this symbol can break code: its declarations and references and, for a
        // parameter, its method's references (the calls) and a record's property and Deconstruct.
        private async Task<List<(DocumentId Document, int Position)>> AffectedSitesAsync(ISymbol symbol)
        {
            if (_affected.TryGetValue(symbol, out var sites))
            {
                return sites;
            }

            sites = new List<(DocumentId, int)>();
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (solution.GetDocumentId(reference.SyntaxTree) is { } id)
                {
                    sites.Add((id, reference.Span.Start));
                }
            }

            await AddReferencesAsync(symbol, sites).ConfigureAwait(false);
            if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method })
            {
                await AddReferencesAsync(method, sites).ConfigureAwait(false);
                if (method.MethodKind == MethodKind.Constructor)
                {
                    foreach (var member in method.ContainingType.GetMembers())
                    {
                        if ((member is IPropertySymbol property && property.Name == symbol.Name)
                            || member is IMethodSymbol { Name: "Deconstruct" })
                        {
                            await AddReferencesAsync(member, sites).ConfigureAwait(false);
                        }
                    }
                }
            }

            _affected[symbol] = sites;
            return sites;
        }

        private async Task AddReferencesAsync(ISymbol symbol, List<(DocumentId, int)> sites)
        {
            foreach (var referenced in await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in referenced.Locations)
                {
                    sites.Add((location.Document.Id, location.Location.SourceSpan.Start));
                }
            }
        }

        // null: the symbol's new type holds no double or float; true: it still does.
        private async Task<bool?> StillBinaryAsync(Solution newSolution, Dictionary<DocumentId, DocumentEdits> edits, ISymbol symbol)
        {
            var reference = symbol.DeclaringSyntaxReferences[0];
            if (solution.GetDocumentId(reference.SyntaxTree) is not { } id
                || newSolution.GetDocument(id) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                return true;
            }

            if (symbol.Locations.IsEmpty)
            {
                return true;
            }

            var start = symbol.Locations[0].SourceSpan.Start;
            var position = edits.TryGetValue(id, out var documentEdits) ? documentEdits.ToNew(start) : start;
            if (position >= root.FullSpan.End)
            {
                return true;
            }

            var node = root.FindToken(position).Parent;
            var updated = node is null ? null : model.GetDeclaredSymbol(node, cancellationToken);
            return updated is null || MoneyTypeAnalyzer.HoldsBinaryFloatingPoint(TypeOf(updated)) ? true : null;
        }

        // From an error in the changed code, back in the original: the double declarations it reads, the
        // declaration it is stored in, and its literals and creations.
        private async Task<bool> RepairAsync(ChangeSet set, DocumentId id, int start, int end, List<ISymbol>? blamed)
        {
            if (solution.GetDocument(id) is not { } document
                || await ModelAsync(document).ConfigureAwait(false) is not { } model
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                return false;
            }

            var span = TextSpan.FromBounds(start, end < start ? start : end);
            if (!root.FullSpan.Contains(span))
            {
                return false;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var progressed = false;
            var involved = new List<ISymbol>();
            foreach (var name in node.DescendantNodesAndSelf())
            {
                if (name is SimpleNameSyntax && name.Span.IntersectsWith(span)
                    && model.GetSymbolInfo(name, cancellationToken).Symbol is { } referenced
                    && referenced is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol or IMethodSymbol)
                {
                    involved.Add(referenced);
                    progressed |= await TryAddAsync(set, referenced).ConfigureAwait(false);
                }
            }

            if (node is ExpressionSyntax expression)
            {
                progressed |= AddValueEdits(set, id, model, expression);

                // A literal the failing expression passes on (Task.FromResult(0.0), Math.Max(price, 0.5))
                // may be what keeps it double; a wrong guess only fails the compile check again.
                foreach (var literal in expression.DescendantNodes(static n => n is not AnonymousFunctionExpressionSyntax))
                {
                    if (literal is LiteralExpressionSyntax { Token.Value: double or float } real && real.Span.IntersectsWith(span))
                    {
                        progressed |= AddEdit(set, id, real.Token.Span, DecimalLiteral(real.Token.Text));
                    }
                }

                if (StoredIn(expression, model) is { } target)
                {
                    involved.Add(target);
                    progressed |= await TryAddAsync(set, target).ConfigureAwait(false);
                }
            }

            if (!progressed && blamed is not null)
            {
                foreach (var symbol in involved)
                {
                    if (await CanonicalAsync(symbol).ConfigureAwait(false) is { } canonical && set.Symbols.Contains(canonical))
                    {
                        blamed.Add(canonical);
                    }
                }
            }

            return progressed;
        }

        private ISymbol? StoredIn(ExpressionSyntax expression, SemanticModel model)
        {
            SyntaxNode current = expression;
            while (current.Parent is ParenthesizedExpressionSyntax or ConditionalExpressionSyntax or BinaryExpressionSyntax
                       or PrefixUnaryExpressionSyntax or SwitchExpressionArmSyntax or SwitchExpressionSyntax)
            {
                if (current.Parent is ConditionalExpressionSyntax conditional && conditional.Condition == current)
                {
                    return null;
                }

                current = current.Parent;
            }

            switch (current.Parent)
            {
                case EqualsValueClauseSyntax { Parent: { } declaration }:
                    return model.GetDeclaredSymbol(declaration, cancellationToken);
                case AssignmentExpressionSyntax assignment when assignment.Right == current:
                    return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                case ArrowExpressionClauseSyntax or ReturnStatementSyntax:
                    for (var function = current.Parent; function is not null; function = function.Parent)
                    {
                        switch (function)
                        {
                            case AnonymousFunctionExpressionSyntax:
                                return null;
                            case LocalFunctionStatementSyntax or MethodDeclarationSyntax or PropertyDeclarationSyntax:
                                return model.GetDeclaredSymbol(function, cancellationToken);
                            case AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } accessor
                                when accessor.IsKind(SyntaxKind.GetAccessorDeclaration):
                                return model.GetDeclaredSymbol(property, cancellationToken);
                            case MemberDeclarationSyntax:
                                return null;
                        }
                    }

                    return null;
                case ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } call } list } argument:
                    if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
                    {
                        return null;
                    }

                    if (argument.NameColon is { } nameColon)
                    {
                        foreach (var parameter in method.Parameters)
                        {
                            if (parameter.Name == nameColon.Name.Identifier.ValueText)
                            {
                                return parameter;
                            }
                        }

                        return null;
                    }

                    var index = list.Arguments.IndexOf(argument);
                    return index >= 0 && index < method.Parameters.Length ? method.Parameters[index] : null;
                default:
                    return null;
            }
        }
    }
}
