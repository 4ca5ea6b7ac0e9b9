namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>One component of a probe point family's shape: <c>ms(NUMBER)</c> is ("ms", Number).</summary>
public readonly record struct ProbeComponentShape(string Name, ProbeArgumentKind Argument)
{
    public override string ToString() => Argument switch
    {
        ProbeArgumentKind.Number => Name + "(number)",
        ProbeArgumentKind.String => Name + "(string)",
        _ => Name,
    };
}
