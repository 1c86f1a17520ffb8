using System.Text.Json;

namespace Slipway.Tools.AwsModelGenerator;

/// <summary>
/// Writes, for one service: a class per structure the operations reach (every member, its documentation, its wire
/// name, <c>[AwsRequired]</c> and <c>[AwsSensitive]</c> from the model), the constants of every enum they reach, an
/// exception per error they declare, the error-code map, and the operations of the client interface and class.
/// </summary>
internal sealed class ModelGenerator
{
    /// <summary>Errors every AWS service can answer, which Slipway.Aws maps to its own shared types.</summary>
    private static readonly HashSet<string> CommonErrors = new(StringComparer.Ordinal) { "AccessDeniedException", "ThrottlingException" };

    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get", "BatchGet"];

    private readonly ServiceSpec spec;
    private readonly ServiceModel model;
    private readonly SortedSet<string> reachable;

    public ModelGenerator(ServiceSpec spec, ServiceModel model)
    {
        this.spec = spec;
        this.model = model;
        reachable = model.Reachable(spec.Operations);
    }

    /// <summary>Every file of every service, read from the models under <paramref name="modelDirectory"/>.</summary>
    public static IReadOnlyList<GeneratedFile> GenerateAll(string modelDirectory)
        => ServiceSpec.All.SelectMany(spec => new ModelGenerator(spec, ServiceModel.Load(Path.Combine(modelDirectory, spec.ModelFile))).Generate()).ToList();

    /// <summary>The folders the generator owns: every <c>*.g.cs</c> in them is its output.</summary>
    public static IEnumerable<string> OutputDirectories => ServiceSpec.All.SelectMany(s => new[] { s.Directory, s.ModelDirectory });

    public IEnumerable<GeneratedFile> Generate()
    {
        foreach (var name in reachable)
        {
            var shape = model.Shape(name);
            if (ServiceModel.Kind(shape) == "structure" && !ServiceModel.Flag(shape, "exception") && !ServiceModel.Flag(shape, "document"))
            {
                yield return new($"{spec.ModelDirectory}/{name}.g.cs", Structure(name, shape));
            }
        }

        yield return new($"{spec.ModelDirectory}/{spec.Prefix}EnumValues.g.cs", Enums());
        yield return new($"{spec.ModelDirectory}/{spec.Prefix}Exceptions.g.cs", Exceptions());
        yield return new($"{spec.Directory}/{spec.Prefix}Errors.g.cs", ErrorMap());
        yield return new($"{spec.Directory}/{spec.InterfaceName}.g.cs", Interface());
        yield return new($"{spec.Directory}/{spec.ClientName}.g.cs", Client());
    }

    private CodeWriter Writer(string @namespace, params string[] usings) => new(spec.ModelFile, usings, @namespace);

    private string Structure(string name, JsonElement shape)
    {
        var writer = Writer(spec.ModelNamespace, "System.Text.Json.Serialization");
        var fallback = name.EndsWith("Request", StringComparison.Ordinal) ? $"The input of {name[..^"Request".Length]}."
            : name.EndsWith("Response", StringComparison.Ordinal) ? $"The output of {name[..^"Response".Length]}." : null;
        writer.Doc(DocText.Summary(ServiceModel.Text(shape, "documentation"), fallback ?? $"The {name} shape."));
        if (ServiceModel.Flag(shape, "sensitive"))
        {
            writer.Line("[AwsSensitive]");
        }

        writer.Open($"public sealed partial class {name}");
        var required = ServiceModel.Required(shape);
        var names = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var (memberName, member) in ServiceModel.Members(shape))
        {
            var property = Naming.Property(memberName);
            if (!names.Add(property))
            {
                throw new InvalidOperationException($"{name}.{memberName}: the C# name {property} is taken (by the class or another member).");
            }

            var target = model.Shape(ServiceModel.ShapeOf(member));
            var doc = DocText.Summary(ServiceModel.Text(member, "documentation") ?? ServiceModel.Text(target, "documentation"), $"The {memberName} member.").ToList();
            if (ServiceModel.Flag(member, "deprecated"))
            {
                var message = ServiceModel.Text(member, "deprecatedMessage");
                doc.Insert(doc.Count - 1, "<para>");
                doc.Insert(doc.Count - 1, "Deprecated in the model" + (message is null ? "." : ": " + DocText.Plain(message)));
                doc.Insert(doc.Count - 1, "</para>");
            }

            writer.Doc(doc);
            if (required.Contains(memberName))
            {
                writer.Line("[AwsRequired]");
            }

            if (ServiceModel.Flag(target, "sensitive") || ServiceModel.Flag(member, "sensitive"))
            {
                writer.Line("[AwsSensitive]");
            }

            writer.Line($"[JsonPropertyName({Naming.Literal(memberName)})]");
            writer.Line($"public {TypeOf(ServiceModel.ShapeOf(member))}? {property} {{ get; set; }}");
            writer.Line();
        }

        return writer.Close().ToString();
    }

    private string TypeOf(string shapeName)
    {
        var shape = model.Shape(shapeName);
        return ServiceModel.Kind(shape) switch
        {
            "structure" when ServiceModel.Flag(shape, "document") => "System.Text.Json.Nodes.JsonNode",
            "structure" => shapeName,
            "list" => $"IList<{TypeOf(ServiceModel.ShapeOf(shape.GetProperty("member")))}>",
            "map" => $"IDictionary<{TypeOf(ServiceModel.ShapeOf(shape.GetProperty("key")))}, {TypeOf(ServiceModel.ShapeOf(shape.GetProperty("value")))}>",
            "string" => "string",
            "integer" => "int",
            "long" => "long",
            "boolean" => "bool",
            "double" or "float" => "double",
            "timestamp" => "DateTime",
            "blob" => "byte[]",
            var kind => throw new NotSupportedException($"{shapeName}: shapes of type {kind} are not supported."),
        };
    }

    private string Enums()
    {
        var writer = Writer(spec.ModelNamespace);
        foreach (var name in reachable)
        {
            var shape = model.Shape(name);
            if (ServiceModel.Kind(shape) != "string" || !shape.TryGetProperty("enum", out var values))
            {
                continue;
            }

            writer.Doc(DocText.Summary(null, $"The values the model allows for {name}."));
            writer.Open($"public static class {name}");
            var names = new HashSet<string>(StringComparer.Ordinal) { name };
            foreach (var value in values.EnumerateArray().Select(v => v.GetString()!))
            {
                var constant = Naming.Constant(value);
                if (!names.Add(constant))
                {
                    throw new InvalidOperationException($"{name}: the value '{value}' would be named {constant}, which is taken.");
                }

                writer.Line($"public const string {constant} = {Naming.Literal(value)};");
            }

            writer.Close().Line();
        }

        return Trimmed(writer);
    }

    private IEnumerable<string> DeclaredErrors()
        => spec.Operations.SelectMany(model.ErrorsOf).Where(e => !CommonErrors.Contains(e)).Distinct().Order(StringComparer.Ordinal);

    private string Exceptions()
    {
        var writer = Writer(spec.ModelNamespace);
        foreach (var name in DeclaredErrors())
        {
            writer.Doc(DocText.Summary(ServiceModel.Text(model.Shape(name), "documentation"), $"The service answered {name}."));
            writer.Line($"public sealed class {name}(AwsErrorDetails details) : AwsServiceException(details);");
            writer.Line();
        }

        return Trimmed(writer);
    }

    private string ErrorMap()
    {
        var writer = Writer(spec.Namespace, "System.Collections.Frozen", spec.ModelNamespace);
        writer.Doc(DocText.Summary(null, $"The error codes the model declares for the operations of {spec.ClientName}, each to its exception type."));
        writer.Open($"internal static class {spec.Prefix}Errors");
        writer.Line("public static FrozenDictionary<string, Func<AwsErrorDetails, AwsServiceException>> ByCode { get; } = new Dictionary<string, Func<AwsErrorDetails, AwsServiceException>>(StringComparer.Ordinal)");
        writer.Line("{");
        foreach (var name in DeclaredErrors())
        {
            writer.Line($"    [{Naming.Literal(name)}] = d => new {name}(d),");
        }

        writer.Line("}.ToFrozenDictionary(StringComparer.Ordinal);");
        return writer.Close().ToString();
    }

    private string Interface()
    {
        var writer = Writer(spec.Namespace, spec.ModelNamespace);
        writer.Open($"public partial interface {spec.InterfaceName}");
        foreach (var operation in spec.Operations)
        {
            writer.Doc(DocText.Summary(ServiceModel.Text(model.Operation(operation), "documentation"), $"Calls {operation}."));
            writer.Line($"Task<{Output(operation)}> {operation}Async({Input(operation)} request, CancellationToken cancellationToken = default);");
            writer.Line();
        }

        return writer.Close().ToString();
    }

    private string Client()
    {
        var writer = Writer(spec.Namespace, spec.ModelNamespace, "Slipway.Aws.Transport");
        writer.Open($"public sealed partial class {spec.ClientName}");
        foreach (var operation in spec.Operations)
        {
            var token = IdempotencyToken(operation);
            var idempotent = ReadPrefixes.Any(p => operation.StartsWith(p, StringComparison.Ordinal)) || spec.IdempotentOperations.Contains(operation);
            var descriptor = $"new AwsOperation({Naming.Literal(operation)}, Idempotent: {(idempotent ? "true" : "false")}{(token is null ? "" : ", IdempotencyToken: " + Naming.Literal(token))})";
            writer.Line($"private static readonly AwsOperation {operation}Operation = {descriptor};");
            writer.Line();
        }

        foreach (var operation in spec.Operations.Except(spec.HandWrittenOperations))
        {
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public Task<{Output(operation)}> {operation}Async({Input(operation)} request, CancellationToken cancellationToken = default)");
            writer.Line($"    => transport.SendAsync<{Input(operation)}, {Output(operation)}>({operation}Operation, request, cancellationToken);");
            writer.Line();
        }

        return writer.Close().ToString();
    }

    private string Input(string operation) => model.InputOf(operation) ?? throw new NotSupportedException($"{operation} has no input shape.");

    private string Output(string operation) => model.OutputOf(operation) ?? throw new NotSupportedException($"{operation} has no output shape.");

    /// <summary>The member the model marks <c>idempotencyToken</c>, or one the spec names.</summary>
    private string? IdempotencyToken(string operation)
    {
        var input = Input(operation);
        var marked = ServiceModel.Members(model.Shape(input)).Where(m => ServiceModel.Flag(m.Member, "idempotencyToken")).Select(m => m.Name);
        var named = spec.ExtraIdempotencyTokens.Where(t => t.StartsWith(input + ".", StringComparison.Ordinal)).Select(t => t[(input.Length + 1)..]);
        return marked.Concat(named).Distinct().SingleOrDefault();
    }

    private static string Trimmed(CodeWriter writer) => writer.ToString().TrimEnd('\n') + "\n";
}
