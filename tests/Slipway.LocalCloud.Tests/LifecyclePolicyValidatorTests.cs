using Slipway.LocalCloud.Ecr;

namespace Slipway.LocalCloud.Tests;

/// <summary>ECR's lifecycle policy validation (ecs-behaviour.md §7): every rule it enforces, in ECR's words.</summary>
public sealed class LifecyclePolicyValidatorTests
{
    private const string Prefix = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";
    private const string Expire = "\"action\":{\"type\":\"expire\"}";
    private const string KeepTen = "\"countType\":\"imageCountMoreThan\",\"countNumber\":10";

    [Theory]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":14}},{Expire}}}")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"v\"],{KeepTen}}},{Expire}}}")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"TAGGED\",\"tagPatternList\":[\"*a*b*c*d\"],{KeepTen}}},{Expire}}}")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}},{{\"rulePriority\":2,\"selection\":{{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1}},{Expire}}}")]
    [InlineData($"{{\"rulePriority\":5,\"selection\":{{\"tagStatus\":\"any\",{KeepTen}}},{Expire}}},{{\"rulePriority\":2,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}}")]
    public void A_valid_policy_has_no_problem(string rules) => Assert.Null(LifecyclePolicyValidator.Problem(Policy(rules)));

    [Theory]
    [InlineData(null)]
    [InlineData("{\"rules\":[]}")]
    public void A_policy_shorter_than_100_characters_is_refused_by_length(string? text) =>
        Assert.Equal("Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Member must have length between 100 and 30720'", LifecyclePolicyValidator.Problem(text));

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(30720, true)]
    [InlineData(30721, false)]
    public void The_length_limits_are_100_and_30720_characters(int length, bool withinLimits)
    {
        // Text that is not JSON: within the limits the parse fails, outside them the length is reported first.
        var problem = LifecyclePolicyValidator.Problem("{ not json".PadRight(length));

        Assert.Equal(withinLimits, problem!.EndsWith("it is not valid JSON.'", StringComparison.Ordinal));
        Assert.Equal(!withinLimits, problem.EndsWith("'Member must have length between 100 and 30720'", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_json_is_refused() =>
        Assert.Equal(Prefix + "Could not parse the policy: it is not valid JSON.'", LifecyclePolicyValidator.Problem("{ not json".PadRight(120)));

    [Theory]
    [InlineData("[]", "object has missing required properties ([\"rules\"])")]
    [InlineData("{\"rules\":{}}", "object has missing required properties ([\"rules\"])")]
    [InlineData("{\"rules\":[]}", "object has missing required properties ([\"rules\"])")]
    [InlineData("{\"other\":[1]}", "object has missing required properties ([\"rules\"])")]
    public void A_policy_needs_a_non_empty_rules_array(string json, string problem) =>
        Assert.Equal(Prefix + problem + "'", LifecyclePolicyValidator.Problem(json.PadRight(120)));

    [Theory]
    [InlineData($"{{\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}}", "rulePriority must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":\"1\",\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}}", "rulePriority must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":0,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}}", "rulePriority must be a positive integer.")]
    [InlineData("1", "rulePriority must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":1.5,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}}", "rulePriority must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":1,{Expire}}}", "object has missing required properties ([\"selection\"])")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":[],{Expire}}}", "object has missing required properties ([\"selection\"])")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"tagged\",{KeepTen}}},{Expire}}}", "Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"tagged\",\"tagPrefixList\":[],{KeepTen}}},{Expire}}}", "Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"tagPrefixList\":[\"v\"],{KeepTen}}},{Expire}}}", "tagPrefixList and tagPatternList are only allowed when tagStatus=TAGGED.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"tagPatternList\":[\"v*\"],{KeepTen}}},{Expire}}}", "tagPrefixList and tagPatternList are only allowed when tagStatus=TAGGED.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"some\",{KeepTen}}},{Expire}}}", "tagStatus must be one of tagged, untagged or any.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{{KeepTen}}},{Expire}}}", "tagStatus must be one of tagged, untagged or any.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"*a*b*c*d*\"],{KeepTen}}},{Expire}}}", "A tag pattern can contain at most four wildcards (*).")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"imageCountLessThan\",\"countNumber\":1}},{Expire}}}", "countType must be imageCountMoreThan or sinceImagePushed.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countNumber\":1}},{Expire}}}", "countType must be imageCountMoreThan or sinceImagePushed.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countUnit\":\"days\",{KeepTen}}},{Expire}}}", "countUnit is only allowed with countType=sinceImagePushed.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countNumber\":1}},{Expire}}}", "countUnit must be days when countType=sinceImagePushed.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"hours\",\"countNumber\":1}},{Expire}}}", "countUnit must be days when countType=sinceImagePushed.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\"}},{Expire}}}", "countNumber must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":0}},{Expire}}}", "countNumber must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1.5}},{Expire}}}", "countNumber must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":\"3\"}},{Expire}}}", "countNumber must be a positive integer.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"tagged\",\"tagPatternList\":[7],{KeepTen}}},\"action\":{{}}}}", "action.type must be expire.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}}}}", "action.type must be expire.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},\"action\":{{\"type\":\"archive\"}}}}", "action.type must be expire.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},\"action\":\"expire\"}}", "action.type must be expire.")]
    public void The_first_broken_rule_is_named_in_ECRs_words(string rules, string problem) =>
        Assert.Equal(Prefix + problem + "'", LifecyclePolicyValidator.Problem(Policy(rules)));

    [Theory]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}},{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"v\"],{KeepTen}}},{Expire}}}", "The rulePriority 1 is used by more than one rule. Rule priorities must be unique.")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}},{{\"rulePriority\":2,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}}", "Only one rule can select Untagged images per storage class")]
    [InlineData($"{{\"rulePriority\":1,\"selection\":{{\"tagStatus\":\"any\",{KeepTen}}},{Expire}}},{{\"rulePriority\":2,\"selection\":{{\"tagStatus\":\"untagged\",{KeepTen}}},{Expire}}}", "Rule for tagStatus=ANY must have the lowest priority per storage class")]
    public void Rules_are_judged_together_for_priorities_untagged_images_and_the_any_rule(string rules, string problem) =>
        Assert.Equal(Prefix + problem + "'", LifecyclePolicyValidator.Problem(Policy(rules)));

    private static string Policy(string rules) => $"{{\"rules\":[{rules}]}}".PadRight(100);
}
