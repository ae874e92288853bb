namespace IceWatch.Observability.Tests;

/// <summary>Decodes an ExportMetricsServiceRequest (opentelemetry/proto/collector/metrics/v1) into flat points.</summary>
public static class OtlpDecoder
{
    public static List<OtlpPoint> Decode(byte[] body)
    {
        var points = new List<OtlpPoint>();
        var request = new ProtoReader(body);
        while (request.Next(out var field, out var wire))
            if (field == 1) ResourceMetrics(request.Bytes(), points); else request.Skip(wire);
        return points;
    }

    private static void ResourceMetrics(ReadOnlySpan<byte> data, List<OtlpPoint> points)
    {
        var resource = new Dictionary<string, string>();
        var scopes = new List<byte[]>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1) Attributes(reader.Bytes(), 1, resource);
            else if (field == 2) scopes.Add(reader.Bytes().ToArray());
            else reader.Skip(wire);
        }
        foreach (var scope in scopes)
        {
            var scopeReader = new ProtoReader(scope);
            while (scopeReader.Next(out var field, out var wire))
                if (field == 2) Metric(scopeReader.Bytes(), resource, points); else scopeReader.Skip(wire);
        }
    }

    private static void Metric(ReadOnlySpan<byte> data, IReadOnlyDictionary<string, string> resource, List<OtlpPoint> points)
    {
        string name = "", unit = "";
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: name = reader.String(); break;
                case 3: unit = reader.String(); break;
                case 5: Data(reader.Bytes(), name, unit, "gauge", resource, points); break;
                case 7: Data(reader.Bytes(), name, unit, "sum", resource, points); break;
                case 9: Data(reader.Bytes(), name, unit, "histogram", resource, points); break;
                default: reader.Skip(wire); break;
            }
        }
    }

    private static void Data(ReadOnlySpan<byte> data, string name, string unit, string kind, IReadOnlyDictionary<string, string> resource, List<OtlpPoint> points)
    {
        var raw = new List<byte[]>();
        var monotonic = false;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1) raw.Add(reader.Bytes().ToArray());
            else if (field == 3 && kind == "sum") monotonic = reader.Varint() != 0;
            else reader.Skip(wire);
        }
        foreach (var point in raw) points.Add(Point(point, name, unit, kind, monotonic, resource));
    }

    private static OtlpPoint Point(ReadOnlySpan<byte> data, string name, string unit, string kind, bool monotonic, IReadOnlyDictionary<string, string> resource)
    {
        var attributes = new Dictionary<string, string>();
        double value = 0;
        ulong count = 0;
        var attributesField = kind == "histogram" ? 9 : 7;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            if (field == attributesField && wire == 2) Attributes(reader.Bytes(), 0, attributes);
            else if (kind != "histogram" && field == 4) value = reader.Double();
            else if (kind != "histogram" && field == 6) value = (long)reader.Fixed64();
            else if (kind == "histogram" && field == 4) count = reader.Fixed64();
            else if (kind == "histogram" && field == 5) value = reader.Double();
            else reader.Skip(wire);
        }
        return new OtlpPoint(name, unit, kind, monotonic, attributes, value, count, resource);
    }

    /// <summary>A KeyValue (or, with field set, the repeated KeyValue field of a Resource) into the dictionary.</summary>
    private static void Attributes(ReadOnlySpan<byte> data, int field, Dictionary<string, string> into)
    {
        if (field != 0)
        {
            var outer = new ProtoReader(data);
            while (outer.Next(out var f, out var wire))
                if (f == field) Attributes(outer.Bytes(), 0, into); else outer.Skip(wire);
            return;
        }
        string key = "", value = "";
        var reader = new ProtoReader(data);
        while (reader.Next(out var f, out var wire))
        {
            if (f == 1) key = reader.String();
            else if (f == 2) value = AnyValue(reader.Bytes());
            else reader.Skip(wire);
        }
        into[key] = value;
    }

    private static string AnyValue(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: return reader.String();
                case 2: return reader.Varint() != 0 ? "true" : "false";
                case 3: return ((long)reader.Varint()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 4: return reader.Double().ToString(System.Globalization.CultureInfo.InvariantCulture);
                default: reader.Skip(wire); break;
            }
        }
        return "";
    }
}
