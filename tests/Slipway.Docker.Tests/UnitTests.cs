using Docker.DotNet.Models;
using Microsoft.Extensions.Time.Testing;

namespace Slipway.Docker.Tests;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/slipway/api:1.2.3", "127.0.0.1:5000", "slipway/api", "1.2.3", null)]
    [InlineData("localhost/api", "localhost", "api", null, null)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:abc", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "api", null, "sha256:abc")]
    [InlineData("nginx", "docker.io", "library/nginx", null, null)]
    [InlineData("slipway/dotnet-aspnet-base:295cf221ecaf", "docker.io", "slipway/dotnet-aspnet-base", "295cf221ecaf", null)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com", "dotnet/aspnet", "10.0", null)]
    public void References_split_into_registry_repository_tag_and_digest_like_docker(string text, string registry, string repository, string? tag, string? digest)
    {
        Assert.Equal(new ImageReference(registry, repository, tag, digest), ImageReference.Parse(text));
    }
}

public sealed class ImageTagsTests
{
    [Fact]
    public void Tags_are_the_version_and_the_commit()
    {
        Assert.Equal(["r/api:1.2.3", "r/api:abc123"], ImageTags.For("r/api", "1.2.3", "abc123"));
    }

    [Theory]
    [InlineData("1.2.3+build.5", "1.2.3-build.5")]
    [InlineData("feature/x", "feature-x")]
    [InlineData(".hidden", "_.hidden")]
    public void Characters_a_tag_cannot_hold_are_replaced(string value, string tag)
    {
        Assert.Equal(tag, ImageTags.Sanitize(value));
    }

    [Fact]
    public void Tags_are_at_most_128_characters()
    {
        Assert.Equal(128, ImageTags.Sanitize(new string('a', 300)).Length);
    }
}

public sealed class BuildOutputTests
{
    [Fact]
    public void Output_lines_reach_the_log_whole_even_when_split_across_messages()
    {
        var log = new RecordingLog();
        var output = new BuildOutput(log);

        output.Report(new JSONMessage { Stream = "Step 1/2 : FROM x\n ---> ab" });
        output.Report(new JSONMessage { Stream = "c123\nStep 2/2 : RUN false\n" });
        output.Report(new JSONMessage { Error = new JSONError { Code = 1, Message = "The command '/bin/sh -c false' returned a non-zero code: 1" } });

        Assert.Equal(["Step 1/2 : FROM x", " ---> abc123", "Step 2/2 : RUN false", "The command '/bin/sh -c false' returned a non-zero code: 1"], log.Lines);
        Assert.Equal("Step 2/2 : RUN false", output.Step);
        Assert.Equal(2, output.Steps);
        Assert.Equal("The command '/bin/sh -c false' returned a non-zero code: 1", output.Error);
    }

    [Fact]
    public void Cache_hits_and_the_built_image_id_are_recognised()
    {
        var output = new BuildOutput(new RecordingLog());

        output.Report(new JSONMessage { Stream = "Step 1/1 : COPY . /app\n ---> Using cache\n ---> 1234\n" });
        output.Report(new JSONMessage { Stream = "Successfully built 1234\n" });
        output.Complete();

        Assert.Equal(1, output.CachedSteps);
        Assert.Equal("1234", output.ImageId);
    }

    [Fact]
    public void The_steps_the_cache_did_not_serve_are_named_and_FROM_and_ARG_before_it_never_count()
    {
        var log = new RecordingLog();
        var output = new BuildOutput(log);

        output.Report(new JSONMessage
        {
            Stream = "Step 1/5 : ARG BASE_IMAGE=debian\nStep 2/5 : FROM ${BASE_IMAGE}\n ---> aaa\nStep 3/5 : WORKDIR /app\n ---> Using cache\n ---> bbb\n"
                + "Step 4/5 : COPY . /app\n ---> ccc\nStep 5/5 : RUN true\n ---> Running in 0f0f0f\nRemoving intermediate container 0f0f0f\n ---> ddd\nSuccessfully built ddd\n",
        });
        output.Complete();

        Assert.Equal(["COPY . /app", "RUN true"], output.RebuiltSteps);
    }

    [Fact]
    public void Intermediate_container_lines_are_debug_lines_shown_only_at_verbose()
    {
        var log = new RecordingLog();
        var output = new BuildOutput(log);

        output.Report(new JSONMessage { Stream = "Step 1/2 : FROM x\n ---> aaa\nStep 2/2 : RUN true\n ---> Running in 0f0f0f\nRemoving intermediate container 0f0f0f\n ---> bbb\n" });
        output.Complete();

        Assert.DoesNotContain(log.Entries, e => e.Level != Slipway.Output.LogLevel.Debug && (e.Message.Contains("Running in", StringComparison.Ordinal) || e.Message.Contains("intermediate container", StringComparison.Ordinal)));
        Assert.Contains(log.Entries, e => e.Level == Slipway.Output.LogLevel.Debug && e.Message.Contains("Removing intermediate container 0f0f0f", StringComparison.Ordinal));
    }

    [Fact]
    public void Failure_message_names_the_step_and_the_error()
    {
        var exception = new DockerBuildException("Step 3/6 : RUN false", "returned a non-zero code: 1");

        Assert.Equal("docker build failed at Step 3/6 : RUN false: returned a non-zero code: 1", exception.Message);
    }
}

public sealed class PushProgressTests
{
    [Fact]
    public void Upload_progress_is_logged_every_tenth_or_two_seconds_and_existing_layers_count_zero_bytes()
    {
        var time = new FakeTimeProvider();
        var log = new RecordingLog();
        var progress = new PushProgress(log, time);

        progress.Report(new JSONMessage { ID = "aaa", Status = "Preparing" });
        progress.Report(new JSONMessage { ID = "bbb", Status = "Layer already exists" });
        for (var current = 0; current <= 1000; current += 10)
        {
            progress.Report(new JSONMessage { ID = "aaa", Status = "Pushing", Progress = new JSONProgress { Current = current, Total = 1000 } });
        }

        time.Advance(TimeSpan.FromSeconds(3));
        progress.Report(new JSONMessage { ID = "aaa", Status = "Pushing", Progress = new JSONProgress { Current = 1000, Total = 1000 } });
        progress.Report(new JSONMessage { ID = "aaa", Status = "Pushed" });
        progress.Report(new JSONMessage { Status = "1.2.3: digest: sha256:feed size: 1234" });

        Assert.Equal(12, log.Lines.Count(l => l.StartsWith("aaa: pushing", StringComparison.Ordinal)));
        Assert.Equal(1000, progress.UploadedBytes);
        Assert.Equal(1, progress.PushedLayers);
        Assert.Equal(1, progress.ExistingLayers);
        Assert.Equal("sha256:feed", progress.Digest);
    }
}

public sealed class RegistryAuthTests
{
    [Fact]
    public void Credentials_never_show_their_secret()
    {
        var credentials = RegistryCredentials.FromBasicToken(Convert.ToBase64String("AWS:s3cr3t-password"u8.ToArray()));

        Assert.Equal("AWS", credentials.Username);
        Assert.Equal("s3cr3t-password", credentials.Password);
        Assert.DoesNotContain("s3cr3t", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", $"{credentials}", StringComparison.Ordinal);
    }

    [Fact]
    public void Bearer_challenge_parameters_keep_commas_inside_quotes()
    {
        var parameters = BearerChallenge.Parse("realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\"");

        Assert.Equal("https://auth.example/token", parameters["realm"]);
        Assert.Equal("registry.example", parameters["service"]);
        Assert.Equal("repository:a/b:pull,push", parameters["scope"]);
    }
}

public sealed class LocalBaseImageRecipeTests
{
    [Fact]
    public void Tag_changes_with_the_runtime_and_the_packages_and_is_stable_otherwise()
    {
        var recipe = new LocalBaseImageRecipe("bookworm", LocalBaseImageRecipe.DefaultPackages, "10.0.12");

        Assert.Equal(recipe.Image, new LocalBaseImageRecipe("bookworm", [.. LocalBaseImageRecipe.DefaultPackages], "10.0.12").Image);
        Assert.NotEqual(recipe.Hash, (recipe with { RuntimeVersion = "10.0.13" }).Hash);
        Assert.NotEqual(recipe.Hash, (recipe with { Packages = [.. LocalBaseImageRecipe.DefaultPackages, "libicu72"] }).Hash);
        Assert.StartsWith("slipway/dotnet-aspnet-base:", recipe.Image, StringComparison.Ordinal);
        Assert.Contains("ENV APP_UID=1654", recipe.Changes);
        Assert.Contains("ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1", recipe.Changes);
    }
}

public sealed class OciLabelsTests
{
    [Fact]
    public void Created_is_the_given_commit_time_in_utc()
    {
        var labels = OciLabels.Create("1.0.0", "abc", new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)), null, "Api");

        Assert.Equal("2026-01-02T03:04:05Z", labels[OciLabels.Created]);
        Assert.False(labels.ContainsKey(OciLabels.Source));
    }
}

public sealed class BaseImageTests
{
    [Fact]
    public async Task Explicit_base_image_wins_without_asking_the_engine()
    {
        // An engine that cannot answer proves nothing was asked of it.
        using var engine = new DockerEngine(new Uri($"unix:///tmp/slipway-no-engine-{Guid.NewGuid():N}.sock"));
        var log = new RecordingLog();

        var image = await new BaseImage(engine, TimeProvider.System).ResolveAsync("registry.example/base:1", log, CancellationToken.None);

        Assert.Equal("registry.example/base:1", image);
        Assert.Contains("Base image: registry.example/base:1 (given explicitly)", log.Lines);
    }
}
