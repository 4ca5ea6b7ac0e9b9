namespace FlightRec.Compiler.Semantics;

/// <summary>One step of pass 2. Passes communicate only through the context.</summary>
public interface ISemanticPass
{
    void Run(SemanticContext context);
}
