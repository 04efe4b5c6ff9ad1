namespace ReadinessAnalyzers.Infrastructure;

/// <summary>What <see cref="Names.MatchSecret"/> found in an identifier.</summary>
internal enum SecretMatch
{
    /// <summary>Not secret-like.</summary>
    None,

    /// <summary>Secret-like only through the word <c>token</c>.</summary>
    TokenOnly,

    /// <summary>Secret-like through a word other than <c>token</c> (key, secret, password, …).</summary>
    Secret,
}
