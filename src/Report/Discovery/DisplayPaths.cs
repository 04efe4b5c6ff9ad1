using System.Collections.Generic;
using System.IO;

namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>
/// How the report shows a path: relative to its repository root (the nearest directory up that holds
/// <c>.git</c>) when there is one, else relative to the report root when the file is under it, else in
/// full; always '/' separated.
/// </summary>
internal sealed class DisplayPaths(string rootDirectory)
{
    private readonly string _root = PathText.Normalize(rootDirectory);
    private readonly Dictionary<string, string?> _repositoryByDirectory = new(System.StringComparer.Ordinal);

    public string Display(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        if (!PathText.IsAbsolute(path))
        {
            return path;
        }

        if (RepositoryRootOf(path) is { } repository && PathText.RelativeTo(path, repository) is { } inRepository)
        {
            return inRepository;
        }

        return PathText.RelativeTo(path, _root) ?? path;
    }

    /// <summary>The nearest directory above the file holding <c>.git</c> (a directory, or a file in a worktree), or null.</summary>
    public string? RepositoryRootOf(string normalizedPath)
    {
        if (!IsOnThisMachine(normalizedPath))
        {
            return null;
        }

        var visited = new List<string>();
        string? found = null;
        for (var directory = PathText.Parent(normalizedPath); directory is not null; directory = PathText.Parent(directory))
        {
            if (_repositoryByDirectory.TryGetValue(directory, out found))
            {
                break;
            }

            visited.Add(directory);
            var git = PathText.Combine(directory, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                found = directory;
                break;
            }
        }

        foreach (var directory in visited)
        {
            _repositoryByDirectory[directory] = found;
        }

        return found;
    }

    /// <summary>
    /// Whether the path can name a file here: a Windows path read on Linux cannot (and must not be
    /// looked up relative to the current directory).
    /// </summary>
    public static bool IsOnThisMachine(string normalizedPath)
        => PathText.IsAbsolute(normalizedPath) && Path.IsPathRooted(normalizedPath);
}
