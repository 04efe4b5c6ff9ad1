namespace ReadinessAnalyzers.Tests.Robustness.Corpus;

/// <summary>Embedded corpus: the user's own hot-path marker (the package ships no runtime types).</summary>
internal static class HotPathAttributeSource
{
    public const string Path = "Engine/HotPathAttribute.cs";

    public const string Text = """
        using System;

        namespace Contoso.Trading.Engine;

        /// <summary>Code that runs between a quote arriving and an order leaving.</summary>
        [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
        public sealed class HotPathAttribute : Attribute
        {
        }
        """;
}
