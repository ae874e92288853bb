using System.Text.Json;
using System.Text.Json.Serialization;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains;

/// <summary>
/// Serialization code generated at build time for what the pure core writes and reads itself (session
/// state, verdicts), so the offline diagnosis runs compiled ahead of time, with no reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(Verdict))]
[JsonSerializable(typeof(SessionTruncation))]
[JsonSerializable(typeof(AppliedSequence.Stored))]
[JsonSerializable(typeof(long[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class GrainJsonContext : JsonSerializerContext;
