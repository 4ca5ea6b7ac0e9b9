namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>One concrete component of a point being resolved, with its literal argument.</summary>
public readonly record struct ProbePointPart(string Name, ProbeArgumentKind Kind, long Number, string? Text)
{
    public static ProbePointPart Bare(string name) => new(name, ProbeArgumentKind.None, 0, null);

    public static ProbePointPart WithNumber(string name, long value) => new(name, ProbeArgumentKind.Number, value, null);

    public static ProbePointPart WithString(string name, string value) => new(name, ProbeArgumentKind.String, 0, value);

    /// <summary>The component as <c>pp()</c> shows it: strings quoted, numbers in decimal.</summary>
    public override string ToString() => Kind switch
    {
        ProbeArgumentKind.Number => $"{Name}({Number})",
        ProbeArgumentKind.String => $"{Name}(\"{Text}\")",
        _ => Name,
    };

    public static string Join(IEnumerable<ProbePointPart> parts) => string.Join('.', parts);
}
