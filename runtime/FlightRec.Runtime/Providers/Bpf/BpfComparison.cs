namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>How a capture filter compares a value with its constant.</summary>
public enum BpfComparison
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}
