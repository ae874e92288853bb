using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace IceWatch.Grains.Cluster;

/// <summary>
/// The pure core's records travel between grains as JSON (the shape they are stored in), so the core
/// needs no Orleans attributes; the cluster's own messages use generated serializers.
/// </summary>
public static class ClusterSerialization
{
    public static IServiceCollection AddIceWatchSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsCoreType, GrainJson.Options));

    private static bool IsCoreType(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("IceWatch.Grains.", StringComparison.Ordinal) && ns != typeof(ClusterSerialization).Namespace;
}
