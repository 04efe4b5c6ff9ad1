using System;
using System.Collections.Generic;
using System.IO;

namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>Source files read once each: a finding's namespace and the size count share one scan.</summary>
internal sealed class SourceFiles
{
    private readonly Dictionary<string, SourceFile?> _files = new(StringComparer.Ordinal);

    /// <summary>The scanned file, or null when it is not on this machine or cannot be read.</summary>
    public SourceFile? Get(string normalizedPath)
    {
        if (_files.TryGetValue(normalizedPath, out var file))
        {
            return file;
        }

        file = null;
        if (DisplayPaths.IsOnThisMachine(normalizedPath) && File.Exists(normalizedPath))
        {
            try
            {
                file = NamespaceScanner.Scan(File.ReadAllText(normalizedPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                file = null;
            }
        }

        _files[normalizedPath] = file;
        return file;
    }
}
