using System.Text;

namespace Dyad.Cli.Output;

/// <summary>
/// Where a command writes its results: a file (`-o`), the real stdout, or the invocation's writer in tests.
/// Console.Out flushes on every write, which would dominate the run time, so the real stdout is written
/// through our own buffered stream instead.
/// </summary>
internal sealed class ResultOutput : IDisposable
{
    private readonly bool owned;

    private ResultOutput(TextWriter writer, bool owned)
    {
        Writer = writer;
        this.owned = owned;
    }

    public TextWriter Writer { get; }

    public static ResultOutput Open(string? path, TextWriter invocationOutput)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (path is not null)
            return new ResultOutput(new StreamWriter(path, append: false, utf8, 1 << 16), owned: true);
        if (ReferenceEquals(invocationOutput, Console.Out))
            return new ResultOutput(new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16), owned: true);
        return new ResultOutput(invocationOutput, owned: false);
    }

    public void Dispose()
    {
        if (owned) Writer.Dispose();
        else Writer.Flush();
    }
}
