namespace FlightRec.Runtime.Collections;

/// <summary>Compares two map slots by index; a struct implementation keeps sorting free of virtual calls.</summary>
internal interface IIndexComparer
{
    int Compare(int a, int b);
}
