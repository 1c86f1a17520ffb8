using System.Text.Json;

namespace Slipway.LocalCloud.Ecr;

/// <summary>ECR's lifecycle policy rules (ecs-behaviour.md §7); the first broken rule is reported in ECR's words.</summary>
internal static class LifecyclePolicyValidator
{
    private const string Prefix = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";

    /// <summary>Null when valid, else the InvalidParameterException message.</summary>
    public static string? Problem(string? text)
    {
        if (text is null || text.Length < 100 || text.Length > 30720)
        {
            return "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Member must have length between 100 and 30720'";
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return RulesProblem(json.RootElement) is { } problem ? Prefix + problem + "'" : null;
        }
        catch (JsonException)
        {
            return Prefix + "Could not parse the policy: it is not valid JSON.'";
        }
    }

    private static string? RulesProblem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array || rules.GetArrayLength() == 0)
        {
            return "object has missing required properties ([\"rules\"])";
        }

        var priorities = new HashSet<int>();
        var anyPriority = (int?)null;
        var maxPriority = int.MinValue;
        var untagged = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            if (PositiveInteger(rule, "rulePriority") is not { } priority)
            {
                return "rulePriority must be a positive integer.";
            }

            if (!priorities.Add(priority))
            {
                return $"The rulePriority {priority} is used by more than one rule. Rule priorities must be unique.";
            }

            maxPriority = Math.Max(maxPriority, priority);
            if (!rule.TryGetProperty("selection", out var selection) || selection.ValueKind != JsonValueKind.Object)
            {
                return "object has missing required properties ([\"selection\"])";
            }

            var status = Text(selection, "tagStatus")?.ToUpperInvariant();
            var hasPrefixes = NonEmptyArray(selection, "tagPrefixList");
            var hasPatterns = NonEmptyArray(selection, "tagPatternList");
            switch (status)
            {
                case "TAGGED" when !hasPrefixes && !hasPatterns:
                    return "Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.";
                case "UNTAGGED" when hasPrefixes || hasPatterns:
                    return "tagPrefixList and tagPatternList are only allowed when tagStatus=TAGGED.";
                case "UNTAGGED":
                    untagged++;
                    break;
                case "ANY":
                    anyPriority = priority;
                    break;
                case "TAGGED":
                    break;
                default:
                    return "tagStatus must be one of tagged, untagged or any.";
            }

            if (hasPatterns && selection.GetProperty("tagPatternList").EnumerateArray().Any(pattern => pattern.ValueKind == JsonValueKind.String && pattern.GetString()!.Count(c => c == '*') > 4))
            {
                return "A tag pattern can contain at most four wildcards (*).";
            }

            var countType = Text(selection, "countType");
            var hasUnit = selection.TryGetProperty("countUnit", out _);
            if (countType is not ("imageCountMoreThan" or "sinceImagePushed"))
            {
                return "countType must be imageCountMoreThan or sinceImagePushed.";
            }

            if (countType == "imageCountMoreThan" && hasUnit)
            {
                return "countUnit is only allowed with countType=sinceImagePushed.";
            }

            if (countType == "sinceImagePushed" && Text(selection, "countUnit") != "days")
            {
                return "countUnit must be days when countType=sinceImagePushed.";
            }

            if (PositiveInteger(selection, "countNumber") is null)
            {
                return "countNumber must be a positive integer.";
            }

            if (!rule.TryGetProperty("action", out var action) || Text(action, "type") != "expire")
            {
                return "action.type must be expire.";
            }
        }

        if (untagged > 1)
        {
            return "Only one rule can select Untagged images per storage class";
        }

        return anyPriority is { } any && any != maxPriority ? "Rule for tagStatus=ANY must have the lowest priority per storage class" : null;
    }

    /// <summary>The property as a positive integer, or null (a number in quotes too: reading it as a number would throw).</summary>
    private static int? PositiveInteger(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 1
            ? number
            : null;

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool NonEmptyArray(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;
}
