using Slipway.Aws.Ecs.TaskDefinitions;

namespace Slipway.Aws.Tests.TaskDefinitions;

/// <summary>Messages of task-definition files the catalogue in <see cref="TaskDefinitionFileTests"/> does not cover.</summary>
public sealed class TaskDefinitionFileMessageTests
{
    private const string File = "deploy/taskdef.json";

    [Fact]
    public void A_taskDefinitions_member_that_is_not_a_list_is_still_refused_as_more_than_one_definition()
    {
        var error = Assert.Throws<TaskDefinitionFileException>(() => TaskDefinitionFile.Parse("""{"taskDefinitions":{"family":"a"}}""", File));

        Assert.Equal(
            ["taskDefinitions: a file holds one task definition (found a taskDefinitions member); keep one, as the whole file or under taskDefinition"],
            error.Problems);
    }

    [Fact]
    public void A_wrapper_whose_taskDefinition_is_not_an_object_says_what_it_found()
    {
        var error = Assert.Throws<TaskDefinitionFileException>(() => TaskDefinitionFile.Parse("""{"taskDefinition":[]}""", File));

        Assert.Equal(["taskDefinition: expected an object (RegisterTaskDefinitionRequest), found a list"], error.Problems);
        Assert.Equal($"{File}: taskDefinition: expected an object (RegisterTaskDefinitionRequest), found a list", error.Message);
    }

    [Fact]
    public void An_exception_made_without_a_file_says_task_definition_and_keeps_its_message_as_the_only_problem()
    {
        var inner = new InvalidOperationException("inner");

        var empty = new TaskDefinitionFileException();
        var message = new TaskDefinitionFileException("no family");
        var wrapped = new TaskDefinitionFileException("no family", inner);

        Assert.Equal(("task definition: not a valid task definition.", "", 0), (empty.Message, empty.FilePath, empty.Problems.Count));
        Assert.Equal(("task definition: no family", "", "no family"), (message.Message, message.FilePath, Assert.Single(message.Problems)));
        Assert.Equal(("no family", "", "no family", inner), (wrapped.Message, wrapped.FilePath, Assert.Single(wrapped.Problems), wrapped.InnerException));
    }
}
