using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Tests.Golden;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests;

/// <summary>
/// Session state and verdicts are written by generated code now: stored rows and the public JSON must
/// stay what reflection wrote, byte for byte, and read back to the same state.
/// </summary>
public sealed class GrainJsonTests
{
    // GrainJson.Options as it was before the generated context: reflection, enums by one converter.
    private static readonly JsonSerializerOptions ByReflection = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static TheoryData<string, string> Files() => Recordings.FileData();

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_code_writes_the_state_and_verdicts_of_a_recording_as_reflection_did(string scenario, string file)
    {
        var grain = new SessionGrain(new SessionState { SessionId = scenario }, SessionOptions.Default);
        using (var stream = File.OpenRead(Path.Combine(Recordings.Fixtures, scenario, file)))
            grain.ApplyUpload(stream, DateTimeOffset.UnixEpoch, readers: 1);
        var verdicts = grain.Evaluate(now: null);

        var state = JsonSerializer.Serialize(grain.State, GrainJson.Info<SessionState>());
        Assert.Equal(JsonSerializer.Serialize(grain.State, ByReflection), state);
        Assert.Equal(JsonSerializer.Serialize(verdicts, ByReflection), JsonSerializer.Serialize(verdicts, GrainJson.Options));
        Assert.Contains("\"kind\":\"", state);

        var read = JsonSerializer.Deserialize(state, GrainJson.Info<SessionState>())!;
        Assert.Equal(state, JsonSerializer.Serialize(read, ByReflection));
    }
}
