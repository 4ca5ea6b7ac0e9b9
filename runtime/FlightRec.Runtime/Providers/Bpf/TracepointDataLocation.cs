namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// A <c>__data_loc</c> (or <c>__rel_loc</c>) word of a tracepoint record: a u32 at
/// <paramref name="Offset"/> whose low 16 bits are where the field's bytes start (from the record
/// start, or with <paramref name="IsRelative"/> from the end of the word) and whose high 16 bits
/// are how many there are. The capture program reads these to know how far the record goes.
/// </summary>
public readonly record struct TracepointDataLocation(int Offset, bool IsRelative);
