using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

// Each source has one `.Result` (or one `.Wait()`): the use site whose task is asked about, exactly
// as RDY102 asks (the task expression, and the member access or invocation that reads it).
public sealed class TaskCompletionTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    private const string Prelude = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        sealed class Desk
        {
            private readonly Task<int> _pending = Task.FromResult(0);
            private bool _cancelled;
            private Task<int> Pending => _pending;

            private static Task<int> NextAsync() => Task.FromResult(1);

        """;

    [Theory]
    [InlineData("async Task<int> Fill(Task<int> t) { await t; return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { await t.ConfigureAwait(false); return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { await t.WaitAsync(TimeSpan.FromMilliseconds(50)); return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { if (await t > 0) { } return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t, bool ok) { await t; if (ok) { return t.Result; } return 0; }")]
    [InlineData("async Task<int> Fill() { await _pending; return this._pending.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> a, Task<int> t) { await Task.WhenAll(a, t); return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> a, Task<int> t) { await Task.WhenAll(new[] { a, t }).ConfigureAwait(false); return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int>[] tasks) { await Task.WhenAll(tasks); return tasks[0].Result; }")]
    [InlineData("async Task<int> Fill(Task<int>[] tasks) { await Task.WhenAll(tasks); var sum = 0; foreach (var x in tasks) { sum += x.Result; } return sum; }")]
    [InlineData("int Peek(Task<int> t) { if (t.IsCompleted) { return t.Result; } return 0; }")]
    [InlineData("int Peek(Task<int> t, bool ok) { if (t.IsCompletedSuccessfully && ok) { return t.Result; } return 0; }")]
    [InlineData("int Peek(Task<int> t) { if ((t.IsFaulted)) return t.Result; return 0; }")]
    [InlineData("int Peek(Task<int> t) { if (!t.IsCompleted) { return 0; } else { return t.Result; } }")]
    [InlineData("int Peek(Task<int> t) => t.IsCompleted ? t.Result : 0;")]
    [InlineData("int Peek(Task<int> t) => !t.IsCompleted ? 0 : t.Result;")]
    [InlineData("int Peek(Task<int> t) => t.Status == TaskStatus.RanToCompletion ? t.Result : 0;")]
    [InlineData("bool Peek(Task<int> t) => t.IsCompleted && t.Result > 0;")]
    [InlineData("bool Peek(Task<int> t) => !t.IsCompleted || t.Result > 0;")]
    [InlineData("void Peek(Task<int> t) { if (!t.IsCompleted) return; Console.WriteLine(t.Result); }")]
    [InlineData("void Peek(Task<int> t, bool ok) { if (!t.IsCompleted) { throw new InvalidOperationException(); } if (ok) { Console.WriteLine(t.Result); } }")]
    [InlineData("async Task<int> Fill(Task<int> t) { if (!t.IsCompleted) await t; return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { if (!t.IsCompleted) { await t.ConfigureAwait(false); } return t.Result; }")]
    [InlineData("int Spin(Task<int> t) { while (!t.IsCompleted) { Thread.SpinWait(10); } return t.Result; }")]
    [InlineData("int Quote() => Task.FromResult(1).Result;")]
    [InlineData("int Quote() => (Task.FromResult(1)).Result;")]
    public void IsKnownComplete_TaskProvenComplete_IsTrue(string members)
        => Assert.True(IsKnownComplete(members));

    [Fact]
    public void IsKnownComplete_CompletedTask_IsTrue()
        => Assert.True(IsKnownComplete("void Flush() => Task.CompletedTask.Wait();", "Wait"));

    [Fact]
    public void IsKnownComplete_AwaitedInTopLevelStatements_IsTrue()
    {
        var compilation = fixture.Compile(
            """
            using System;
            using System.Threading.Tasks;

            Task<int> fill = Task.Run(() => 42);
            await fill;
            Console.WriteLine(fill.Result);
            """,
            OutputKind.ConsoleApplication);

        Assert.True(IsKnownComplete(compilation, "Result"));
    }

    [Theory]
    [InlineData("int Fill(Task<int> t) => t.Result;")]
    [InlineData("void Flush(Task t) => t.Wait();", "Wait")]
    [InlineData("async Task<int> Fill(Task<int> t, bool ok) { if (ok) { await t; } return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t, bool ok) { if (ok) await t; return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t, bool ok) { var r = ok ? await t : 0; return r + t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t, bool ok) { var r = ok && await t > 0; return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t, int n) { for (var i = 0; i < n; i++) { await t; } return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t, int n) { switch (n) { case 1: await t; break; } return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { var r = t.Result; await t; return r; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { await t; t = NextAsync(); return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { await t; var sum = 0; for (var i = 0; i < 3; i++) { sum += t.Result; t = NextAsync(); } return sum; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { await t; var sum = 0; while (sum < 10) { sum += t.Result; Replace(out t); } return sum; } static void Replace(out Task<int> t) => t = NextAsync();")]
    [InlineData("async Task<int> Fill(Task<int> t) { Func<Task> later = async () => await t; await later(); return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> t) { try { await t; } catch (InvalidOperationException) { } return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> a, Task<int> t) { await Task.WhenAny(a, t); return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> a, Task<int> t) { await a; return t.Result; }")]
    [InlineData("async Task<int> Fill(Task<int> a, Task<int>[] tasks) { await a; return tasks[0].Result; }")]
    [InlineData("async Task<int> Fill() { await Pending; return Pending.Result; }")]
    [InlineData("int Peek(Task<int> t, Task<int> other) { if (other.IsCompleted) { return t.Result; } return 0; }")]
    [InlineData("int Peek(Task<int> t) { if (!t.IsCompleted) { return t.Result; } return 0; }")]
    [InlineData("int Peek(Task<int> t) { if (t.IsCompleted) { } else { return t.Result; } return 0; }")]
    [InlineData("int Peek(Task<int> t, bool ok) { if (t.IsCompleted || ok) { return t.Result; } return 0; }")]
    [InlineData("int Peek(Task<int> t, bool ok) { if (t.IsCompleted && ok) { return 0; } else { return t.Result; } }")]
    [InlineData("int Peek(Task<int> t, bool ok) => t.IsCompleted || ok ? t.Result : 0;")]
    [InlineData("bool Peek(Task<int> t) => t.Result > 0 && t.IsCompleted;")]
    [InlineData("void Peek(Task<int> t) { if (!t.IsCompleted) { Console.WriteLine(); } Console.WriteLine(t.Result); }")]
    [InlineData("int Peek(Task<int> t) { if (!t.IsCompleted) return 0; t = NextAsync(); return t.Result; }")]
    public void IsKnownComplete_TaskNotProvenComplete_IsFalse(string members, string use = "Result")
        => Assert.False(IsKnownComplete(members, use));

    [Fact]
    public void IsKnownComplete_TaskReassignedInsideTheCompletionGuard_IsFalse()
        => Assert.False(IsKnownComplete("int Peek(Task<int> t) { if (t.IsCompleted) { t = NextAsync(); return t.Result; } return 0; }"));

    [Fact]
    public void IsKnownComplete_SpinLoopThatCanBreakOut_IsFalse()
        => Assert.False(IsKnownComplete("int Spin(Task<int> t) { while (!t.IsCompleted) { if (_cancelled) { break; } } return t.Result; }"));

    private bool IsKnownComplete(string members, string use = "Result")
        => IsKnownComplete(fixture.Compile(Prelude + members + "\n}\n"), use);

    private static bool IsKnownComplete(Compilation compilation, string use)
    {
        var tree = compilation.SyntaxTrees.Single();
        var access = tree.GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Single(m => m.Name.Identifier.Text == use);
        var useSite = access.Parent is InvocationExpressionSyntax invocation ? invocation : (SyntaxNode)access;
        return TaskCompletion.IsKnownComplete(access.Expression, useSite, compilation.GetSemanticModel(tree), CancellationToken.None);
    }
}
