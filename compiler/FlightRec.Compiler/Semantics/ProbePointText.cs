using System.Globalization;
using System.Text;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>Probe points and probe signatures printed as stap prints them (probe_point::print, probe::printsig).</summary>
public static class ProbePointText
{
    /// <summary><c>timer.ms(100)</c>, <c>begin(-5)</c>, <c>kernel.trace("sched:*")</c>: no <c>?</c>, <c>!</c> or condition.</summary>
    public static string Point(ProbePoint point)
    {
        var text = new StringBuilder();
        for (int i = 0; i < point.Components.Length; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }

            var component = point.Components[i];
            text.Append(component.Name);
            if (component.Argument is { } argument)
            {
                text.Append('(').Append(Literal(argument)).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>What stap's probe::printsig shows for a declaration: points joined by ",", or an alias signature.</summary>
    public static string Signature(ProbeDeclaration probe)
    {
        string points = string.Join(probe.Kind == AliasKind.None ? "," : ", ", probe.Points.Select(PointWithExtras));
        if (probe.Kind == AliasKind.None)
        {
            return points;
        }

        string names = string.Join(" = ", probe.AliasNames.Select(Point));
        return names + (probe.Kind == AliasKind.Epilogue ? " += " : " = ") + points;
    }

    private static string PointWithExtras(ProbePoint point)
    {
        string text = Point(point);
        if (point.Sufficient)
        {
            text += "!";
        }
        else if (point.Optional)
        {
            text += "?";
        }

        return point.Condition is { } condition ? text + " if (" + PrettyPrinter.Print(condition) + ")" : text;
    }

    private static string Literal(Literal literal) => literal switch
    {
        NumberLiteral n => n.Value.ToString(CultureInfo.InvariantCulture),
        StringLiteral s => "\"" + s.Text + "\"",
        _ => "",
    };
}
