namespace FlightRec.Runtime.Collections;

/// <summary>
/// Extracts the number a statistics-valued map sorts its values by (<c>@count</c> by default,
/// or <c>@sum</c>, <c>@min</c>, <c>@max</c>, <c>@avg</c>; <c>@variance</c> sorts like
/// <c>@count</c>, LANGUAGE.md §5.5). The caller picks it, so the map stays independent of
/// the statistics type. It must not throw for an empty aggregate.
/// </summary>
public delegate long MapValueSortKey<TValue>(in TValue value);
