namespace Slipway.CommandLine;

/// <summary>An option as typed: <c>--base-image x</c> is ("base-image", ["x"]); a bare flag has no values.</summary>
internal sealed record CommandLineOption(string Name, IReadOnlyList<string> Values)
{
    public string Spelling => "--" + Name;
}

/// <summary>The command line split into the targets named first and the options after them.</summary>
internal sealed record CommandLineArguments(IReadOnlyList<string> Targets, IReadOnlyList<CommandLineOption> Options)
{
    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new List<CommandLineOption>();
        string? currentName = null;
        List<string>? currentValues = null;
        foreach (var arg in args)
        {
            if (IsOptionName(arg))
            {
                Flush();
                var name = arg.TrimStart('-');
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    options.Add(new CommandLineOption(name[..equals], [name[(equals + 1)..]]));
                    continue;
                }

                currentName = arg is "-h" or "-?" ? "help" : name;
                currentValues = [];
            }
            else if (currentValues is not null)
            {
                currentValues.Add(arg);
            }
            else
            {
                targets.Add(arg);
            }
        }

        Flush();
        return new CommandLineArguments(targets, options);

        void Flush()
        {
            if (currentName is not null)
            {
                options.Add(new CommandLineOption(currentName, currentValues!));
            }

            currentName = null;
            currentValues = null;
        }
    }

    // "-5" or "-" alone is a value (a negative number, stdin), not an option.
    private static bool IsOptionName(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2
        || arg is "-h" or "-?";
}
