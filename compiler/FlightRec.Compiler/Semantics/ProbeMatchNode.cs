using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Providers.Catalogue;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// One node of the tree probe points are matched against (stap's match_node): children by
/// component name and argument kind, in stap's order (by name, then kind), and what a point
/// ending here builds — runtime families and script or tapset aliases.
/// </summary>
public sealed class ProbeMatchNode
{
    private readonly SortedDictionary<ProbeComponentShape, ProbeMatchNode> _children = new(ShapeOrder.Instance);

    public IReadOnlyDictionary<ProbeComponentShape, ProbeMatchNode> Children => _children;

    public List<IProbePointBuilder> Families { get; } = [];

    public List<ProbeDeclaration> Aliases { get; } = [];

    public bool IsEnd => Families.Count > 0 || Aliases.Count > 0;

    public ProbeMatchNode Bind(ProbeComponentShape shape)
    {
        if (!_children.TryGetValue(shape, out var child))
        {
            _children[shape] = child = new ProbeMatchNode();
        }

        return child;
    }

    /// <summary>A tree holding every pattern of the runtime's catalogue.</summary>
    public static ProbeMatchNode FromCatalogue(ProbeCatalogue catalogue)
    {
        var root = new ProbeMatchNode();
        foreach (var pattern in catalogue.Patterns)
        {
            var node = root;
            foreach (var shape in pattern.Components)
            {
                node = node.Bind(shape);
            }

            node.Families.Add(pattern.Builder);
        }

        return root;
    }

    private sealed class ShapeOrder : IComparer<ProbeComponentShape>
    {
        public static readonly ShapeOrder Instance = new();

        public int Compare(ProbeComponentShape x, ProbeComponentShape y)
        {
            int byName = string.CompareOrdinal(x.Name, y.Name);
            return byName != 0 ? byName : x.Argument.CompareTo(y.Argument);
        }
    }
}
