namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>What one generated file holds; each kind is written by its own template.</summary>
internal enum UnitKind
{
    Core,
    Model,
    Helper,
    Service,
    Book,
    Gateway,
    Worker,
    Repository,
    Feed,
    Strategy,
    Settings,
}
