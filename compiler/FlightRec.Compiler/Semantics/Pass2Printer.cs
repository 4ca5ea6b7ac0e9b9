using System.Globalization;
using System.Text;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// What <c>frstap -p2</c> prints, in the shape of stap's -p2 listing (main.cxx): globals with
/// types and index types, functions sorted by name with parameter types and locals, then each
/// resolved probe with its derivation chain and locals.
/// </summary>
public static class Pass2Printer
{
    public static string Print(SemanticContext context)
    {
        var o = new StringBuilder();
        // Globals no reached code names do not exist for stap, even with -u; the optimizer marks them elided.
        var globals = context.GlobalsByFirstReference.Where(g => !g.Elided).ToList();
        if (globals.Count > 0)
        {
            o.Append("# globals\n");
            foreach (var global in globals)
            {
                Variable(o, global);
                o.Append('\n');
            }
        }

        var functions = context.AllFunctions.Where(f => f.Used)
            .Concat(context.Builtins.Values.Where(b => b.Used))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Arity)
            .ToList();
        if (functions.Count > 0)
        {
            o.Append("# functions\n");
            foreach (var function in functions)
            {
                o.Append(function.Name).Append(':').Append(function.ReturnType.Name()).Append(" (");
                o.AppendJoin(", ", function.Parameters.Select(p => p.Name + ":" + p.Type.Name()));
                o.Append(")\n");
                Locals(o, function.Locals);
            }
        }

        if (context.Probes.Count > 0)
        {
            o.Append("# probes\n");
            foreach (var probe in context.Probes)
            {
                o.Append(probe.Point).Append(" /*").Append(probe.Derivation).Append(" */\n");
                Locals(o, probe.Locals);
            }
        }

        return o.ToString();
    }

    private static void Locals(StringBuilder o, List<VariableSymbol> locals)
    {
        if (locals.All(l => l.Elided))
        {
            return;
        }

        o.Append("  # locals\n");
        foreach (var local in locals.Where(l => !l.Elided))
        {
            o.Append("  ");
            Variable(o, local);
            o.Append('\n');
        }
    }

    // stap's vardecl::printsig: name, %, [size], :type, then " [index types]" for arrays.
    private static void Variable(StringBuilder o, VariableSymbol v)
    {
        o.Append(v.Name);
        if (v.Wrap)
        {
            o.Append('%');
        }

        if (v.Size is { } size)
        {
            o.Append('[').Append(size.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        o.Append(':').Append(v.Type.Name());
        if (v.IndexTypes.Length > 0)
        {
            o.Append(" [").AppendJoin(", ", v.IndexTypes.Select(t => t.Name())).Append(']');
        }
    }
}
