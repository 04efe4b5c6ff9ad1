using System;
using System.IO;

namespace ReadinessAnalyzers.Tests;

/// <summary>The repository checkout the tests run from: the folder holding ReadinessAnalyzers.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    /// <summary>The absolute path of the repository root.</summary>
    public static string Path => s_path.Value;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ReadinessAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReadinessAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
