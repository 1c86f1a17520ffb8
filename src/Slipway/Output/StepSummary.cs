using System.Text;

namespace Slipway.Output;

/// <summary>Appends to the step summary file, masking secrets; thread-safe.</summary>
internal sealed class StepSummary : IStepSummary
{
    private readonly SecretRedactor redactor;
    private readonly bool isShared;
    private readonly Lock gate = new();

    public StepSummary(AbsolutePath file, SecretRedactor redactor, bool isShared)
    {
        File = file;
        this.redactor = redactor;
        this.isShared = isShared;
    }

    public AbsolutePath File { get; }

    /// <summary>
    /// A local summary holds one build's results: it starts empty. The CI's file belongs to the whole job, whose
    /// other steps append to it too, so it is never emptied here.
    /// </summary>
    public void StartRun()
    {
        if (!isShared && File.FileExists)
        {
            System.IO.File.Delete(File);
        }
    }

    public void WriteText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '<' or '>' or '(' or ')' or '#' or '+' or '-' or '!' or '|' or '~')
            {
                escaped.Append('\\');
            }

            // A single newline would join lines into one paragraph: a Markdown hard break keeps them apart.
            escaped.Append(c == '\n' ? "  \n" : c.ToString());
        }

        Append(escaped.ToString());
    }

    public void WriteMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        Append(markdown.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    private void Append(string block)
    {
        lock (gate)
        {
            File.Parent?.CreateDirectory();
            System.IO.File.AppendAllText(File, redactor.Redact(block) + "\n\n");
        }
    }
}
