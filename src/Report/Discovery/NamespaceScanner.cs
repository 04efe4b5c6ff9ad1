using System.Collections.Generic;
using System.Text;

namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>
/// A light text scan of C# source: counts non-blank lines and finds <c>namespace A.B;</c> and
/// <c>namespace A.B { }</c> declarations (nested blocks joined with '.'). Comments, strings and character
/// literals are skipped so their braces do not count; this is not a parser, and an interpolation hole that
/// holds a string literal can confuse it. Columns are UTF-16 code units, as in the compiler's SARIF.
/// </summary>
internal static class NamespaceScanner
{
    public static SourceFile Scan(string text)
    {
        var scan = new Scanner(text);
        scan.Run();
        return new SourceFile(scan.NonBlankLines, scan.Changes);
    }

    private sealed class Scanner(string text)
    {
        private readonly List<(string Name, int Depth)> _blocks = [];
        private string _fileScoped = "";
        private int _depth;
        private int _index;
        private int _line = 1;
        private int _lineStart;
        private bool _lineHasText;

        public int NonBlankLines { get; private set; }

        public List<SourceFile.NamespaceChange> Changes { get; } = [];

        public void Run()
        {
            while (_index < text.Length)
            {
                var c = text[_index];
                if (c == '\n')
                {
                    NewLine();
                    continue;
                }

                if (!char.IsWhiteSpace(c))
                {
                    _lineHasText = true;
                }

                if (c == '/' && Peek(1) == '/')
                {
                    SkipToEndOfLine();
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    SkipBlockComment();
                }
                else if (c is '"' or '$' or '@' && StringStart() is { } start)
                {
                    SkipString(start);
                }
                else if (c == '\'')
                {
                    SkipCharLiteral();
                }
                else if (c == '{')
                {
                    _depth++;
                    _index++;
                }
                else if (c == '}')
                {
                    _depth--;
                    _index++;
                    if (_blocks.Count > 0 && _blocks[^1].Depth == _depth)
                    {
                        _blocks.RemoveAt(_blocks.Count - 1);
                        Record();
                    }
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    Word();
                }
                else
                {
                    _index++;
                }
            }

            if (_lineHasText)
            {
                NonBlankLines++;
            }
        }

        private char Peek(int offset) => _index + offset < text.Length ? text[_index + offset] : '\0';

        private void NewLine()
        {
            if (_lineHasText)
            {
                NonBlankLines++;
            }

            _lineHasText = false;
            _index++;
            _line++;
            _lineStart = _index;
        }

        private void SkipToEndOfLine()
        {
            while (_index < text.Length && text[_index] != '\n')
            {
                _index++;
            }
        }

        private void SkipBlockComment()
        {
            _index += 2;
            while (_index < text.Length && !(text[_index] == '*' && Peek(1) == '/'))
            {
                Advance();
            }

            _lineHasText = true; // the closing "*/"
            _index += 2;
        }

        /// <summary>Moves one character, counting lines and non-blank lines inside comments and strings.</summary>
        private void Advance()
        {
            if (text[_index] == '\n')
            {
                NewLine();
                return;
            }

            if (!char.IsWhiteSpace(text[_index]))
            {
                _lineHasText = true;
            }

            _index++;
        }

        /// <summary>A string literal starting here ($, @ and raw prefixes included), or null.</summary>
        private StringKind? StringStart()
        {
            var i = _index;
            var verbatim = false;
            while (i < text.Length && text[i] is '$' or '@')
            {
                verbatim |= text[i] == '@';
                i++;
            }

            if (i >= text.Length || text[i] != '"')
            {
                return null;
            }

            var quotes = 0;
            while (i + quotes < text.Length && text[i + quotes] == '"')
            {
                quotes++;
            }

            _index = i;
            if (quotes >= 3)
            {
                return new StringKind(Raw: quotes, Verbatim: false);
            }

            return new StringKind(Raw: 0, Verbatim: verbatim);
        }

        private void SkipString(StringKind kind)
        {
            if (kind.Raw > 0)
            {
                _index += kind.Raw;
                while (_index < text.Length && !ClosesRaw(kind.Raw))
                {
                    Advance();
                }

                _lineHasText = true; // the closing quotes
                _index += kind.Raw;
                return;
            }

            _index++; // opening quote
            while (_index < text.Length)
            {
                var c = text[_index];
                if (c == '"')
                {
                    if (kind.Verbatim && Peek(1) == '"')
                    {
                        _index += 2; // "" inside a verbatim string
                        continue;
                    }

                    _lineHasText = true; // the closing quote
                    _index++;
                    return;
                }

                if (c == '\\' && !kind.Verbatim && Peek(1) != '\n')
                {
                    _index += 2;
                    continue;
                }

                if (c == '\n' && !kind.Verbatim)
                {
                    return; // an unterminated regular string ends at the line
                }

                Advance();
            }
        }

        private bool ClosesRaw(int quotes)
        {
            for (var k = 0; k < quotes; k++)
            {
                if (Peek(k) != '"')
                {
                    return false;
                }
            }

            return true;
        }

        private void SkipCharLiteral()
        {
            _index++;
            for (var n = 0; _index < text.Length && n < 12; n++)
            {
                var c = text[_index];
                if (c == '\n')
                {
                    return;
                }

                _index += c == '\\' && Peek(1) != '\n' ? 2 : 1;
                if (c == '\'')
                {
                    return;
                }
            }
        }

        private void Word()
        {
            var start = _index;
            var preceded = start > 0 ? text[start - 1] : '\0';
            while (_index < text.Length && IsIdentifierPart(text[_index]))
            {
                _index++;
            }

            if (_index - start != "namespace".Length
                || string.CompareOrdinal(text, start, "namespace", 0, "namespace".Length) != 0
                || preceded is '.' or '@' || IsIdentifierPart(preceded))
            {
                return;
            }

            var name = new StringBuilder();
            SkipSpaces();
            while (_index < text.Length && (char.IsLetter(text[_index]) || text[_index] == '_'))
            {
                var part = _index;
                while (_index < text.Length && IsIdentifierPart(text[_index]))
                {
                    _index++;
                }

                name.Append(text, part, _index - part);
                SkipSpaces();
                if (_index < text.Length && text[_index] == '.')
                {
                    name.Append('.');
                    _index++;
                    SkipSpaces();
                }
            }

            if (name.Length == 0 || _index >= text.Length)
            {
                return;
            }

            if (text[_index] == ';')
            {
                _index++;
                _fileScoped = name.ToString();
                Record();
            }
            else if (text[_index] == '{')
            {
                _blocks.Add((name.ToString(), _depth));
                _depth++;
                _index++;
                Record();
            }
        }

        private void SkipSpaces()
        {
            while (_index < text.Length && char.IsWhiteSpace(text[_index]))
            {
                Advance();
            }
        }

        private void Record()
        {
            var name = new StringBuilder(_fileScoped);
            foreach (var (block, _) in _blocks)
            {
                if (name.Length > 0)
                {
                    name.Append('.');
                }

                name.Append(block);
            }

            Changes.Add(new SourceFile.NamespaceChange(_line, _index - _lineStart + 1, name.ToString()));
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }

    private readonly record struct StringKind(int Raw, bool Verbatim);
}
