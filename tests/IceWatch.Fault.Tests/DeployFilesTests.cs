using System.Diagnostics;
using System.Text.Json;

namespace IceWatch.Fault.Tests;

/// <summary>
/// No container engine or cluster runs here, so the deployment files are checked for what can be checked:
/// YAML that parses (PyYAML), the manifests' shape and probes, systemd units that systemd-analyze accepts.
/// </summary>
public sealed class DeployFilesTests
{
    private static string Deploy => Path.Combine(RepoPaths.Root, "deploy");

    [Fact]
    public async Task The_compose_file_and_kubernetes_manifests_parse_and_wire_both_roles_with_probes()
    {
        var files = Directory.GetFiles(Deploy, "*.yaml", SearchOption.AllDirectories).Order().ToList();
        Assert.Contains(files, f => f.EndsWith("compose.yaml", StringComparison.Ordinal));
        var parsed = JsonDocument.Parse(await RunAsync("python3", ["-c", """
            import json, sys, yaml
            print(json.dumps({f: list(yaml.safe_load_all(open(f))) for f in sys.argv[1:]}))
            """, .. files])).RootElement;

        var compose = parsed.GetProperty(files.Single(f => f.EndsWith("compose.yaml", StringComparison.Ordinal))).EnumerateArray().Single();
        var services = compose.GetProperty("services");
        Assert.Equal("ingest", services.GetProperty("ingest").GetProperty("environment").GetProperty("ICEWATCH_ROLE").GetString());
        Assert.Contains("readyz", services.GetProperty("ingest").GetProperty("healthcheck").GetRawText());
        Assert.True(services.TryGetProperty("postgres", out _));
        var siloService = services.GetProperty("silo").GetProperty("environment");
        Assert.Equal(("silo", "host"), (siloService.GetProperty("ICEWATCH_ROLE").GetString(), siloService.GetProperty("ICEWATCH_SILO_ADDRESS").GetString()));
        Assert.Contains("livez", services.GetProperty("silo").GetProperty("healthcheck").GetRawText());

        var manifests = files.Where(f => f.Contains($"{Path.DirectorySeparatorChar}k8s{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => parsed.GetProperty(f).EnumerateArray()).ToList();
        Assert.All(manifests, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.GetProperty("apiVersion").GetString()));
            Assert.False(string.IsNullOrEmpty(m.GetProperty("metadata").GetProperty("name").GetString()));
        });
        var deployments = manifests.Where(m => m.GetProperty("kind").GetString() == "Deployment").ToDictionary(m => m.GetProperty("metadata").GetProperty("name").GetString()!);
        var ingest = deployments["icewatch-ingest"].GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        Assert.Equal("/readyz", ingest.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal("/livez", ingest.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Contains("ICEWATCH_ROLE", ingest.GetProperty("env").GetRawText());
        var silo = deployments["icewatch-silo"].GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        Assert.Equal("/livez", silo.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal([8080, 11111, 30000], silo.GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()).Order());
        var siloEnv = silo.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal("silo", siloEnv["ICEWATCH_ROLE"].GetProperty("value").GetString());
        Assert.Equal("status.podIP", siloEnv["ICEWATCH_SILO_ADDRESS"].GetProperty("valueFrom").GetProperty("fieldRef").GetProperty("fieldPath").GetString());
    }

    [Fact]
    public async Task The_systemd_units_pass_systemd_analyze_verify()
    {
        if (!File.Exists("/usr/bin/systemd-analyze")) return; // a host without systemd: nothing to verify against
        var units = Path.Combine(Path.GetTempPath(), $"icewatch-units-{Guid.NewGuid():N}");
        Directory.CreateDirectory(units);
        try
        {
            foreach (var unit in Directory.GetFiles(Path.Combine(Deploy, "systemd"), "*.service"))
                File.Copy(unit, Path.Combine(units, Path.GetFileName(unit)));
            await RunAsync("systemd-analyze", ["verify", "--man=no",
                Path.Combine(units, "icewatch-ingest@8080.service"), Path.Combine(units, "icewatch-silo@1.service")]);
        }
        finally
        {
            Directory.Delete(units, recursive: true);
        }
    }

    [Fact]
    public void The_dockerfile_names_projects_and_assemblies_that_exist()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));
        foreach (var (project, assembly) in new[] { ("ingest-api", "IceWatch.IngestApi"), ("silo", "IceWatch.Silo") })
        {
            Assert.Contains($"PROJECT={project} --build-arg ASSEMBLY={assembly}", dockerfile);
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, project, $"{assembly}.csproj")), $"{project}/{assembly}.csproj");
        }
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {error}");
        return await output;
    }
}
