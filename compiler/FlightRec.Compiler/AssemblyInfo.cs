// The generated parser marks its types [CLSCompliant(false)]; that needs the assembly to say where it stands.
[assembly: System.CLSCompliant(false)]
