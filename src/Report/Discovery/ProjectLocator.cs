using System;
using System.Collections.Generic;
using System.IO;

namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>
/// The project of a file: the nearest <c>*.csproj</c> walking up from it, no higher than its repository
/// root. Cached per directory.
/// </summary>
internal sealed class ProjectLocator(DisplayPaths paths)
{
    private readonly Dictionary<string, ProjectInfo?> _byDirectory = new(StringComparer.Ordinal);

    /// <summary>The project, or null when the file is not on disk here or no project file is above it.</summary>
    public ProjectInfo? Find(string normalizedPath)
    {
        if (!DisplayPaths.IsOnThisMachine(normalizedPath))
        {
            return null;
        }

        var repository = paths.RepositoryRootOf(normalizedPath);
        var visited = new List<string>();
        ProjectInfo? found = null;
        for (var directory = PathText.Parent(normalizedPath); directory is not null; directory = PathText.Parent(directory))
        {
            if (_byDirectory.TryGetValue(directory, out found))
            {
                break;
            }

            visited.Add(directory);
            found = ProjectIn(directory);
            if (found is not null || string.Equals(directory, repository, StringComparison.Ordinal))
            {
                break;
            }
        }

        foreach (var directory in visited)
        {
            _byDirectory[directory] = found;
        }

        return found;
    }

    private static ProjectInfo? ProjectIn(string directory)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                return null;
            }

            string? first = null;
            foreach (var file in Directory.EnumerateFiles(directory, "*.csproj"))
            {
                var name = PathText.FileName(PathText.Normalize(file));
                if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                    && (first is null || string.CompareOrdinal(name, first) < 0))
                {
                    first = name; // two project files in one folder: the first by name, so every run agrees
                }
            }

            return first is null ? null : new ProjectInfo(first[..^".csproj".Length], directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
