using System.Collections.Generic;
using System.IO;
using ReadinessAnalyzers.Report.Discovery;
using ReadinessAnalyzers.Report.Sarif;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>
/// Artifact URIs to paths and paths to what the report shows, for logs written on Linux and on Windows
/// build agents. The Windows paths need not exist: a report may be rendered on another machine.
/// </summary>
public sealed class PathTests
{
    private static readonly Dictionary<string, SarifUri.UriBase> s_noBases = [];

    [Theory]
    [InlineData("file:///home/x/repo/src/A.cs", "/home/x/repo/src/A.cs")]
    [InlineData("file:///C:/agent/_work/1/s/src/A.cs", "C:/agent/_work/1/s/src/A.cs")]
    [InlineData("file:///c:/agent/src/A.cs", "C:/agent/src/A.cs")]
    [InlineData("file:///C:/agent/my%20repo/A.cs", "C:/agent/my repo/A.cs")]
    [InlineData("file:///home/x/my%20repo/A%2B.cs", "/home/x/my repo/A+.cs")]
    [InlineData("file://server/share/src/A.cs", "//server/share/src/A.cs")]
    [InlineData("file://localhost/home/x/A.cs", "/home/x/A.cs")]
    [InlineData("C:\\agent\\src\\A.cs", "C:/agent/src/A.cs")]
    [InlineData("C:/agent/src/./sub/../A.cs", "C:/agent/src/A.cs")]
    [InlineData("\\\\server\\share\\A.cs", "//server/share/A.cs")]
    [InlineData("/home/x/repo//src/A.cs", "/home/x/repo/src/A.cs")]
    [InlineData("src\\Orders\\A.cs", "src/Orders/A.cs")]
    [InlineData("https://example.com/A.cs", "https://example.com/A.cs")]
    public void Uri_BecomesANormalizedPath(string uri, string expected)
        => Assert.Equal(expected, SarifUri.ToPath(uri, null, s_noBases));

    [Theory]
    [InlineData("src/A.cs", "SRCROOT", "/home/x/repo/src/A.cs")]
    [InlineData("src/A.cs", "WINROOT", "C:/agent/_work/1/s/src/A.cs")]
    [InlineData("../lib/B.cs", "SRCROOT", "/home/x/lib/B.cs")]
    [InlineData("src/A.cs", "NESTED", "/home/x/repo/engine/src/A.cs")]
    [InlineData("src/A.cs", "UNKNOWN", "src/A.cs")]
    [InlineData("/abs/A.cs", "SRCROOT", "/abs/A.cs")]
    public void RelativeUri_IsResolvedAgainstItsBase(string uri, string baseId, string expected)
    {
        var bases = new Dictionary<string, SarifUri.UriBase>
        {
            ["SRCROOT"] = new("file:///home/x/repo/", null),
            ["WINROOT"] = new("file:///C:/agent/_work/1/s/", null),
            ["NESTED"] = new("engine/", "SRCROOT"),
        };

        Assert.Equal(expected, SarifUri.ToPath(uri, baseId, bases));
    }

    [Theory]
    [InlineData("C:/agent/_work/1/s/src/A.cs", "C:\\agent\\_work\\1\\s", "src/A.cs")]
    [InlineData("C:/agent/_work/1/s/src/A.cs", "c:/Agent/_work/1/s/", "src/A.cs")]
    [InlineData("C:/agent/src/A.cs", "C:/other", "C:/agent/src/A.cs")]
    [InlineData("/home/x/repo/src/A.cs", "/home/x/repo", "src/A.cs")]
    [InlineData("/home/x/repo/src/A.cs", "/home/x/Repo", "/home/x/repo/src/A.cs")]
    [InlineData("/home/x/repo2/A.cs", "/home/x/repo", "/home/x/repo2/A.cs")]
    [InlineData("src/Orders/A.cs", "/anywhere", "src/Orders/A.cs")]
    [InlineData("//server/share/src/A.cs", "\\\\server\\share", "src/A.cs")]
    public void PathOutsideARepository_IsShownRelativeToTheRootWhenUnderIt(string path, string root, string expected)
        => Assert.Equal(expected, new DisplayPaths(root).Display(path));

    [Fact]
    public void PathInsideARepository_IsShownRelativeToTheRepositoryRoot()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(tree.PathOf("repo/.git"));
        tree.Write("worktree/.git", "gitdir: /elsewhere/.git/worktrees/w\n"); // a worktree's .git is a file
        var paths = new DisplayPaths(tree.Root);

        var inRepo = PathText.Normalize(tree.PathOf("repo/src/Orders/A.cs"));
        var inWorktree = PathText.Normalize(tree.PathOf("worktree/src/B.cs"));
        var outside = PathText.Normalize(tree.PathOf("loose/C.cs"));

        Assert.Equal("src/Orders/A.cs", paths.Display(inRepo));
        Assert.Equal("src/B.cs", paths.Display(inWorktree));
        Assert.Equal("loose/C.cs", paths.Display(outside));
        Assert.Equal(PathText.Normalize(tree.PathOf("repo")), paths.RepositoryRootOf(inRepo));
    }

    [Theory]
    [InlineData("/a/b/c.cs", "/a/b")]
    [InlineData("/a", "/")]
    [InlineData("/", null)]
    [InlineData("C:/a/b.cs", "C:/a")]
    [InlineData("C:/a", "C:/")]
    [InlineData("C:/", null)]
    [InlineData("//server/share/a.cs", "//server/share")]
    [InlineData("//server/share", null)]
    public void Parent_StopsAtTheRoot(string path, string? expected) => Assert.Equal(expected, PathText.Parent(path));
}
