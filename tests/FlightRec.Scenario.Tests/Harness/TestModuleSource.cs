namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// A hand-written test module: its C# source (an embedded Modules/*.cs.txt resource), the
/// file name of the assembly built from it, and the preprocessor symbols it is built with.
/// </summary>
internal sealed record TestModuleSource(string Resource, string AssemblyName, params string[] Symbols)
{
    public static readonly TestModuleSource Seq = new("Seq", "seq");
    public static readonly TestModuleSource Flood = new("Flood", "flood");
    public static readonly TestModuleSource TwoCpu = new("TwoCpu", "twocpu");
    public static readonly TestModuleSource Big = new("Big", "big");
    public static readonly TestModuleSource BigBulk = new("Big", "bigbulk", "BULK");
    public static readonly TestModuleSource Exit = new("Exit", "exit");
    public static readonly TestModuleSource Err = new("Err", "err");
    public static readonly TestModuleSource Abi2 = new("Abi2", "abi2");
    public static readonly TestModuleSource NotAModule = new("NotAModule", "notamodule");

    public static IReadOnlyList<TestModuleSource> All => [Seq, Flood, TwoCpu, Big, BigBulk, Exit, Err, Abi2, NotAModule];

    public string FileName => AssemblyName + ".dll";

    public string ReadText()
    {
        string name = $"Modules.{Resource}.cs.txt";
        using var stream = typeof(TestModuleSource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded module source {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
