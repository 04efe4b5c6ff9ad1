using ReadinessAnalyzers.Report.Discovery;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

public sealed class NamespaceScannerTests
{
    [Fact]
    public void FileScopedNamespace_CoversTheRestOfTheFile()
    {
        var file = NamespaceScanner.Scan("using System;\n\nnamespace Engine.Orders;\n\nclass Router\n{\n}\n");

        Assert.Equal("(global)", file.NamespaceAt(1, 1));
        Assert.Equal("Engine.Orders", file.NamespaceAt(5, 1));
        Assert.Equal("Engine.Orders", file.FirstNamespace);
        Assert.Equal(5, file.NonBlankLines);
    }

    [Fact]
    public void NestedBlockNamespaces_AreJoinedWithDots()
    {
        var file = NamespaceScanner.Scan("""
            namespace Engine
            {
                namespace Risk.Limits
                {
                    class A { }
                }

                class B { }
            }

            class C { }
            namespace Other { class D { } }
            """);

        Assert.Equal("Engine.Risk.Limits", file.NamespaceAt(5, 9));
        Assert.Equal("Engine", file.NamespaceAt(8, 5));
        Assert.Equal("(global)", file.NamespaceAt(11, 1));
        Assert.Equal("Other", file.NamespaceAt(12, 25));
        Assert.Equal("(global)", file.NamespaceAt(12, 1));
        Assert.Equal("Engine", file.FirstNamespace);
    }

    [Fact]
    public void BracesInCommentsStringsAndCharacters_DoNotCount()
    {
        var file = NamespaceScanner.Scan(""""
            namespace Engine
            {
                // a } in a comment
                /* and } in a block
                   comment { */
                class A
                {
                    string s = "}}";
                    string v = @"C:\dir\"" }";
                    string i = $"{x} }}";
                    string r = """
                        }} raw "" }
                        """;
                    char c = '}';
                    char q = '\'';
                }

                class B { }
            }
            class Outside { }
            """");

        Assert.Equal("Engine", file.NamespaceAt(18, 5));
        Assert.Equal("(global)", file.NamespaceAt(20, 1));
    }

    [Fact]
    public void NamespaceInsideAStringOrComment_IsNotADeclaration()
    {
        var file = NamespaceScanner.Scan("// namespace Fake;\nclass A { string s = \"namespace Fake2;\"; int @namespace; }\n");

        Assert.Equal("(global)", file.NamespaceAt(2, 5));
        Assert.Equal("(global)", file.FirstNamespace);
    }

    [Fact]
    public void NonBlankLines_CountCommentsButNotWhitespace()
    {
        var file = NamespaceScanner.Scan("// header\n\n   \n\t\nclass A\r\n{\r\n    /*\n\n    */\n}");

        Assert.Equal(6, file.NonBlankLines); // header, class, {, /*, */, }
    }

    [Fact]
    public void UnterminatedConstructs_DoNotThrow()
    {
        foreach (var text in new[] { "namespace", "namespace A", "namespace A {", "\"abc", "/* open", "'", "@\"", "$\"\"\"", "}}}" })
        {
            var file = NamespaceScanner.Scan(text);
            Assert.NotNull(file.NamespaceAt(1, 1));
        }
    }
}
